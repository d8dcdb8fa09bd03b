import type { ImageManifest, MissingData, PyramidingPolicy, Tileset } from "../manifest";

/** Asset types of `EarthEngineAsset.type` that this project meets. */
export type AssetType = "IMAGE" | "IMAGE_COLLECTION" | "FOLDER" | "TABLE" | "CLASSIFIER" | "FEATURE_VIEW" | "TYPE_UNSPECIFIED";

/** `ImageBand` of an asset as `assets.get` returns it. */
export interface ImageBand {
    id: string;
    dataType?: { precision?: "INT" | "FLOAT" | "DOUBLE" | "PRECISION_UNSPECIFIED"; range?: { min?: number; max?: number } };
    grid?: {
        dimensions?: { width: number; height: number };
        affineTransform?: Record<string, number>;
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
    title?: string;
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

export interface ListAssetsResponse {
    assets?: EarthEngineAsset[];
    nextPageToken?: string;
}

export interface ImportExternalImageRequest {
    imageManifest: ImageManifest;
    overwrite?: boolean;
    useLatestObjectVersion?: boolean;
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

/** Earth Engine API versions the client and the emulator speak. */
export const API_VERSIONS = ["v1alpha", "v1beta", "v1"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
