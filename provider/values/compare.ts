/** Plain values as the engine passes them (JSON-like): comparing, copying, telling a record from the rest. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with sorted keys and without undefined fields, for comparing values. */
export function canonicalJson(value: unknown): string {
    const walk = (v: unknown): Json | undefined => {
        if (v === undefined) return undefined;
        if (Array.isArray(v)) return v.map((item) => walk(item) ?? null);
        if (v !== null && typeof v === "object") {
            const out: Record<string, Json> = {};
            for (const key of Object.keys(v).sort()) {
                const child = walk((v as Record<string, unknown>)[key]);
                if (child !== undefined) out[key] = child;
            }
            return out;
        }
        return v as Json;
    };
    return JSON.stringify(walk(value) ?? null);
}

/** Equal as JSON, whatever the key order; an undefined field is the same as none. */
export function sameValue(a: unknown, b: unknown): boolean {
    return canonicalJson(a) === canonicalJson(b);
}

/**
 * The same plain (JSON-like) value, whatever the key order; unlike sameValue, an undefined field
 * differs from none. Several times faster than util.isDeepStrictEqual on the engine's values (no
 * prototypes, no cycles): for comparing thousands of manifests on every preview.
 */
export function sameJson(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
        return true;
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    for (const key of keys) if (!Object.hasOwn(right, key) || !sameJson(left[key], right[key])) return false;
    return true;
}

/** A copy without undefined fields (protobuf Structs, and so Pulumi state, cannot carry them). */
export function dropUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A record: an object that is neither null nor an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
