import { isUnknown } from "./unknown";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with sorted keys and without undefined fields or empty `properties`, for comparing values. */
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

export function sameValue(a: unknown, b: unknown): boolean {
    return canonicalJson(a) === canonicalJson(b);
}

/**
 * The manifest as the server sees it: `uriPrefix` folded into every URI, and an empty
 * properties map the same as none. Two manifests with equal effective forms register the same
 * asset. Works on partially unknown manifests too (unknown parts stay as they are).
 */
export function effectiveManifest(manifest: Record<string, unknown>): Record<string, unknown> {
    const { uriPrefix, ...rest } = manifest;
    const out: Record<string, unknown> = { ...rest };
    if (isEmptyObject(out.properties)) delete out.properties;
    if (typeof uriPrefix !== "string" || uriPrefix === "" || isUnknown(uriPrefix)) {
        if (uriPrefix !== undefined && uriPrefix !== "") out.uriPrefix = uriPrefix;
        return out;
    }
    if (Array.isArray(out.tilesets)) {
        out.tilesets = out.tilesets.map((tileset: unknown) => {
            if (!isObject(tileset) || !Array.isArray(tileset.sources)) return tileset;
            return {
                ...tileset,
                sources: tileset.sources.map((source: unknown) =>
                    isObject(source) && Array.isArray(source.uris)
                        ? {
                              ...source,
                              uris: source.uris.map((uri: unknown) => (typeof uri === "string" && !isUnknown(uri) ? uriPrefix + uri : uri)),
                          }
                        : source,
                ),
            };
        });
    }
    return out;
}

/** Top-level fields whose effective values differ (`["properties", "tilesets"]`), sorted. */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
    const x = effectiveManifest(a);
    const y = effectiveManifest(b);
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((key) => !sameValue(x[key], y[key])).sort();
}

/** A copy without undefined fields (protobuf Structs, and so Pulumi state, cannot carry them). */
export function dropUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isEmptyObject(value: unknown): boolean {
    return isObject(value) && Object.keys(value).length === 0;
}
