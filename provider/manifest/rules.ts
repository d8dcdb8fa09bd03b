import type { z } from "zod";
import { quote, quoteList } from "../values/failures";
import { isUnknown } from "../values/unknown";
import { bucketNameProblem, gcsUriProblem, splitGcsUri } from "./cloudStorage";
import type { ImageManifest } from "./schema";
import { timeRangeProblem } from "./timestamps";

type Ctx = z.RefinementCtx<ImageManifest>;
type Path = (string | number)[];

/** 10 MB, the API's limit for a whole request; conservative (decimal) because the exact unit is unpublished. */
export const MAX_MANIFEST_BYTES = 10_000_000;

// ImageSource.uris (REST reference): "Currently only Google Cloud Storage URIs are supported", in the
// form gs://bucket-id/object-id, optionally #generation; bucket names follow Cloud Storage's naming rules.
const GCS_URI = /^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]\/[^#]+(#\d+)?$/;

/**
 * Rules that span fields. They run on the parsed manifest (so after type checks pass) and
 * skip values that are unknown during preview; their issues carry the path to fix. Each is an
 * error because the REST reference states it or a reference would dangle (the service cannot
 * resolve it); looser, merely suspicious patterns are warnings in warnings.ts. The README's
 * "Compatibility" section lists both.
 */
export function checkManifestRules(m: ImageManifest, ctx: Ctx): void {
    const issue = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });
    checkUris(m, issue);
    const tilesetIds = checkTilesets(m, issue);
    const bandIds = checkBands(m, tilesetIds, issue);
    checkMaskBands(m, tilesetIds, bandIds, issue);
    checkFootprint(m, bandIds, issue);
    checkTimes(m, issue);
    checkMetadataSkip(m, issue);
}

type Report = (path: Path, message: string) => void;

function checkUris(m: ImageManifest, issue: Report): void {
    const prefix = m.uriPrefix ?? "";
    if (isUnknown(prefix)) return;
    // A broken prefix is reported once, where it is written, not once per URI.
    const prefixProblem = uriPrefixProblem(prefix);
    if (prefixProblem) {
        issue(["uriPrefix"], prefixProblem);
        return;
    }
    m.tilesets.forEach((tileset, t) => {
        tileset.sources.forEach((source, s) => {
            source.uris.forEach((uri, u) => {
                // A full gs:// URI under a uriPrefix still forms a gs:// URI: a warning (warnings.ts), not an error.
                if (isUnknown(uri) || (prefix && uri.startsWith("gs://"))) return;
                const full = prefix + uri;
                const problem = gcsUriProblem(full) ?? (GCS_URI.test(full) ? undefined : uriMessage(full, prefix));
                if (problem) issue(["tilesets", t, "sources", s, "uris", u], problem);
            });
        });
    });
}

