import { isObject, sameValue } from "../values/compare";
import { isUnknown } from "../values/unknown";

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

function isEmptyObject(value: unknown): boolean {
    return isObject(value) && Object.keys(value).length === 0;
}
