import { BAND_ID } from "../../../provider/manifest/identifiers";
import { inTimestampRange } from "../../../provider/manifest/limits";
import { toEpochNanos } from "../../../provider/manifest/timestamps";
import { foldMarks } from "../../../provider/values/asciiFold";
import { isObject } from "../../../provider/values/compare";
import type { ImageEntry } from "../../timeseries/inputs";
import { assertUniqueKeys, KeyCollisionError, propertyKeyFrom } from "../keys";
import { describeLocation, resolveHref } from "./locations";
import type { FoundItem } from "./walk";

/** Which parts of each Item become the image (see `StacOptions` in ../stac.ts). */
export interface ItemChoices {
    assets?: readonly string[];
    properties?: readonly string[];
}

/** One Item as an image entry, or what keeps it from being one (each problem names the item and the field). */
export type MappedItem = { id: string; entry: ImageEntry; problems: [] } | { id?: string; entry?: undefined; problems: string[] };

type Json = Record<string, unknown>;
const text = (value: unknown, max = 120) => (JSON.stringify(value) ?? String(value)).slice(0, max);

// The STAC fields that become startTime/endTime, not properties.
const TIME_FIELDS = new Set(["datetime", "start_datetime", "end_datetime"]);

/** STAC's `nodata` words (STAC 1.1 common metadata, raster extension) as proto3 JSON writes the same doubles. */
const NODATA_WORDS: Record<string, "NaN" | "Infinity" | "-Infinity"> = { nan: "NaN", inf: "Infinity", "-inf": "-Infinity" };

/** How `found` is named in messages: its id (or position) and where it was read. */
function itemName(found: FoundItem, id: unknown): string {
    const where = `${describeLocation(found.location)}${found.pointer ? ` ${found.pointer}` : ""}`;
    return typeof id === "string" && id !== "" ? `item ${text(id, 200)} (${where})` : `the item at ${where}`;
}

/** Maps one STAC Item: times, the chosen assets as tilesets and bands, the properties. */
export function mapItem(found: FoundItem, choices: ItemChoices): MappedItem {
    const { item } = found;
    const name = itemName(found, item.id);
    const problems: string[] = [];
    const problem = (field: string, message: string) => problems.push(`${name}: ${field}: ${message}`);
    if (typeof item.id !== "string" || item.id === "") problem("id", `a STAC Item needs a non-empty string "id", got ${text(item.id)}`);
    const properties = isObject(item.properties) ? item.properties : {};
    if (!isObject(item.properties)) problem("properties", `a STAC Item has a "properties" object, got ${text(item.properties)}`);
    const times = timesOf(properties, problem);
    const files = filesOf(found, choices.assets, problem);
    const eeProperties = propertiesOf(properties, choices.properties, problem);
    if (problems.length > 0 || !files) return { id: typeof item.id === "string" ? item.id : undefined, problems };
    const entry: ImageEntry = { tilesets: files.tilesets, ...times, properties: eeProperties };
    if (files.bands) entry.bands = files.bands;
    return { id: item.id as string, entry, problems: [] };
}

type Report = (field: string, message: string) => void;

/**
 * `startTime` from `start_datetime`, else `datetime`; `endTime` from `end_datetime` (STAC's end is
 * inclusive, Earth Engine's exclusive: the range keeps STAC's instants as written). An end equal to
 * the start leaves the image an instant (Earth Engine needs the end after the start).
 */
function timesOf(properties: Json, problem: Report): { startTime?: string; endTime?: string } {
    const read = (field: string): string | undefined => {
        const value = properties[field];
        if (value === undefined || value === null) return undefined;
        const nanos = typeof value === "string" ? toEpochNanos(value) : undefined;
        if (nanos === undefined || !inTimestampRange(nanos)) {
            problem(`properties.${field}`, `${text(value)} is not an RFC 3339 date-time (STAC's form, e.g. "2024-01-01T10:00:00Z")`);
            return undefined;
        }
        return value as string;
    };
    const datetime = read("datetime");
    const start = read("start_datetime");
    const end = read("end_datetime");
    const startTime = start ?? datetime;
    if (startTime === undefined) {
        if (!problemsIn(properties)) {
            problem(
                "properties.datetime",
                "missing (null, and no start_datetime): an image in a collection needs its time; give the item a datetime or start_datetime/end_datetime",
            );
        }
        return {};
    }
    if (end === undefined) return { startTime };
    const order = (toEpochNanos(end) as bigint) - (toEpochNanos(startTime) as bigint);
    if (order < 0n) {
        problem(
            "properties.end_datetime",
            `${text(end)} is before the start ${text(startTime)}; Earth Engine needs the end after the start`,
        );
        return {};
    }
    return order === 0n ? { startTime } : { startTime, endTime: end };
}

