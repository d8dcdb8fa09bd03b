/**
 * pulumi-earthengine: Google Earth Engine external images as Pulumi resources.
 *
 * ```ts
 * import { ExternalImage } from "pulumi-earthengine";
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
export { ExternalImage } from "./externalImage";
export { Folder, type FolderArgs } from "./folder";
export { ImageCollection, type ImageCollectionArgs } from "./imageCollection";
export type { DeepInput, ExternalImageArgs, ImageManifestArgs } from "./inputs";
export { EarthEngineResource } from "./resource";
