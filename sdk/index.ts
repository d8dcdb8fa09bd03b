/**
 * pulumi-earthengine: Google Earth Engine external images, the folders and image collections
 * that hold them, and who may read them, as Pulumi resources.
 *
 * ```ts
 * import * as ee from "pulumi-earthengine";
 * // ee.Folder, ee.ImageCollection, ee.ExternalImage, ee.ExternalImageSet, ee.AssetIamMember, ee.AssetIamBinding, ee.AssetIamPolicy
 * // collection entries from where the files are: ee.entriesFromBucket
 * ```
 */

export type { DataType, PyramidingPolicy } from "../provider/manifest/enums";
export type {
    AffineTransform,
    GridDimensions,
    GridPoint,
    ImageManifest,
    ImageManifestInput,
    ImageSource,
    MissingData,
    PixelFootprint,
    Tileset,
    TilesetBand,
    TilesetMaskBand,
} from "../provider/manifest/schema";
export {
    AssetIamBinding,
    type AssetIamBindingArgs,
    AssetIamMember,
    type AssetIamMemberArgs,
    AssetIamPolicy,
    type AssetIamPolicyArgs,
} from "./assetIam";
export { ExternalImage, type ExternalImageArgs } from "./externalImage";
export { ExternalImageCollection, type ExternalImageCollectionArgs } from "./externalImageCollection";
export { ExternalImageSet, type ExternalImageSetArgs, type SetImageInput } from "./externalImageSet";
export { Folder, type FolderArgs } from "./folder";
export { ImageCollection, type ImageCollectionArgs } from "./imageCollection";
export type {
    AffineTransformArgs,
    DeepInput,
    GridDimensionsArgs,
    GridPointArgs,
    ImageManifestArgs,
    ImageSourceArgs,
    MissingDataArgs,
    PixelFootprintArgs,
    TilesetArgs,
    TilesetBandArgs,
    TilesetMaskBandArgs,
} from "./inputs";
export { EarthEngineResource } from "./resource";
export { type BucketObject, type BucketSourceArgs, BucketSourceError, entriesFromBucket, type TimeOf } from "./sources/bucket";
export { DATE_FORMS, type DateForm } from "./sources/dateForms";
export { imageKeyFrom, KeyCollisionError, propertyKeyFrom } from "./sources/keys";
export { entriesFromStac, StacError, type StacOptions } from "./sources/stac";
export type { ImageDefaults, ImageDefaultsArgs, ImageEntry, ImageEntryArgs } from "./timeseries/inputs";
