/**
 * Pulumi passes values that are not known yet (preview of a resource whose input depends on
 * another resource's output) as these sentinel strings, one per value kind.
 */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (also what @pulumi/pulumi's runtime uses for all kinds)
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // bool
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
]);

export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** True when the value, or anything nested in it, is not known yet. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}
