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

/** A copy without undefined fields (protobuf Structs, and so Pulumi state, cannot carry them). */
export function dropUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A record: an object that is neither null nor an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
