import type { AssetType, DataType, Precision, PyramidingPolicy } from "./enums";

/**
 * Earth Engine's wire messages in their proto3 JSON form (camelCase names, timestamps as RFC 3339
 * text), as far as this project reads or writes them. Field lists: api/contract.json; meanings:
 * https://developers.google.com/earth-engine/reference/rest.
 */

/** `AffineTransform`: the pixel-to-CRS mapping; every term a double. */
export interface AffineTransform {
    scaleX?: number;
    shearX?: number;
    translateX?: number;
    shearY?: number;
    scaleY?: number;
    translateY?: number;
}

/** `GridDimensions`: a grid's size in pixels (int32). */
export interface GridDimensions {
    width: number;
    height: number;
}

/** `MissingData`: no-data values; proto3 JSON writes NaN and infinities as strings. */
export interface MissingData {
    values: (number | "NaN" | "Infinity" | "-Infinity")[];
}

/** `ImageSource`: one file of a tileset (importExternal takes exactly one). */
export interface ImageSource {
    uris: string[];
    affineTransform?: AffineTransform;
    dimensions?: GridDimensions;
}

/** `Tileset`. */
export interface Tileset {
    id?: string;
    sources: ImageSource[];
    dataType?: DataType;
    crs?: string;
    subdatasetPrefix?: string;
    subdatasetSuffix?: string;
}

/** `TilesetBand`. */
export interface TilesetBand {
    id: string;
    tilesetId?: string;
    tilesetBandIndex?: number;
    missingData?: MissingData;
    pyramidingPolicy?: PyramidingPolicy;
}

/** `TilesetMaskBand`. */
export interface TilesetMaskBand {
    tilesetId?: string;
    bandIds?: string[];
}

/** `GridPoint`. */
export interface GridPoint {
    x: number;
    y: number;
}

/** `PixelFootprint`. */
export interface PixelFootprint {
    points: GridPoint[];
    bandId?: string;
}

/** `ImageManifest` as the service reads it: camelCase, timestamps as RFC 3339 text. */
export interface ImageManifest {
    name: string;
    properties?: Record<string, string | number>;
    uriPrefix?: string;
    tilesets: Tileset[];
    bands?: TilesetBand[];
    maskBands?: TilesetMaskBand[];
    footprint?: PixelFootprint;
    missingData?: MissingData;
    pyramidingPolicy?: PyramidingPolicy;
    startTime?: string;
    endTime?: string;
    minTileAreaRatio?: number;
    skipMetadataRead?: boolean;
    memo?: string;
}

/** Body of `projects.image.importExternal`. */
export interface ImportExternalImageRequest {
    imageManifest: ImageManifest;
    overwrite?: boolean;
    useLatestObjectVersion?: boolean;
}

/** `ImageBand` of an asset as `assets.get` returns it. */
export interface ImageBand {
    id: string;
    dataType?: { precision?: Precision; range?: { min?: number; max?: number } };
    grid?: {
        dimensions?: GridDimensions;
        affineTransform?: AffineTransform;
        crsCode?: string;
        crsWkt?: string;
    };
    pyramidingPolicy?: PyramidingPolicy;
    missingData?: MissingData;
    tilesetId?: string;
    tilesetBandIndex?: number;
}

/** `EarthEngineAsset`, the resource the asset methods read and write. */
export interface EarthEngineAsset {
    type: AssetType;
    /** `projects/<project>/assets/<path>` */
    name: string;
    /** Legacy-style id, `projects/<project>/assets/` removed. */
    id?: string;
    updateTime?: string;
    properties?: Record<string, string | number>;
    startTime?: string;
    endTime?: string;
    /** v1alpha only. */
    title?: string;
    /** v1alpha only. */
    description?: string;
    bands?: ImageBand[];
    /** Only for external images: the tilesets as imported. */
    tilesets?: Tileset[];
    sizeBytes?: string;
    geometry?: Record<string, unknown>;
}

/** Body of `assets.patch`. */
export interface PatchAssetRequest {
    asset: Partial<Pick<EarthEngineAsset, "properties" | "startTime" | "endTime" | "title" | "description">>;
    updateMask: string;
}

/** `ListAssetsResponse`. */
export interface ListAssetsResponse {
    assets?: EarthEngineAsset[];
    nextPageToken?: string;
}

/** One role and the members that hold it (`google.iam.v1.Binding`). */
export interface IamBinding {
    /** `roles/viewer` (readers), `roles/editor` (writers), `roles/owner` (owners). */
    role: string;
    /** `user:`, `group:`, `serviceAccount:`, `domain:` prefixed, or `allUsers` / `allAuthenticatedUsers`. */
    members: string[];
}

/** An asset's IAM policy (`google.iam.v1.Policy`); `etag` guards read-modify-write. */
export interface IamPolicy {
    version?: number;
    bindings?: IamBinding[];
    etag?: string;
}
