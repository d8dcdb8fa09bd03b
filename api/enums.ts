/**
 * The enums of the Earth Engine messages this project meets, as literal types. Their values are
 * the generated API client's (api/contract.json); test/unit/apiContract.test.ts keeps them equal.
 */

/** `ImageManifest.PyramidingPolicy`, `TilesetBand.PyramidingPolicy`, `ImageBand.PyramidingPolicy`. */
export const PYRAMIDING_POLICIES = ["PYRAMIDING_POLICY_UNSPECIFIED", "MEAN", "SAMPLE", "MIN", "MAX", "MODE", "MEDIAN"] as const;
/** `Tileset.DataType`. */
export const DATA_TYPES = ["DATA_TYPE_UNSPECIFIED", "INT8", "UINT8", "INT16", "UINT16", "INT32", "UINT32", "FLOAT", "DOUBLE"] as const;
/** `EarthEngineAsset.Type`. */
export const ASSET_TYPES = ["TYPE_UNSPECIFIED", "IMAGE", "IMAGE_COLLECTION", "TABLE", "FOLDER", "CLASSIFIER", "FEATURE_VIEW"] as const;
/** `PixelDataType.Precision`. */
export const PRECISIONS = ["PRECISION_UNSPECIFIED", "INT", "FLOAT", "DOUBLE"] as const;

export type PyramidingPolicy = (typeof PYRAMIDING_POLICIES)[number];
export type DataType = (typeof DATA_TYPES)[number];
export type AssetType = (typeof ASSET_TYPES)[number];
export type Precision = (typeof PRECISIONS)[number];

/** Earth Engine API versions the client and the emulator speak. */
export const API_VERSIONS = ["v1alpha", "v1beta", "v1"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