/** True when a time field is present but unreadable (already reported: no second message that it is missing). */
function problemsIn(properties: Json): boolean {
    return ["datetime", "start_datetime"].some((field) => properties[field] !== undefined && properties[field] !== null);
}

// `image/tiff; application=geotiff; profile=cloud-optimized` (STAC best practices), and the name
// STAC before 1.0 gave it, in any parameter order, case and spacing.
function isCloudOptimizedGeoTiff(type: unknown): boolean {
    if (typeof type !== "string") return false;
    const [essence, ...parameters] = type
        .toLowerCase()
        .split(";")
        .map((part) => part.trim());
    const has = (parameter: string) => parameters.includes(parameter);
    if (essence === "image/tiff") return has("application=geotiff") && has("profile=cloud-optimized");
    return essence === "image/vnd.stac.geotiff" && has("cloud-optimized=true");
}

interface Files {
    tilesets: NonNullable<ImageEntry["tilesets"]>;
    bands?: NonNullable<ImageEntry["bands"]>;
}

/** The chosen assets as tilesets (id: the asset key) and, when every one describes its bands, the bands. */
function filesOf(found: FoundItem, chosen: readonly string[] | undefined, problem: Report): Files | undefined {
    const assets = found.item.assets;
    if (!isObject(assets)) {
        problem("assets", `a STAC Item has an "assets" object, got ${text(assets)}`);
        return undefined;
    }
    const keys = chosen ?? Object.keys(assets).filter((key) => isCogData(assets[key]));
    const listing = () =>
        Object.entries(assets)
            .slice(0, 20)
            .map(([key, asset]) => `${key} (${text(isObject(asset) ? asset.type : undefined, 80)})`)
            .join(", ");
    if (keys.length === 0) {
        problem(
            "assets",
            `no cloud-optimized GeoTIFF data asset (type "image/tiff; application=geotiff; profile=cloud-optimized", role "data") among ${listing() || "none"}; name the assets to register with the assets option`,
        );
        return undefined;
    }
    const tilesets: Files["tilesets"] = [];
    const bandLists: { key: string; bands: NonNullable<Files["bands"]> | undefined }[] = [];
    for (const key of keys) {
        const asset = assets[key];
        if (!isObject(asset)) {
            problem(`assets.${key}`, `missing (the item's assets: ${listing()})`);
            continue;
        }
        const uri = cloudStorageUri(found, asset, `assets.${key}.href`, problem);
        if (uri) tilesets.push({ id: key, sources: [{ uris: [uri] }] });
        bandLists.push({ key, bands: bandsOf(key, asset, problem) });
    }
    if (tilesets.length !== keys.length) return undefined;
    const described = bandLists.filter((list) => list.bands !== undefined);
    if (described.length === 0) return { tilesets };
    if (described.length < bandLists.length) {
        const bare = bandLists.filter((list) => list.bands === undefined).map((list) => list.key);
        problem(
            `assets.${bare[0]}`,
            `describes no bands (bands, eo:bands or raster:bands) while ${described[0].key} does; Earth Engine takes either every band listed or none: choose assets that all describe their bands, or none`,
        );
        return undefined;
    }
    const bands = described.flatMap((list) => list.bands ?? []);
    const firstOf = new Map<string, string>();
    for (const list of described) {
        for (const band of list.bands ?? []) {
            const other = firstOf.get(band.id);
            if (other)
                problem(`assets.${list.key}`, `band id "${band.id}" is also a band of asset ${other}; band ids are unique in an image`);
            firstOf.set(band.id, list.key);
        }
    }
    return { tilesets, bands };
}

function isCogData(asset: unknown): boolean {
    return isObject(asset) && isCloudOptimizedGeoTiff(asset.type) && Array.isArray(asset.roles) && asset.roles.includes("data");
}

