import type { CloudStorageReader } from "../../provider/cloudStorage/client";
import { assetIdSegmentProblem } from "../../provider/values/assetName";
import type { ImageEntryArgs } from "../timeseries/inputs";
import { programCloudStorage } from "./cloudStorage";
import { assertUniqueKeys, imageKeyFrom } from "./keys";
import { described, isFunction, isString, type OptionSpec, optionProblems } from "./options";
import { StacError } from "./stac/errors";
import { mapItem } from "./stac/item";
import { describeLocation, MAX_DOCUMENT_BYTES, sourceLocation } from "./stac/locations";
import { walkCatalog } from "./stac/walk";

export { StacError } from "./stac/errors";

/** How `entriesFromStac` reads a catalog and maps its Items. */
export interface StacOptions {
    /**
     * The asset keys to register, in tileset order (`["B04", "B03", "B02"]`): each becomes one
     * tileset (id: the asset key) of every image; an Item without one of them is an error. Default:
     * every cloud-optimized GeoTIFF data asset of the Item (media type
     * `image/tiff; application=geotiff; profile=cloud-optimized` and role `data`).
     */
    assets?: readonly string[];
    /**
     * The Item properties to carry, by their STAC names (`["eo:cloud_cover", "platform"]`).
     * Default: every property except `datetime`, `start_datetime` and `end_datetime` (which become
     * `startTime`/`endTime`). The way to drop one of two properties whose keys collide.
     */
    properties?: readonly string[];
    /**
     * The image key of an Item from its id. Default `imageKeyFrom` (sdk/sources/keys.ts: every
     * character an asset id refuses becomes `_`). Must give one asset-id segment.
     */
    key?: (id: string) => string;
    /** More Items than this is an error, before any is mapped. Default 50,000. */
    maxItems?: number;
    /** More documents (catalogs, collections, Item files, ItemCollection pages) than this is an error. Default 100,000. */
    maxDocuments?: number;
    /** A document (catalog, Item, ItemCollection page) larger than this many bytes is an error. Default 100,000,000 (100 MB). */
    maxDocumentBytes?: number;
    /**
     * Cloud Storage's JSON API base URL for `gs://` and `https://storage.googleapis.com/` documents.
     * Default: the provider's (`earthengine:cloudStorageEndpoint`, else
     * `EARTHENGINE_CLOUD_STORAGE_ENDPOINT`, else Google's, read with the provider's credentials).
     */
    cloudStorageEndpoint?: string;
}

export const STAC_DEFAULT_LIMITS = { maxItems: 50_000, maxDocuments: 100_000, maxDocumentBytes: MAX_DOCUMENT_BYTES };

/**
 * `ExternalImageCollection` entries from a STAC catalog: one image per Item, keyed by its id.
 *
 * `source` is an Item, an ItemCollection (its `next` pages followed), or a static Catalog or
 * Collection (its `child` and `item` links followed, relative or absolute), named by a local
 * path, a `file://` URL, `gs://bucket/object` or `https://storage.googleapis.com/bucket/object`.
 * Cloud Storage documents are read through the provider's Cloud Storage client (see
 * `cloudStorageEndpoint`); nothing is fetched from any other host: a link there is an error
 * naming it. A document reached twice (a cycle) is read once; `maxItems`, `maxDocuments` and
 * `maxDocumentBytes` bound the walk.
 *
 * Each Item becomes (README "Collections from a STAC catalog" has the table):
 * - key: the Item id through `key` (default: refused characters to `_`); two Items with one key
 *   throw a `KeyCollisionError` naming both ids;
 * - `startTime`: `start_datetime`, else `datetime`; `endTime`: `end_datetime` (left out when equal
 *   to the start). An Item with neither is an error;
 * - tilesets: the chosen assets (see `assets`), `https://storage.googleapis.com/b/o` hrefs as
 *   `gs://b/o`, relative hrefs against the Item's own location. An asset outside Cloud Storage is
 *   an error listing the Items (Earth Engine reads external images from Cloud Storage only);
 * - bands, when every chosen asset describes them (STAC 1.1 `bands`, else `eo:bands` and
 *   `raster:bands` by position): `name` as the band id (refused characters to `_`, `b` in front
 *   of a name not starting with a letter), `nodata` as missing data; else none (Earth Engine takes
 *   every band of the files);
 * - properties: every other Item property, keys through `propertyKeyFrom` (`eo:cloud_cover` →
 *   `eo_cloud_cover`; a collision is an error naming both), strings and numbers as they are,
 *   `null` left out, other values as JSON text.
 *
 * Every problem of every Item is gathered into one `StacError` (the first ten listed), before
 * anything is registered. No Earth Engine call is made. Returns plain entries for
 * `ExternalImageCollection`'s `images`, in catalog order.
 *
 * STAC is read by this small reader of the fields above, not a library: stac-js is ESM-only,
 * stac-node-validator 2 needs Node.js 22, stac-ts is ESM-only types, and @radiantearth/stac-migrate
 * (CommonJS) rewrites Item properties (`proj:epsg` to `proj:code`) and costs about 0.4 ms an Item.
 * No JSON-schema validation of the catalog is made.
 */
