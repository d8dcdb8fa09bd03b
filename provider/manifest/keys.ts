/**
 * proto3 JSON accepts snake_case field names as well as camelCase, and the EE CLI writes
 * `start_time`; manifests are normalised to camelCase so that both compare equal. The keys of
 * the manifest's `properties` are user data and stay as written. Meant for a bare ImageManifest:
 * it knows `properties` only at the root (the emulator parses whole request bodies itself).
 */
export interface CamelizeResult {
    value: unknown;
    /** Paths written both ways, such as `["startTime"]` from `start_time` and `startTime`. */
    conflicts: (string | number)[][];
}

export function snakeToCamel(key: string): string {
    return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function camelizeKeys(value: unknown): CamelizeResult {
    const conflicts: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): unknown => {
        if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
        if (v === null || typeof v !== "object") return v;
        const out: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(v)) {
            const camel = snakeToCamel(key);
            if (camel in out) conflicts.push([...path, camel]);
            out[camel] = key === "properties" && path.length === 0 ? child : walk(child, [...path, camel]);
        }
        return out;
    };
    return { value: walk(value, []), conflicts };
}
