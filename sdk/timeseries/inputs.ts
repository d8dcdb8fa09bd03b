import type * as pulumi from "@pulumi/pulumi";
import type { ImageManifestInput } from "../../provider/manifest/schema";
import type {
    ListOf,
    MissingDataArgs,
    NamedFields,
    PixelFootprintArgs,
    TilesetArgs,
    TilesetBandArgs,
    TilesetMaskBandArgs,
} from "../inputs";

type ManifestFields = Omit<ImageManifestInput, "name">;

/**
 * What every image of an `ExternalImageCollection` shares: an image manifest without `name`, every
 * field optional. An entry's fields are merged over these as a JSON Merge Patch (RFC 7386):
 * objects key by key (so `properties` one property at a time), lists replaced whole, `null`
 * removing the default.
 */
export type ImageDefaults = { [K in keyof ManifestFields]?: ManifestFields[K] | null };

/** One image of the collection: its own fields over the defaults, and `uri` for the one-COG case. */
export type ImageEntry = ImageDefaults & {
    /**
     * The image's one Cloud-Optimized GeoTIFF (`gs://bucket/object`, or relative to `uriPrefix`).
     * It replaces the file of the single default tileset, keeping that tileset's other fields, or
     * makes one tileset whose id is the one the bands name. Not together with `tilesets`.
     */
    uri?: string;
};

/**
 * `ImageDefaults` as a Pulumi input (every field may be an output; `null` removes a default). An
 * interface, so TypeScript's errors name it (`... does not exist in type 'Input<ImageDefaultsArgs>'`)
 * instead of printing the expanded type.
 */
export interface ImageDefaultsArgs
    extends NamedFields<
        ImageDefaults,
        {
            tilesets: ListOf<TilesetArgs> | null;
            bands: ListOf<TilesetBandArgs> | null;
            maskBands: ListOf<TilesetMaskBandArgs> | null;
            footprint: pulumi.Input<PixelFootprintArgs> | null;
            missingData: pulumi.Input<MissingDataArgs> | null;
        }
    > {}

/** `ImageEntry` as a Pulumi input: the defaults' fields and `uri`. */
export interface ImageEntryArgs extends ImageDefaultsArgs {
    /** See `ImageEntry.uri`. */
    uri?: pulumi.Input<string>;
}
