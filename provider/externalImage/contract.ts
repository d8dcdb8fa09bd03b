import { z } from "zod";
import { ImageManifestSchema } from "../manifest/imageManifest";
import { defineContract, type KindContract } from "../resource/contract";
import { assetOutputs, optionalBoolean, project } from "../resource/fields";

const inputs = {
    /**
     * Consumer project for quota and billing (`x-goog-user-project`); not necessarily the
     * project that owns the asset. Default: `earthengine:project`, then `GOOGLE_CLOUD_PROJECT`,
     * then the credentials' quota project, then the asset's own project. Changing it makes no
     * Earth Engine call.
     */
    project,
    /**
     * The image: name, tilesets (one COG each), bands, masks, metadata (see ImageManifest).
     * As an output: the manifest as registered, camelCase keys, timestamps and names in the
     * server's form.
     */
    imageManifest: ImageManifestSchema,
    /**
     * Take over an asset that already exists and differs from this declaration, by re-importing
     * it with `overwrite: true`. Identical existing assets are adopted without it. Default false.
     */
    adopt: optionalBoolean("adopt"),
};

const outputs = {
    ...assetOutputs,
    /**
     * Each source's Cloud Storage object generation when Earth Engine last imported it, by URI
     * (`gs://bucket/object` after `uriPrefix`; URIs pinned with `#<generation>` are not listed:
     * they name their bytes already). Recorded at create and re-import; a resource made before
     * this release gets it from its first refresh. Absent when Cloud Storage cannot be read.
     */
    sourceGenerations: z.record(z.string(), z.string()).optional(),
    /**
     * Each source's live generation as the last refresh found it. When it differs from
     * `sourceGenerations` (the file was rewritten after registration) the next up re-imports the
     * image once (`importExternal` with overwrite), after which the two agree.
     */
    liveSourceGenerations: z.record(z.string(), z.string()).optional(),
};

/**
 * ExternalImage: an Earth Engine image asset backed by Cloud-Optimized GeoTIFFs in Cloud
 * Storage, registered with `projects.image.importExternal`.
 */
export const externalImageContract: KindContract<typeof inputs, typeof outputs> = defineContract("ExternalImage", inputs, outputs);
