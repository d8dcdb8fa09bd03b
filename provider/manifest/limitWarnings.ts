import { MAX_FAILURES } from "../values/failures";
import { objectNameWarnings, splitGcsUri } from "./cloudStorage";
import { snakeToCamel } from "./keys";
import type { ManifestWarning } from "./warning";

/**
 * Warnings (not errors) about a manifest as written, for the program to print: values Google
 * takes, or does not document, but that are almost always a mistake. Pure, so the program-side
 * resource constructor and tests share it; it looks only at plain values (anything else, such as
 * a `pulumi.Output`, is not known yet and skipped). Never throws, whatever the input.
 */

type Json = Record<string, unknown>;

// A record as written; a pulumi.Output (or a promise) is an object too, but not known yet.
const isPlainObject = (v: unknown): v is Json =>
    Object.prototype.toString.call(v) === "[object Object]" &&
    !("__pulumiOutput" in (v as object)) &&
    typeof (v as { then?: unknown }).then !== "function";

/** `field` of `obj` written in camelCase or snake_case, with the key as written. */
function field(obj: Json, name: string): [string, unknown] | undefined {
    for (const key of Object.keys(obj)) if (snakeToCamel(key) === name) return [key, obj[key]];
    return undefined;
}

export function manifestLimitWarnings(manifest: unknown, root = "imageManifest"): ManifestWarning[] {
    if (!isPlainObject(manifest)) return [];
    const out: ManifestWarning[] = [];
    const prefixField = field(manifest, "uriPrefix");
    const prefix = typeof prefixField?.[1] === "string" ? prefixField[1] : "";
    const ratio = field(manifest, "minTileAreaRatio");
    // The API gives minTileAreaRatio no documented range; being a ratio of areas, 0 to 1 is a guess.
    if (ratio && typeof ratio[1] === "number" && (ratio[1] < 0 || ratio[1] > 1)) {
        out.push({
            path: `${root}.${ratio[0]}`,
            message: `${ratio[0]} is ${ratio[1]}; as a ratio of tile areas it is expected between 0 and 1 (Earth Engine documents no range)`,
        });
    }
    const name = field(manifest, "name");
    if (name && typeof name[1] === "string") out.push(...nameSegmentWarnings(name[1], `${root}.${name[0]}`));
    const tilesets = field(manifest, "tilesets")?.[1];
    if (Array.isArray(tilesets)) out.push(...uriWarnings(tilesets, prefix, root));
    if (out.length <= MAX_FAILURES) return out;
    const rest = out.length - MAX_FAILURES;
    return [...out.slice(0, MAX_FAILURES), { path: out[MAX_FAILURES].path, message: `and ${rest} more like these` }];
}

/**
 * Google documents no length limit for one segment of an asset name (only the whole name is
 * bounded, see limits.ts), so a long one is not refused; past 255 characters, the file-name limit
 * of common file systems, tools that mirror assets to files (exports, geeadd, backups) break.
 */
export const LONG_NAME_SEGMENT = 255;

function nameSegmentWarnings(name: string, path: string): ManifestWarning[] {
    const long = name.split("/").find((segment) => segment.length > LONG_NAME_SEGMENT);
    if (long === undefined) return [];
    return [
        {
            path,
            message: `the asset name has a segment of ${long.length} characters ("${long.slice(0, 20)}..."); Earth Engine documents no limit, but tools that mirror assets to files break past ${LONG_NAME_SEGMENT} (the common file-name limit); consider a shorter id`,
        },
    ];
}

function uriWarnings(tilesets: unknown[], prefix: string, root: string): ManifestWarning[] {
    const out: ManifestWarning[] = [];
    tilesets.forEach((tileset, t) => {
        const sources = isPlainObject(tileset) ? field(tileset, "sources") : undefined;
        if (!sources || !Array.isArray(sources[1])) return;
        sources[1].forEach((source: unknown, s: number) => {
            const uris = isPlainObject(source) ? field(source, "uris") : undefined;
            if (!uris || !Array.isArray(uris[1])) return;
            uris[1].forEach((uri: unknown, u: number) => {
                if (typeof uri !== "string") return;
                const parts = splitGcsUri(prefix + uri);
                if (!parts) return;
                for (const message of objectNameWarnings(parts.object)) {
                    out.push({ path: `${root}.tilesets[${t}].${sources[0]}[${s}].${uris[0]}[${u}]`, message });
                }
            });
        });
    });
    return out;
}
