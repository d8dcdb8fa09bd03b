import type { EarthEngineAsset, ImageBand } from "../../provider/earthengine";
import { isRfc3339, normalizeTimestamp, type Tileset, type TilesetBand } from "../../provider/manifest";
import { sameValue } from "../../provider/values/compare";

/** An image manifest without name, as a declaration writes it (JSON values only). */
export type ManifestFields = Record<string, unknown>;

/**
 * The manifest fields an external image's asset gives back: metadata, tilesets as imported and
 * the bands' names and policies. Server-filled detail (band data types, grids, size) is left
 * out: the provider ignores what a declaration leaves unset. Keys in a fixed order, properties
 * sorted, so the same asset always gives the same text.
 */
export function manifestOfAsset(asset: EarthEngineAsset): ManifestFields {
    const out: ManifestFields = {};
    if (asset.properties && Object.keys(asset.properties).length > 0) out.properties = sortedObject(asset.properties);
    if (asset.startTime) out.startTime = timestamp(asset.startTime);
    if (asset.endTime) out.endTime = timestamp(asset.endTime);
    out.tilesets = (asset.tilesets ?? []).map(tilesetOf);
    if (asset.bands && asset.bands.length > 0) out.bands = asset.bands.map(bandOf);
    return out;
}

function timestamp(value: string): string {
    return isRfc3339(value) ? normalizeTimestamp(value) : value;
}

function tilesetOf(tileset: Tileset): Tileset {
    const out: Record<string, unknown> = {};
    if (tileset.id) out.id = tileset.id;
    out.sources = tileset.sources.map((source) => {
        const s: Record<string, unknown> = { uris: [...source.uris] };
        if (source.affineTransform) s.affineTransform = source.affineTransform;
        if (source.dimensions) s.dimensions = source.dimensions;
        return s;
    });
    for (const key of ["dataType", "crs", "subdatasetPrefix", "subdatasetSuffix"] as const) {
        if (tileset[key] !== undefined) out[key] = tileset[key];
    }
    return out as unknown as Tileset;
}

function bandOf(band: ImageBand): TilesetBand {
    const out: Record<string, unknown> = { id: band.id };
    if (band.tilesetId) out.tilesetId = band.tilesetId;
    if (band.tilesetBandIndex !== undefined) out.tilesetBandIndex = band.tilesetBandIndex;
    if (band.pyramidingPolicy) out.pyramidingPolicy = band.pyramidingPolicy;
    if (band.missingData) out.missingData = band.missingData;
    return out as unknown as TilesetBand;
}

export function sortedObject<T>(value: Record<string, T>): Record<string, T> {
    return Object.fromEntries(
        Object.keys(value)
            .sort()
            .map((key) => [key, value[key]]),
    );
}

/** A collection's images as `ExternalImageCollection` takes them: `defaults` and one entry per image. */
export interface CollectionImages {
    defaults?: ManifestFields;
    images: Record<string, ManifestFields>;
}

/**
 * Lifts what every image shares into `defaults` (a field equal in all images; properties one key
 * at a time), and writes an image of one file as `uri` over a shared tileset. Entries merge back
 * over the defaults (JSON Merge Patch, sdk/timeseries/entries.ts) into exactly the manifests given.
 * With fewer than two images nothing is lifted.
 */
export function liftDefaults(manifests: Record<string, ManifestFields>): CollectionImages {
    const keys = Object.keys(manifests).sort();
    const all = keys.map((key) => manifests[key]);
    if (all.length < 2) return { images: Object.fromEntries(keys.map((key) => [key, manifests[key]])) };
    const defaults: ManifestFields = {};
    const entries = all.map((manifest) => ({ ...manifest }));

    // One file per image, in tilesets that differ only by that file: `uri` over one default tileset.
    const skeletons = all.map(singleFileSkeleton);
    const skeleton = skeletons[0];
    if (skeleton !== undefined && skeletons.every((s) => s !== undefined && sameValue(s, skeleton))) {
        const trivial = Object.keys(skeleton).length === 1 && Object.keys((skeleton.sources as object[])[0]).length === 0;
        if (!trivial || !namesTileset(all)) {
            if (!trivial) defaults.tilesets = [skeleton];
            entries.forEach((entry, i) => {
                const { tilesets, ...rest } = entry;
                entries[i] = { uri: singleUri(all[i]), ...rest };
            });
        }
    }
    for (const field of ["bands", "startTime", "endTime"]) {
        const first = all[0][field];
        if (first !== undefined && all.every((m) => sameValue(m[field], first))) {
            defaults[field] = first;
            for (const entry of entries) delete entry[field];
        }
    }
    const shared = sharedProperties(all);
    if (Object.keys(shared).length > 0) {
        defaults.properties = shared;
        for (const entry of entries) {
            const own = Object.fromEntries(Object.entries(entry.properties as Record<string, unknown>).filter(([k]) => !(k in shared)));
            if (Object.keys(own).length > 0) entry.properties = own;
            else delete entry.properties;
        }
    }
    const ordered = orderFields(defaults);
    return {
        ...(Object.keys(ordered).length > 0 ? { defaults: ordered } : {}),
        images: Object.fromEntries(keys.map((key, i) => [key, orderFields(entries[i])])),
    };
}

/** Bands that name a tileset id need the tileset written out (uri alone would make one without fields). */
function namesTileset(all: ManifestFields[]): boolean {
    return all.some((m) => Array.isArray(m.bands) && (m.bands as TilesetBand[]).some((b) => b.tilesetId));
}

/** The image's one tileset with its one file left out, or undefined when it has other files. */
function singleFileSkeleton(manifest: ManifestFields): ManifestFields | undefined {
    const tilesets = manifest.tilesets as Tileset[] | undefined;
    if (tilesets?.length !== 1 || tilesets[0].sources.length !== 1 || tilesets[0].sources[0].uris.length !== 1) return undefined;
    const { sources, ...tileset } = tilesets[0];
    const { uris: _, ...source } = sources[0];
    return { ...tileset, sources: [source] };
}

function singleUri(manifest: ManifestFields): string {
    return (manifest.tilesets as Tileset[])[0].sources[0].uris[0];
}

function sharedProperties(all: ManifestFields[]): Record<string, unknown> {
    const first = all[0].properties as Record<string, unknown> | undefined;
    if (!first) return {};
    const shared: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(first)) {
        if (all.every((m) => m.properties !== undefined && sameValue((m.properties as Record<string, unknown>)[key], value)))
            shared[key] = value;
    }
    return shared;
}

const FIELD_ORDER = ["uri", "properties", "startTime", "endTime", "tilesets", "bands"];

function orderFields(fields: ManifestFields): ManifestFields {
    const keys = Object.keys(fields).sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
    return Object.fromEntries(keys.map((key) => [key, fields[key]]));
}
