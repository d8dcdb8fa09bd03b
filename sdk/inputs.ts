import type * as pulumi from "@pulumi/pulumi";
import type { ImageManifestInput } from "../provider/manifest/schema";

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
 * The Earth Engine ImageManifest, as a Pulumi input (camelCase; see the README for snake_case).
 * An interface, so TypeScript's errors name it (`... does not exist in type 'ImageManifestArgs'`)
 * instead of printing the expanded type.
 */
export interface ImageManifestArgs extends DeepFields<ImageManifestInput> {}

export interface ExternalImageArgs {
    /**
     * Consumer project for quota and billing (`x-goog-user-project`); not necessarily the
     * project that owns the asset. Default: `earthengine:project`, then `GOOGLE_CLOUD_PROJECT`,
     * then the credentials' quota project, then the asset's own project. Changing it makes no
     * Earth Engine call.
     */
    project?: pulumi.Input<string>;
    /** The image: name, tilesets (one COG each), bands, masks, metadata. See ImageManifest. */
    imageManifest: pulumi.Input<ImageManifestArgs>;
    /**
     * Take over an asset that already exists and differs from this declaration, by re-importing
     * it with `overwrite: true`. Identical existing assets are adopted without it. Default false.
     */
    adopt?: pulumi.Input<boolean>;
}