/** The asset's file as Earth Engine names it (`gs://bucket/object`), or a problem when it is not in Cloud Storage. */
function cloudStorageUri(found: FoundItem, asset: Json, field: string, problem: Report): string | undefined {
    const href = asset.href;
    const location = typeof href === "string" ? resolveHref(href, found.location) : undefined;
    if (!location) {
        problem(field, `${text(href)} is not a URL or path`);
        return undefined;
    }
    if (location.kind !== "gcs" || (location.url.hash !== "" && !location.generation)) {
        problem(
            field,
            `${text(location.kind === "file" ? describeLocation(location) : location.url.href, 200)} is not in Cloud Storage; external images read gs://bucket/object (or https://storage.googleapis.com/bucket/object): copy the file to a bucket`,
        );
        return undefined;
    }
    return describeLocation(location);
}

/**
 * The asset's bands: STAC 1.1 `bands`, else `eo:bands` and `raster:bands` merged by position.
 * `name` becomes the band id (characters a band id refuses become `_`; a `b` in front when it
 * does not start with a letter; cut at 100); an unnamed band takes the asset key (with its
 * 1-based position when the asset has several). `nodata` (the band's, else the asset's) becomes
 * the band's missing data.
 */
function bandsOf(key: string, asset: Json, problem: Report): NonNullable<Files["bands"]> | undefined {
    const list = (field: string) => (Array.isArray(asset[field]) ? (asset[field] as unknown[]) : undefined);
    const stac11 = list("bands");
    const eo = list("eo:bands");
    const raster = list("raster:bands");
    if (!stac11 && !eo && !raster) return undefined;
    const count = stac11 ? stac11.length : Math.max(eo?.length ?? 0, raster?.length ?? 0);
    const field = stac11 ? "bands" : eo ? "eo:bands" : "raster:bands";
    const bands: NonNullable<Files["bands"]> = [];
    for (let i = 0; i < count; i++) {
        const band: Json = stac11 ? { ...(stac11[i] as Json) } : { ...(raster?.[i] as Json), ...(eo?.[i] as Json) };
        const name = typeof band.name === "string" && band.name !== "" ? band.name : count === 1 ? key : `${key}_${i + 1}`;
        const id = bandIdFrom(name);
        const nodata = band.nodata ?? asset.nodata;
        const missing = nodata === undefined || nodata === null ? undefined : missingValue(nodata);
        if (missing === undefined && nodata !== undefined && nodata !== null) {
            problem(`assets.${key}.${field}[${i}].nodata`, `${text(nodata)} is not a number, "nan", "inf" or "-inf"`);
        }
        bands.push({ id, tilesetId: key, tilesetBandIndex: i, ...(missing !== undefined ? { missingData: { values: [missing] } } : {}) });
    }
    return bands;
}

/** A STAC band name as a valid Earth Engine band id (see `bandsOf`). */
export function bandIdFrom(name: string): string {
    if (BAND_ID.test(name)) return name;
    const cleaned = foldMarks(name).replace(/[^A-Za-z0-9_-]/gu, "_");
    return (/^[A-Za-z]/.test(cleaned) ? cleaned : `b${cleaned}`).slice(0, 100);
}

function missingValue(nodata: unknown): number | "NaN" | "Infinity" | "-Infinity" | undefined {
    if (typeof nodata === "number" && Number.isFinite(nodata)) return nodata;
    return typeof nodata === "string" ? NODATA_WORDS[nodata.toLowerCase()] : undefined;
}

/**
 * The item's properties as Earth Engine properties: each key through `propertyKeyFrom`
 * (`eo:cloud_cover` → `eo_cloud_cover`), strings and numbers as they are, `null` left out, any
 * other value (a boolean, a list, an object) as its JSON text. The time fields become
 * startTime/endTime instead. `only`: the STAC names to keep.
 */
function propertiesOf(properties: Json, only: readonly string[] | undefined, problem: Report): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    const pairs: [string, string][] = [];
    for (const [name, value] of Object.entries(properties)) {
        if (TIME_FIELDS.has(name) || value === null || value === undefined || name === "") continue;
        if (only && !only.includes(name)) continue;
        const key = propertyKeyFrom(name);
        if (key === "__proto__") {
            // Pulumi's SDK drops such a key on its way to the engine, without a word.
            problem(
                `properties.${name}`,
                `the key "__proto__" cannot be passed to the Pulumi engine; leave it out with the properties option`,
            );
            continue;
        }
        pairs.push([name, key]);
        out[key] = typeof value === "string" || typeof value === "number" ? value : JSON.stringify(value);
    }
    try {
        assertUniqueKeys(pairs, "properties", "keep one of them with the properties option");
    } catch (error) {
        if (!(error instanceof KeyCollisionError)) throw error;
        problem(`properties.${error.originals[1]}`, error.message);
    }
    return out;
}