function uriMessage(full: string, prefix: string): string {
    const https = /^https?:\/\/storage\.(?:cloud\.)?googleapis\.com\/([^/]+)\/(.+)$/.exec(full);
    if (https) return `${quote(full)} is an HTTP URL; external images read Cloud Storage directly: write gs://${https[1]}/${https[2]}`;
    if (/^https?:\/\//.test(full)) return `${quote(full)} is not a Cloud Storage URI; external images need gs://bucket/object`;
    const where = prefix ? ` (uriPrefix ${quote(prefix)} + uri)` : "";
    const hash = /^(gs:\/\/[^#]+)#(.*)$/.exec(full);
    if (hash && !/^\d+$/.test(hash[2])) {
        return `${quote(full)}${where}: what follows "#" is the object's generation, a number (gs://bucket/object#1700000000000000); remove "#${hash[2]}" or give the generation to pin`;
    }
    return `${quote(full)}${where} is not a gs://bucket/object URI; give the full gs:// URI or set uriPrefix to gs://bucket/folder/`;
}

/** A uriPrefix whose bucket is not a bucket name, or that holds a line break, breaks every URI. */
function uriPrefixProblem(prefix: string): string | undefined {
    if (/[\r\n]/.test(prefix)) return `uriPrefix ${quote(prefix)} contains a line break (CR or LF), which Cloud Storage names cannot hold`;
    const parts = splitGcsUri(prefix);
    const bucket = parts && bucketNameProblem(parts.bucket);
    return bucket ? `uriPrefix ${quote(prefix)}: ${bucket}` : undefined;
}

/** The declared tileset ids, or undefined when one is not known yet (references cannot be judged). */
function checkTilesets(m: ImageManifest, issue: Report): Set<string> | undefined {
    // ImageManifest.tilesets (REST reference): "Each tileset must have a unique ID"; an unset id is "".
    const ids = new Set<string>();
    m.tilesets.forEach((tileset, t) => {
        const id = tileset.id ?? "";
        if (ids.has(id)) issue(["tilesets", t, "id"], `tileset id ${quote(id)} is used twice; give each tileset its own id`);
        ids.add(id);
    });
    return [...ids].some(isUnknown) ? undefined : ids;
}

/** The declared band ids, or undefined when bands come from the files or one id is not known yet. */
function checkBands(m: ImageManifest, tilesetIds: Set<string> | undefined, issue: Report): Set<string> | undefined {
    if (!m.bands) return undefined;
    const ids = new Set<string>();
    // Band names of an Earth Engine image are unique; a band's tilesetId must name a declared tileset.
    m.bands.forEach((band, b) => {
        if (ids.has(band.id)) issue(["bands", b, "id"], `band id ${quote(band.id)} is used twice; band ids must be unique`);
        ids.add(band.id);
        const tilesetId = band.tilesetId ?? "";
        if (tilesetIds && !isUnknown(tilesetId) && !tilesetIds.has(tilesetId)) {
            issue(
                ["bands", b, "tilesetId"],
                `band ${quote(band.id)} refers to tileset ${quote(tilesetId)}, which is not declared; use one of ${quoteList(tilesetIds)}`,
            );
        }
    });
    return [...ids].some(isUnknown) ? undefined : ids;
}

// TilesetMaskBand (REST reference): bandIds empty means every band, and each band takes at most one mask.
function checkMaskBands(m: ImageManifest, tilesetIds: Set<string> | undefined, bandIds: Set<string> | undefined, issue: Report): void {
    const maskOf = new Map<string, number>(); // band id -> index of the mask that covers it
    let maskOfAll: number | undefined; // a mask with no bandIds covers every band
    m.maskBands?.forEach((mask, i) => {
        const tilesetId = mask.tilesetId ?? "";
        if (tilesetIds && !isUnknown(tilesetId) && !tilesetIds.has(tilesetId)) {
            issue(["maskBands", i, "tilesetId"], `mask tileset ${quote(tilesetId)} is not declared; use one of ${quoteList(tilesetIds)}`);
        }
        const conflict = (path: Path, other: number, what: string) =>
            issue(
                path,
                `a band takes at most one mask, and maskBands[${other}] already masks ${what}; merge the masks or list disjoint bandIds`,
            );
        if (!mask.bandIds || mask.bandIds.length === 0) {
            const other = maskOfAll ?? (maskOf.size > 0 ? [...maskOf.values()][0] : undefined);
            if (other !== undefined) conflict(["maskBands", i, "bandIds"], other, "some bands");
            maskOfAll = i;
            return;
        }
        mask.bandIds.forEach((bandId, j) => {
            if (isUnknown(bandId)) return;
            const path = ["maskBands", i, "bandIds", j];
            if (bandIds && !bandIds.has(bandId)) {
                issue(path, `mask refers to band ${quote(bandId)}, which is not declared in bands; use one of ${quoteList(bandIds)}`);
            }
            const other = maskOfAll ?? maskOf.get(bandId);
            if (other !== undefined) conflict(path, other, quote(bandId));
            maskOf.set(bandId, i);
        });
    });
}

// PixelFootprint.points (REST reference): a linear ring, whose last point equals the first.
function checkFootprint(m: ImageManifest, bandIds: Set<string> | undefined, issue: Report): void {
    const footprint = m.footprint;
    if (!footprint) return;
    const points = footprint.points;
    // Fewer than 4 points is only a warning (warnings.ts): the reference states no minimum.
    if (points.length > 0) {
        const first = points[0];
        const last = points[points.length - 1];
        if (first.x !== last.x || first.y !== last.y) {
            issue(
                ["footprint", "points"],
                `the footprint ring is not closed; repeat the first point {x: ${first.x}, y: ${first.y}} at the end`,
            );
        }
    }
    if (footprint.bandId !== undefined && bandIds && !isUnknown(footprint.bandId) && !bandIds.has(footprint.bandId)) {
        issue(
            ["footprint", "bandId"],
            `footprint band ${quote(footprint.bandId)} is not declared in bands; use one of ${quoteList(bandIds)}`,
        );
    }
}

// endTime is exclusive (REST reference), so an interval must end after it starts.
function checkTimes(m: ImageManifest, issue: Report): void {
    const problem = timeRangeProblem(m.startTime, m.endTime);
    if (problem) issue(["endTime"], problem);
}

// skipMetadataRead (REST reference): the service then takes the grid and type only from the manifest,
// so every tileset must give them; without them the asset cannot be built.
function checkMetadataSkip(m: ImageManifest, issue: Report): void {
    m.tilesets.forEach((tileset, t) => {
        if (m.skipMetadataRead) {
            if (!tileset.dataType) issue(["tilesets", t, "dataType"], "skipMetadataRead is true, so the tileset must give dataType");
            if (!tileset.crs) issue(["tilesets", t, "crs"], "skipMetadataRead is true, so the tileset must give crs");
        }
        tileset.sources.forEach((source, s) => {
            if (m.skipMetadataRead) {
                if (!source.affineTransform)
                    issue(
                        ["tilesets", t, "sources", s, "affineTransform"],
                        "skipMetadataRead is true, so each source must give affineTransform",
                    );
                if (!source.dimensions)
                    issue(["tilesets", t, "sources", s, "dimensions"], "skipMetadataRead is true, so each source must give dimensions");
            }
            // dimensions without skipMetadataRead are ignored by the service: a warning (warnings.ts).
        });
    });
}
