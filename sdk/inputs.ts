import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type {
    AffineTransformSchema,
    GridDimensionsSchema,
    GridPointSchema,
    ImageManifestInput,
    ImageSourceSchema,
    MissingDataSchema,
    PixelFootprintSchema,
    TilesetBandSchema,
    TilesetMaskBandSchema,
    TilesetSchema,
} from "../provider/manifest/schema";

/**
 * `T` with every field, list and nested object accepting a `pulumi.Input`, so manifests can be
 * built from other resources' outputs. Field documentation carries over from the schema.
 */
export type DeepInput<T> = T extends readonly (infer U)[]
    ? pulumi.Input<DeepInput<U>[]>
    : T extends Record<string, unknown>
      ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
      : pulumi.Input<T>;

/** Each field of `T` as a `DeepInput`, keeping its optionality and documentation. */
export type DeepFields<T> = { [K in keyof T]: DeepInput<T[K]> };

/**
 * Each field of `T` as a `DeepInput`, except those named in `Named`, which take the given (named)
 * type. A homomorphic mapping, so every field keeps its optionality and documentation.
 */
export type NamedFields<T, Named> = { [K in keyof T]: K extends keyof Named ? Named[K] : DeepInput<T[K]> };

/** A list input whose elements are inputs of the named type `T`. */
export type ListOf<T> = pulumi.Input<pulumi.Input<T>[]>;

// The manifest's nested objects are interfaces too, so a typo deep inside a manifest is reported
// against a name (`... does not exist in type 'Input<TilesetArgs>'`), not an expanded type.

/** `{ values: number[] }`: pixel values that mean "no data" (ImageManifest `MissingData`). */
export interface MissingDataArgs extends DeepFields<z.input<typeof MissingDataSchema>> {}
/** The six terms of a file's geotransform, in CRS units (ImageManifest `AffineTransform`). */
export interface AffineTransformArgs extends DeepFields<z.input<typeof AffineTransformSchema>> {}
/** `{ width, height }` of a file's grid, in pixels (ImageManifest `GridDimensions`). */
export interface GridDimensionsArgs extends DeepFields<z.input<typeof GridDimensionsSchema>> {}
/** A point `{ x, y }` in pixel coordinates (ImageManifest `GridPoint`). */
export interface GridPointArgs extends DeepFields<z.input<typeof GridPointSchema>> {}
/** One file of a tileset: its URIs and optional geometry (ImageManifest `ImageSource`). */
export interface ImageSourceArgs
    extends NamedFields<
        z.input<typeof ImageSourceSchema>,
        { affineTransform: pulumi.Input<AffineTransformArgs>; dimensions: pulumi.Input<GridDimensionsArgs> }
    > {}
/** One Cloud-Optimized GeoTIFF of the image and how to read it (ImageManifest `Tileset`). */
export interface TilesetArgs extends NamedFields<z.input<typeof TilesetSchema>, { sources: ListOf<ImageSourceArgs> }> {}
/** One band of the asset: its id and where its pixels come from (ImageManifest `TilesetBand`). */
export interface TilesetBandArgs extends NamedFields<z.input<typeof TilesetBandSchema>, { missingData: pulumi.Input<MissingDataArgs> }> {}
/** A tileset's last band used as a mask for some or all bands (ImageManifest `TilesetMaskBand`). */
export interface TilesetMaskBandArgs extends DeepFields<z.input<typeof TilesetMaskBandSchema>> {}
/** The valid-pixel ring of the image, in pixel coordinates (ImageManifest `PixelFootprint`). */
export interface PixelFootprintArgs extends NamedFields<z.input<typeof PixelFootprintSchema>, { points: ListOf<GridPointArgs> }> {}

/**
 * The Earth Engine ImageManifest, as a Pulumi input (camelCase; see the README for snake_case).
 * An interface, so TypeScript's errors name it (`... does not exist in type 'ImageManifestArgs'`)
 * instead of printing the expanded type; so are its nested objects (`TilesetArgs`, ...).
 */
export interface ImageManifestArgs
    extends NamedFields<
        ImageManifestInput,
        {
            tilesets: ListOf<TilesetArgs>;
            bands: ListOf<TilesetBandArgs>;
            maskBands: ListOf<TilesetMaskBandArgs>;
            footprint: pulumi.Input<PixelFootprintArgs>;
            missingData: pulumi.Input<MissingDataArgs>;
        }
    > {}
