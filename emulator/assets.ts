import type { DataType, EarthEngineAsset, ImageBand, ImageManifest, PyramidingPolicy, Tileset, TilesetBand } from "../api";

/** An image asset before the store gives it `id` and `updateTime`. */
export type NewAsset = Omit<EarthEngineAsset, "id" | "updateTime">;

// Ranges of the integer types, which `assets.get` reports with precision INT.
const INT_RANGES: Partial<Record<DataType, { min: number; max: number }>> = {
    INT8: { min: -128, max: 127 },
    UINT8: { min: 0, max: 255 },
    INT16: { min: -32768, max: 32767 },
    UINT16: { min: 0, max: 65535 },
    INT32: { min: -2147483648, max: 2147483647 },
    UINT32: { min: 0, max: 4294967295 },
};

/** A band's data type when its tileset declares none (the file would say): 32-bit float. */
export const PLACEHOLDER_DATA_TYPE = { precision: "FLOAT" } as const;

/** Grid parts a manifest does not declare: WGS 84, 1-unit pixels, north up, 256 × 256. */
export const PLACEHOLDER_GRID = {
    crsCode: "EPSG:4326",
    affineTransform: { scaleX: 1, shearX: 0, translateX: 0, shearY: 0, scaleY: -1, translateY: 0 },
    dimensions: { width: 256, height: 256 },
} as const;

// A CRS code such as EPSG:4326 or SR-ORG:6974; anything else is taken as WKT.
const CRS_CODE = /^[A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9.-]+$/;

/**
 * The asset `importExternal` registers for a validated manifest, as `assets.get` shows it:
 * name, metadata, the tilesets with full URIs, and the bands. Ingestion-only fields (uriPrefix,
 * maskBands, footprint, memo, skipMetadataRead, minTileAreaRatio, the manifest-level defaults)
 * are not part of the asset.
 */
export function imageAssetFromManifest(manifest: ImageManifest): NewAsset {
    const asset: NewAsset = { type: "IMAGE", name: manifest.name };
    if (manifest.properties && Object.keys(manifest.properties).length > 0) asset.properties = { ...manifest.properties };
    if (manifest.startTime) asset.startTime = manifest.startTime;
    if (manifest.endTime) asset.endTime = manifest.endTime;
    asset.tilesets = manifest.tilesets.map((tileset) => withFullUris(tileset, manifest.uriPrefix ?? ""));
    asset.bands = bandsOf(manifest);
    return asset;
}

function withFullUris(tileset: Tileset, prefix: string): Tileset {
    return {
        ...structuredClone(tileset),
        sources: tileset.sources.map((s) => ({ ...structuredClone(s), uris: s.uris.map((u) => prefix + u) })),
    };
}

/**
 * The declared bands in order; without declarations the files would say, and the emulator does
 * not read them, so each tileset counts as one band named b1, b2, ... in tileset order.
 */
function bandsOf(manifest: ImageManifest): ImageBand[] {
    const declared =
        manifest.bands ?? manifest.tilesets.map((tileset, i): TilesetBand => ({ id: `b${i + 1}`, tilesetId: tileset.id ?? "" }));
    // First tileset per id (ids are unique in a valid manifest); a map, not a search per band: archives hold 100,000 tilesets.
    const tilesets = new Map<string, Tileset>();
    for (const tileset of manifest.tilesets) if (!tilesets.has(tileset.id ?? "")) tilesets.set(tileset.id ?? "", tileset);
    return declared.map((band) => {
        const tilesetId = band.tilesetId ?? "";
        const tileset = tilesets.get(tilesetId);
        const out: ImageBand = {
            id: band.id,
            tilesetId,
            tilesetBandIndex: band.tilesetBandIndex ?? 0,
            pyramidingPolicy: policy(band.pyramidingPolicy) ?? policy(manifest.pyramidingPolicy) ?? "MEAN",
        };
        const missingData = band.missingData ?? manifest.missingData;
        if (missingData) out.missingData = structuredClone(missingData);
        out.dataType = (tileset && dataTypeOf(tileset.dataType)) ?? { ...PLACEHOLDER_DATA_TYPE };
        out.grid = gridOf(tileset);
        return out;
    });
}

// UNSPECIFIED is proto3's "not set": it falls through to the next default.
function policy(value: PyramidingPolicy | undefined): PyramidingPolicy | undefined {
    return value === "PYRAMIDING_POLICY_UNSPECIFIED" ? undefined : value;
}

function dataTypeOf(dataType: DataType | undefined): ImageBand["dataType"] {
    if (dataType === "FLOAT" || dataType === "DOUBLE") return { precision: dataType };
    const range = dataType && INT_RANGES[dataType];
    return range ? { precision: "INT", range: { ...range } } : undefined;
}

/**
 * The band's grid from what the manifest says; each part it leaves out (the file would say) is a
 * fixed placeholder, because the service always returns a full grid and clients read it
 * unguarded (the JavaScript client's `band.grid.crsCode`).
 */
function gridOf(tileset: Tileset | undefined): NonNullable<ImageBand["grid"]> {
    const source = tileset?.sources[0];
    const grid: NonNullable<ImageBand["grid"]> = {};
    const crs = tileset?.crs || PLACEHOLDER_GRID.crsCode;
    if (CRS_CODE.test(crs)) grid.crsCode = crs;
    else grid.crsWkt = crs;
    grid.affineTransform = { ...(source?.affineTransform ?? PLACEHOLDER_GRID.affineTransform) };
    grid.dimensions = { ...(source?.dimensions ?? PLACEHOLDER_GRID.dimensions) };
    return grid;
}
