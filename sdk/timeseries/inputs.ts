import type { ImageManifestInput } from "../../provider/manifest/schema";
import type { DeepInput } from "../inputs";

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

export type ImageDefaultsArgs = DeepInput<ImageDefaults>;
export type ImageEntryArgs = DeepInput<ImageEntry>;
