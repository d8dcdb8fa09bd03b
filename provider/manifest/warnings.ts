import { isObject } from "../values/compare";
import { formatPath } from "../values/failures";
import { isUnknown } from "../values/unknown";
import { camelizeKeys } from "./keys";
import { convertLegacyKeys, writtenProperty } from "./legacyKeys";
import { manifestLimitWarnings } from "./limitWarnings";
import type { ManifestWarning } from "./warning";

export type { ManifestWarning } from "./warning";

type Path = (string | number)[];

/**
 * Warnings for a manifest as written: things the service does not refuse (so `check` does not
 * either) but that are ignored or look like mistakes. Works on any input, including invalid
 * ones and ones with values not known yet (those parts are skipped). The program side shows
 * them (see sdk/manifestWarnings.ts); `check` results cannot carry warnings.
 */
export function manifestWarnings(raw: unknown, root = "imageManifest"): ManifestWarning[] {
    const legacy = convertLegacyKeys(camelizeKeys(raw).value);
    const notes: { path: Path; message: string }[] = [...legacy.warnings];
    const m = legacy.value;
    if (isObject(m)) {
        const prefix = typeof m.uriPrefix === "string" && !isUnknown(m.uriPrefix) ? m.uriPrefix : "";
        eachOf(m.tilesets, (tileset, t) => {
            if (tileset.crs === "") {
                notes.push({
                    path: ["tilesets", t, "crs"],
                    message: 'an empty crs is the same as none (the file\'s CRS is read); remove "crs" or give a code such as EPSG:4326',
                });
            }
            eachOf(tileset.sources, (source, s) => {
                const at: Path = ["tilesets", t, "sources", s];
                if (prefix) {
                    (Array.isArray(source.uris) ? source.uris : []).forEach((uri: unknown, u) => {
                        if (typeof uri === "string" && uri.startsWith("gs://")) {
                            notes.push({
                                path: [...at, "uris", u],
                                message: `"${uri}" is a full gs:// URI, but uriPrefix "${prefix}" is prepended to every URI (giving "${prefix}${uri}"); make it relative or drop uriPrefix`,
                            });
                        }
                    });
                }
                if (isObject(source.dimensions) && m.skipMetadataRead !== true && !isUnknown(m.skipMetadataRead)) {
                    notes.push({
                        path: [...at, "dimensions"],
                        message:
                            "dimensions are only used with skipMetadataRead: true; Earth Engine reads the size from the file and ignores them",
                    });
                }
            });
        });
        const points = isObject(m.footprint) ? m.footprint.points : undefined;
        if (Array.isArray(points) && points.length < 4) {
            notes.push({
                path: ["footprint", "points"],
                message: `a footprint ring usually has at least 4 points (3 corners and the first point repeated), got ${points.length}`,
            });
        }
    }
    return [
        ...notes.map(({ path, message }) => ({ path: writtenProperty(formatPath(root, path), root, legacy.origins, formatPath), message })),
        ...manifestLimitWarnings(raw, root),
    ];
}

function eachOf(list: unknown, visit: (item: Record<string, unknown>, index: number) => void): void {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
        if (isObject(item)) visit(item, i);
    });
}
