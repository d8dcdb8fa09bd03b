import { isObject } from "../values/compare";

/**
 * proto3 JSON accepts snake_case field names as well as camelCase, and the EE CLI writes
 * `start_time`; manifests are normalised to camelCase so that both compare equal. The keys of
 * the manifest's `properties` are user data and stay as written. Meant for a bare ImageManifest:
 * it knows `properties` only at the root (the emulator parses whole request bodies itself).
 *
 * Keys are data: objects are built without a prototype, so `__proto__`, `constructor` or
 * `toString` are kept as written and never collide with Object.prototype.
 */
export interface CamelizeResult {
    value: unknown;
    /** Paths written both ways, such as `["startTime"]` from `start_time` and `startTime`. */
    conflicts: (string | number)[][];
}

type Segment = string | number;

// Only lower-case words joined by '_' are snake_case field names; anything else ("__proto__",
// "_x", "A_B") is kept as written and reported, if unknown, under the name the user wrote.
const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

export function snakeToCamel(key: string): string {
    return SNAKE_CASE.test(key) ? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : key;
}

/** A copy of `entries` as an object without a prototype, so every key is an own data property. */
export function dataObject(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, value] of entries) out[key] = value;
    return out;
}

export function camelizeKeys(value: unknown): CamelizeResult {
    const conflicts: Segment[][] = [];
    // One path array, pushed and popped: copied only for the rare conflict.
    const path: Segment[] = [];
    const walk = (v: unknown): unknown => {
        if (Array.isArray(v)) {
            return v.map((item, i) => {
                path.push(i);
                const out = walk(item);
                path.pop();
                return out;
            });
        }
        if (v === null || typeof v !== "object") return v;
        const out: Record<string, unknown> = Object.create(null);
        const atRoot = path.length === 0;
        for (const key of Object.keys(v)) {
            const child = (v as Record<string, unknown>)[key];
            const camel = snakeToCamel(key);
            if (Object.hasOwn(out, camel)) conflicts.push([...path, camel]);
            path.push(camel);
            out[camel] = key === "properties" && atRoot ? copyMap(child) : walk(child);
            path.pop();
        }
        return out;
    };
    return { value: walk(value), conflicts };
}

/** The user's map, keys as written, in a prototype-free copy (other values are left to the schema). */
function copyMap(value: unknown): unknown {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    return dataObject(Object.entries(value));
}

/**
 * `path` (in camelCase, as the schema reports it) spelled with the keys the user wrote in
 * `raw`: a failure at `startTime` of a manifest that says `start_time` names `start_time`.
 */
export function pathAsWritten(raw: unknown, path: readonly Segment[]): Segment[] {
    const out: Segment[] = [];
    let current = raw;
    for (const segment of path) {
        let written: Segment = segment;
        if (typeof segment === "string" && isObject(current)) {
            if (!Object.hasOwn(current, segment)) written = Object.keys(current).find((key) => snakeToCamel(key) === segment) ?? segment;
        }
        out.push(written);
        current =
            current !== null && typeof current === "object" && Object.hasOwn(current, written)
                ? (current as Record<Segment, unknown>)[written]
                : undefined;
    }
    return out;
}