export async function entriesFromStac(source: string, options: StacOptions = {}): Promise<Record<string, ImageEntryArgs>> {
    checkStacArguments(source, options);
    const root = sourceLocation(source);
    const where = describeLocation(root);
    let storage: CloudStorageReader | undefined;
    const reader = () => {
        storage ??= programCloudStorage(options.cloudStorageEndpoint);
        return storage;
    };
    const found = await walkCatalog(root, reader, {
        maxItems: options.maxItems ?? STAC_DEFAULT_LIMITS.maxItems,
        maxDocuments: options.maxDocuments ?? STAC_DEFAULT_LIMITS.maxDocuments,
        maxDocumentBytes: options.maxDocumentBytes ?? STAC_DEFAULT_LIMITS.maxDocumentBytes,
    });
    const keyOf = options.key ?? imageKeyFrom;
    const problems: string[] = [];
    const entries: [id: string, key: string, entry: ImageEntryArgs][] = [];
    for (const item of found) {
        const mapped = mapItem(item, options);
        problems.push(...mapped.problems);
        if (mapped.entry === undefined) continue;
        const key = keyOf(mapped.id);
        const keyProblem = assetIdSegmentProblem(key);
        if (keyProblem)
            problems.push(`item ${JSON.stringify(mapped.id)}: its key ${JSON.stringify(key)} from the key option: ${keyProblem}`);
        else entries.push([mapped.id, key, mapped.entry]);
    }
    if (found.length === 0) problems.push("no STAC Item found (an Item, an ItemCollection, or a catalog with item or child links)");
    if (problems.length > 0) throw new StacError(where, problems);
    assertUniqueKeys(
        entries.map(([id, key]) => [id, key]),
        `STAC items of ${where}`,
        "give the key option a function that tells them apart",
    );
    return Object.fromEntries(entries.map(([, key, entry]) => [key, entry]));
}

const isNames = (value: unknown) => Array.isArray(value) && value.every(isString);
const isPositiveInteger = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;

/** Each option of `entriesFromStac`: what it takes and the test of a value. */
const STAC_OPTIONS: Record<keyof StacOptions, OptionSpec> = {
    assets: { takes: 'an array of asset keys (["B04", "B03"])', accepts: isNames },
    properties: { takes: 'an array of STAC property names (["eo:cloud_cover"])', accepts: isNames },
    key: { takes: "a function of the Item id", accepts: isFunction },
    maxItems: { takes: "a positive integer", accepts: isPositiveInteger },
    maxDocuments: { takes: "a positive integer", accepts: isPositiveInteger },
    maxDocumentBytes: { takes: "a positive integer", accepts: isPositiveInteger },
    cloudStorageEndpoint: { takes: "a string", accepts: isString },
};

/** The source and every option checked, before anything is read: one `StacError` naming each bad one. */
function checkStacArguments(source: unknown, options: unknown): void {
    const where = typeof source === "string" ? source.slice(0, 200) : "(not given)";
    if (typeof source !== "string") {
        throw new StacError(where, [
            `the source is ${described(source)}; it takes a path, file:// URL, gs:// URI or https://storage.googleapis.com/ URL`,
        ]);
    }
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
        throw new StacError(where, [`the options are ${described(options)}; they are an object ({ assets: [...], ... })`]);
    }
    const problems = optionProblems(options, STAC_OPTIONS);
    if (problems.length > 0) throw new StacError(where, problems);
}
