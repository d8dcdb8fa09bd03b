import { isObject } from "../values/compare";
import { formatPath, MAX_FAILURES } from "../values/failures";
import { isUnknown } from "../values/unknown";
import { objectNameWarnings, splitGcsUri } from "./cloudStorage";
import { firstTooDeep } from "./depth";
import { camelizeKeys, pathAsWritten } from "./keys";
import { convertLegacyKeys, writtenProperty } from "./legacyKeys";

/** Something in a manifest that Earth Engine accepts but that is probably not what was meant. */
export interface ManifestWarning {
    /** Property path as written, such as `imageManifest.tilesets[0].sources[0].dimensions`. */
    path: string;
    message: string;
}

/**
 * Google documents no length limit for one segment of an asset name (only the whole name is
 * bounded: MAX_ASSET_NAME_BYTES in values/assetName.ts), so a long one is not refused; past 255
 * characters, the file-name limit of common file systems, tools that mirror assets to files
 * (exports, geeadd, backups) break.
 */
export const LONG_NAME_SEGMENT = 255;

type Path = (string | number)[];

/**
 * Warnings for a manifest as written: things the service takes (so `check` does not refuse
 * them), or on which Google is silent, but that are ignored or almost always a mistake. One walk
 * over the manifest (camelCase or snake_case, legacy keys converted as the official client does),
 * in the manifest's order; each path names the property as the user wrote it. At most
 * MAX_FAILURES warnings, then one "and N more like these". Pure and total: any input, including
 * invalid ones, values not known yet (skipped) and values nested too deep (`check` reports those;
 * no warning), gives a list and never throws. The program side shows them (sdk/manifestWarnings.ts);
 * `check` results cannot carry warnings.
 */
export function manifestWarnings(raw: unknown, root = "imageManifest"): ManifestWarning[] {
    // The conversions below recurse through the value; a 100,000-level one is check's to report.
    if (firstTooDeep(raw) !== undefined) return [];
    const legacy = convertLegacyKeys(camelizeKeys(raw).value);
    const out: ManifestWarning[] = [];
    const warn: Warn = (path, message) =>
        out.push({ path: writtenProperty(formatPath(root, pathAsWritten(raw, path)), root, legacy.origins, formatPath), message });
    for (const note of legacy.warnings) warn(note.path, note.message);
    const m = legacy.value;
    if (isObject(m)) {
        topLevelWarnings(m, warn, (key) => String(pathAsWritten(raw, [key])[0]));
        tilesetWarnings(m, warn);
        footprintWarnings(m, warn);
    }
    if (out.length <= MAX_FAILURES) return out;
    const rest = out.length - MAX_FAILURES;
    return [...out.slice(0, MAX_FAILURES), { path: out[MAX_FAILURES].path, message: `and ${rest} more like these` }];
}

/** Reports one warning at a path of the converted manifest (camelCase); the caller spells it as written. */
type Warn = (path: Path, message: string) => void;

const known = (value: unknown) => !isUnknown(value);

/** `minTileAreaRatio` and `name`; `writtenKey` gives a top-level key as the user spelt it. */
function topLevelWarnings(m: Record<string, unknown>, warn: Warn, writtenKey: (key: string) => string): void {
    // The API gives minTileAreaRatio no documented range; being a ratio of areas, 0 to 1 is a guess.
    const ratio = m.minTileAreaRatio;
    if (typeof ratio === "number" && (ratio < 0 || ratio > 1)) {
        warn(
            ["minTileAreaRatio"],
            `${writtenKey("minTileAreaRatio")} is ${ratio}; as a ratio of tile areas it is expected between 0 and 1 (Earth Engine documents no range)`,
        );
    }
    const long =
        typeof m.name === "string" && known(m.name) ? m.name.split("/").find((segment) => segment.length > LONG_NAME_SEGMENT) : undefined;
    if (long !== undefined) {
        warn(
            ["name"],
            `the asset name has a segment of ${long.length} characters ("${long.slice(0, 20)}..."); Earth Engine documents no limit, but tools that mirror assets to files break past ${LONG_NAME_SEGMENT} (the common file-name limit); consider a shorter id`,
        );
    }
}

/** Each tileset's `crs` and each source's URIs (under `uriPrefix`) and `dimensions`. */
function tilesetWarnings(m: Record<string, unknown>, warn: Warn): void {
    const prefix = typeof m.uriPrefix === "string" && known(m.uriPrefix) ? m.uriPrefix : "";
    eachRecord(m.tilesets, (tileset, t) => {
        if (tileset.crs === "") {
            warn(
                ["tilesets", t, "crs"],
                'an empty crs is the same as none (the file\'s CRS is read); remove "crs" or give a code such as EPSG:4326',
            );
        }
        eachRecord(tileset.sources, (source, s) => {
            const at: Path = ["tilesets", t, "sources", s];
            (Array.isArray(source.uris) ? source.uris : []).forEach((uri: unknown, u) => {
                if (typeof uri !== "string" || !known(uri)) return;
                if (prefix && uri.startsWith("gs://")) {
                    warn(
                        [...at, "uris", u],
                        `"${uri}" is a full gs:// URI, but uriPrefix "${prefix}" is prepended to every URI (giving "${prefix}${uri}"); make it relative or drop uriPrefix`,
                    );
                }
                const parts = splitGcsUri(prefix + uri);
                for (const message of parts ? objectNameWarnings(parts.object) : []) warn([...at, "uris", u], message);
            });
            if (isObject(source.dimensions) && m.skipMetadataRead !== true && known(m.skipMetadataRead)) {
                warn(
                    [...at, "dimensions"],
                    "dimensions are only used with skipMetadataRead: true; Earth Engine reads the size from the file and ignores them",
                );
            }
        });
    });
}

function footprintWarnings(m: Record<string, unknown>, warn: Warn): void {
    const points = isObject(m.footprint) ? m.footprint.points : undefined;
    if (Array.isArray(points) && points.length < 4) {
        warn(
            ["footprint", "points"],
            `a footprint ring usually has at least 4 points (3 corners and the first point repeated), got ${points.length}`,
        );
    }
}

function eachRecord(list: unknown, visit: (item: Record<string, unknown>, index: number) => void): void {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
        if (isObject(item)) visit(item, i);
    });
}
