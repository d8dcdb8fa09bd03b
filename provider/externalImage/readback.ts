import type { EarthEngineAsset, ImageBand } from "../earthengine";
import { type ImageManifest, isRfc3339, normalizeTimestamp, type Tileset, type TilesetBand } from "../manifest";
import { dropUndefined } from "../values/compare";

/**
 * The manifest an asset corresponds to, in the declaration's terms. `assets.get` shows the
 * name, metadata, tilesets (full URIs) and bands, but not ingestion-only fields (uriPrefix as
 * such, maskBands, footprint, manifest-level defaults, memo, skipMetadataRead,
 * minTileAreaRatio): those are taken from `declared`. Server-filled values the declaration
 * leaves unset (a crs or data type read from the file) are ignored, so they cause no diff.
 */
export function manifestFromAsset(asset: EarthEngineAsset, declared: ImageManifest): ImageManifest {
    const out: ImageManifest = { ...declared, name: asset.name };
    // No properties and an empty map are the same to the server; keep the declaration's spelling.
    out.properties =
        asset.properties && Object.keys(asset.properties).length > 0
            ? { ...asset.properties }
            : declared.properties && Object.keys(declared.properties).length === 0
              ? {}
              : undefined;
    out.startTime = timestamp(asset.startTime);
    out.endTime = timestamp(asset.endTime);
    if (asset.tilesets) out.tilesets = asset.tilesets.map((t, i) => tilesetFromAsset(t, declared.tilesets[i], declared.uriPrefix));
    if (declared.bands && asset.bands) out.bands = asset.bands.map((b, i) => bandFromAsset(b, declared.bands?.[i]));
    return dropUndefined(out);
}

function timestamp(value: string | undefined): string | undefined {
    return value && isRfc3339(value) ? normalizeTimestamp(value) : value;
}

function tilesetFromAsset(actual: Tileset, declared: Tileset | undefined, uriPrefix: string | undefined): Tileset {
    const stripPrefix = (uri: string) => (uriPrefix && uri.startsWith(uriPrefix) ? uri.slice(uriPrefix.length) : uri);
    const sources = actual.sources.map((source, i) => {
        const want = declared?.sources[i];
        const uris = source.uris.map((uri) => (uriPrefix && want?.uris.every((u) => !u.startsWith("gs://")) ? stripPrefix(uri) : uri));
        return dropUndefined({
            uris,
            affineTransform: want?.affineTransform !== undefined ? source.affineTransform : undefined,
            dimensions: want?.dimensions !== undefined ? source.dimensions : undefined,
        });
    });
    if (!declared) return { ...actual, sources };
    return dropUndefined({
        id: declared.id !== undefined || actual.id ? actual.id : undefined,
        sources,
        dataType:
            declared.dataType === "DATA_TYPE_UNSPECIFIED"
                ? declared.dataType
                : declared.dataType !== undefined
                  ? actual.dataType
                  : undefined,
        crs: declared.crs !== undefined ? actual.crs : undefined,
        subdatasetPrefix: declared.subdatasetPrefix !== undefined ? actual.subdatasetPrefix : undefined,
        subdatasetSuffix: declared.subdatasetSuffix !== undefined ? actual.subdatasetSuffix : undefined,
    });
}

function bandFromAsset(actual: ImageBand, declared: TilesetBand | undefined): TilesetBand {
    const band: TilesetBand = {
        id: actual.id,
        tilesetId: declared?.tilesetId !== undefined || actual.tilesetId ? (actual.tilesetId ?? "") : undefined,
        tilesetBandIndex: declared?.tilesetBandIndex !== undefined || actual.tilesetBandIndex ? (actual.tilesetBandIndex ?? 0) : undefined,
    };
    // *_UNSPECIFIED is proto3's "not set": the server answers with what it applied, so keep the declaration.
    if (declared?.pyramidingPolicy === "PYRAMIDING_POLICY_UNSPECIFIED") band.pyramidingPolicy = declared.pyramidingPolicy;
    else if (declared?.pyramidingPolicy !== undefined) band.pyramidingPolicy = actual.pyramidingPolicy;
    if (declared?.missingData !== undefined) band.missingData = actual.missingData;
    return dropUndefined(band);
}
