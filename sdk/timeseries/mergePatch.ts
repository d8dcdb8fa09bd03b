import { isObject } from "../../provider/values/compare";

/**
 * JSON Merge Patch (RFC 7386) over plain JSON values, with `undefined` meaning "not written":
 * objects merge key by key (recursively), `null` removes the key, and every other value
 * (strings, numbers, booleans, lists) replaces the target's value whole. Never mutates its inputs.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
    if (!isObject(patch)) return patch;
    const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        if (value === null) delete out[key];
        // Own data property even for "__proto__": JSON.parse input can carry that key.
        else Object.defineProperty(out, key, { value: mergePatch(out[key], value), enumerable: true, writable: true, configurable: true });
    }
    return out;
}
