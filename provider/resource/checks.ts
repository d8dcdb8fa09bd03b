import type { z } from "zod";
import { containsUnknown, formatPath, isUnknown, type ManifestFailure } from "../manifest";
import { quote } from "../manifest/bounds";
import { closestName } from "../manifest/suggest";
import { PROVIDER_KEY } from "./provider";

// A Cloud project id or number; the server has the final word, this catches typos early.
const PROJECT_ID = /^(?:[a-z][a-z0-9.-]*:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$|^\d+$/;

/**
 * One failure per input the kind does not take (`__provider` is always allowed), with the input
 * it most likely meant by edit distance. A required input it meant is then not reported missing:
 * see `oneFailurePerTypo`.
 */
export function unknownInputs(news: Record<string, unknown>, typeName: string, keys: readonly string[]): ManifestFailure[] {
    const failures: ManifestFailure[] = [];
    for (const key of Object.keys(news)) {
        if (key === PROVIDER_KEY || keys.includes(key)) continue;
        const meant = closestName(key, keys);
        const hint = meant ? `${didYouMean(meant)} ` : "";
        failures.push({ property: key, reason: `unknown input ${quote(key)}; ${hint}${typeName} takes ${listOf(keys)}` });
    }
    return failures;
}

function didYouMean(key: string): string {
    return `did you mean "${key}"?`;
}

/**
 * The failures without "X is required" where an unknown input was most likely meant to be X:
 * `imageManifests` is one mistake, reported once.
 */
export function oneFailurePerTypo(failures: readonly ManifestFailure[]): ManifestFailure[] {
    const meant = new Set<string>();
    for (const failure of failures) {
        for (const key of failure.reason.startsWith("unknown input ") ? [...failure.reason.matchAll(/did you mean "([^"]+)"\?/g)] : []) {
            meant.add(key[1] as string);
        }
    }
    return failures.filter((f) => !(meant.has(f.property) && f.reason.startsWith(`${f.property} is required`)));
}

/** The consumer-project input, when set, must look like a Cloud project id or number. */
export function projectFailures(project: unknown): ManifestFailure[] {
    if (project === undefined || isUnknown(project) || (typeof project === "string" && PROJECT_ID.test(project))) return [];
    return [
        {
            property: "project",
            reason: `${quote(String(project))} is not a Cloud project id or number; use the id shown in the Cloud console (6-30 lowercase letters, digits, hyphens)`,
        },
    ];
}

/** An optional boolean input. */
export function booleanFailures(value: unknown, property: string): ManifestFailure[] {
    if (value === undefined || isUnknown(value) || typeof value === "boolean") return [];
    return [{ property, reason: `${property} must be true or false` }];
}

function listOf(keys: readonly string[]): string {
    return keys.length < 2 ? keys.join("") : `${keys.slice(0, -1).join(", ")} and ${keys[keys.length - 1]}`;
}

/**
 * One input checked against its zod schema: the parsed value, or failures whose property paths
 * start at `property`. A value that is not known yet (preview) is passed through unchecked.
 */
export function checkedField(value: unknown, property: string, schema: z.ZodType): { value: unknown; failures: ManifestFailure[] } {
    if (value === undefined || containsUnknown(value)) return { value, failures: [] };
    const parsed = schema.safeParse(value);
    if (parsed.success) return { value: parsed.data, failures: [] };
    return {
        value,
        failures: parsed.error.issues.map((issue) => ({ property: formatPath(property, issue.path), reason: issue.message })),
    };
}
