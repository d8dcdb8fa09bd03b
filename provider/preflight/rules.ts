import type { BucketLocation } from "../cloudStorage/client";
import type { ImageManifest } from "../manifest";
import type { TiffFacts } from "./header";
import { RULE_SOURCES } from "./sources";

/** A preflight result on one manifest path: failures stop `check` (in `error` mode), warnings are shown. */
export interface Finding {
    severity: "failure" | "warning";
    /** The manifest path, as `check` failures name it (`imageManifest.tilesets[0].sources[0].uris[0]`). */
    property: string;
    message: string;
}

/**
 * The header reaches past this many bytes: Google states no limit for registration, so it is a
 * warning. The COG standard puts every image file directory at the start of the file so a reader
 * gets the header in its first request; a header spread over megabytes means the file was not
 * written as a COG (GDAL's COG driver keeps it in the first few kilobytes).
 */
export const HEADER_WARNING_BYTES = 1024 * 1024;

/** One tileset of the manifest with the facts of its file. */
export interface TilesetFacts {
    manifest: ImageManifest;
    /** Index of the tileset in `manifest.tilesets`. */
    tileset: number;
    /** The URI as written, for messages (`gs://bucket/object`). */
    uri: string;
    facts: TiffFacts;
}

const cite = (source: string) => ` (${source})`;

/** Every rule that reads the file's header, for one tileset. */
export function headerFindings(root: string, { manifest, tileset, uri, facts }: TilesetFacts): Finding[] {
    const out: Finding[] = [];
    const base = `${root}.tilesets[${tileset}]`;
    const source = `${base}.sources[0].uris[0]`;
    const declared = manifest.tilesets?.[tileset];
    if (!facts.tiled) {
        out.push({
            severity: "failure",
            property: source,
            message: `${uri} is a GeoTIFF in strips, not tiled, so it is not a Cloud-Optimized GeoTIFF; Earth Engine registers only COGs${cite(RULE_SOURCES.cog)}. Rewrite it with gdal_translate -of COG`,
        });
    }
    // A file in strips already fails as not a COG; its missing overviews would only repeat it. An
    // image of one tile has nothing to reduce (GDAL's COG driver writes no overviews for it).
    if (facts.tiled && !facts.oneTile && facts.overviews === 0) {
        out.push({
            severity: "warning",
            property: source,
            message: `${uri} has no internal overviews; Earth Engine may accept it, but reads at coarse zoom levels are slow (overviews are recommended by the COG standard${cite(RULE_SOURCES.cogStandard)}; gdal_translate -of COG writes them for images larger than one tile)`,
        });
    }
    if (facts.headerEnd > HEADER_WARNING_BYTES) {
        out.push({
            severity: "warning",
            property: source,
            message: `${uri} keeps its header up to byte ${facts.headerEnd}, past the first ${HEADER_WARNING_BYTES} bytes; a COG keeps it at the start${cite(RULE_SOURCES.cogStandard)}. Google states no limit, so this is not a failure`,
        });
    }
    if (facts.crs === undefined && !declared?.crs) {
        out.push({
            severity: "failure",
            property: `${base}.crs`,
            message: `${uri} has no coordinate reference system (no GeoKeys) and the tileset declares none; set crs (for example "EPSG:4326") or georeference the file${cite(RULE_SOURCES.imageManifest)}`,
        });
    }
    const dataType = declared?.dataType;
    if (dataType && dataType !== "DATA_TYPE_UNSPECIFIED" && facts.dataType && dataType !== facts.dataType) {
        out.push({
            severity: "failure",
            property: `${base}.dataType`,
            message: `the tileset declares dataType ${dataType} but ${uri} holds ${facts.dataType} pixels; remove dataType or set it to ${facts.dataType}${cite(RULE_SOURCES.imageManifest)}`,
        });
    }
    const id = declared?.id ?? "";
    manifest.bands?.forEach((band, index) => {
        const bandIndex = band.tilesetBandIndex ?? 0;
        if ((band.tilesetId ?? "") !== id || bandIndex < facts.bands) return;
        out.push({
            severity: "failure",
            property: `${root}.bands[${index}].tilesetBandIndex`,
            message: `band ${JSON.stringify(band.id)} reads band index ${bandIndex} of ${uri}, which has ${facts.bands} band${facts.bands === 1 ? "" : "s"} (indexes 0 to ${facts.bands - 1})${cite(RULE_SOURCES.imageManifest)}`,
        });
    });
    return out;
}

/** The file is not a TIFF at all. */
export function notTiffFinding(property: string, uri: string, reason: string): Finding {
    return {
        severity: "failure",
        property,
        message: `${uri} is not a TIFF (${reason}); Earth Engine registers only Cloud-Optimized GeoTIFFs${cite(RULE_SOURCES.cog)}. Upload the GeoTIFF itself, written with gdal_translate -of COG`,
    };
}

/** The object does not exist (at the pinned generation, when the URI has one). */
export function missingObjectFinding(property: string, uri: string, generation?: string): Finding {
    return {
        severity: "failure",
        property,
        message: generation
            ? `${uri} does not exist in Cloud Storage at generation ${generation} (a replaced generation is kept only in a bucket with Object Versioning); pin the live generation or drop the #${generation}`
            : `${uri} does not exist in Cloud Storage; upload the file first or fix the path`,
    };
}

// Predefined dual-regions and their regions (https://cloud.google.com/storage/docs/locations#predefined):
// NAM4 is the one US pair that includes us-central1.
const PREDEFINED_US_CENTRAL1_DUAL_REGIONS = new Set(["NAM4"]);

/** Whether Earth Engine reads from a bucket in this location (Google's COG registration guide). */
export function locationReadable(bucket: BucketLocation): boolean {
    const location = bucket.location.toUpperCase();
    const type = bucket.locationType?.toLowerCase();
    if (location === "US-CENTRAL1") return true;
    if (PREDEFINED_US_CENTRAL1_DUAL_REGIONS.has(location)) return true;
    // A configurable dual-region reports the multi-region it lies in ("US") and its two regions.
    if (type === "dual-region") return location === "US" && (bucket.dataLocations ?? []).some((r) => r.toUpperCase() === "US-CENTRAL1");
    return location === "US";
}

export function bucketLocationFinding(property: string, uri: string, bucket: BucketLocation): Finding | undefined {
    if (locationReadable(bucket)) return undefined;
    const where = bucket.dataLocations?.length ? `${bucket.location} (${bucket.dataLocations.join(", ")})` : bucket.location;
    return {
        severity: "failure",
        property,
        message: `${uri} is in a bucket located in ${where}; Earth Engine reads only from the US multi-region, a US dual-region that includes us-central1, or us-central1, and refuses registration otherwise${cite(RULE_SOURCES.bucketLocation)}. Copy the file to a bucket there`,
    };
}
