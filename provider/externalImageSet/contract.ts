import { z } from "zod";
import type { ImageManifestInput } from "../manifest/schema";
import { defineContract, type InputsOf, type KindContract, type OutputsOf } from "../resource/contract";
import { project } from "../resource/fields";

/** An image of the set: an ImageManifest without `name` (the key and `parent` give it). */
export type SetImageInput = Omit<ImageManifestInput, "name">;

const inputs = {
    /**
     * The folder or image collection holding the images, `projects/<project>/assets/<path>`
     * (a legacy `users/<user>/<path>` id is normalised). Image `k` is `<parent>/k`. Changing
     * it moves every kept image into the new parent (`assets.move`, one image at a time: their
     * access and out-of-band properties go with them), then patches or re-imports what else
     * changed; no image is re-imported or deleted for the move.
     */
    parent: z.string(),
    /**
     * Consumer project for quota and billing (`x-goog-user-project`). Default:
     * `earthengine:project`, then `GOOGLE_CLOUD_PROJECT`, then the credentials' quota
     * project, then the parent's project. Changing it makes no Earth Engine call.
     */
    project,
    /**
     * The images by key. A key is one asset id segment (letters, digits, `_`, `-`); its value
     * is the image's ImageManifest without `name`, checked as ExternalImage checks its
     * manifest. Adding a key imports one image (an existing identical asset is adopted),
     * removing one deletes it, a metadata change (properties, startTime, endTime) patches it,
     * any other change re-imports it with `overwrite: true`. Unchanged images cost no call.
     */
    images: z.record(z.string(), z.custom<SetImageInput>()),
    /**
     * Set by the provider in `check`, never by the program: what the next `up` does to the
     * images, as `+<created> ~<changed> -<deleted>` (`~` counts patches and re-imports).
     * Absent when nothing changes; never a change by itself. `pulumi preview --diff` shows it.
     */
    changeSummary: z.string().optional(),
};

const outputs = {
    /**
     * Each image as last written or read back, compact (the inputs in state hold every image in
     * full already): `shared` holds each top-level manifest field every image has, at the value
     * most of them share; `byKey` each image's own fields besides. Image `k` is
     * `{ ...shared, ...byKey[k] }`. What `diff`, `update`, `refresh` and `delete` compare the
     * declaration with (the engine hands them the outputs only). A set recorded before this
     * output existed keeps its images in the `images` output until its next up or refresh.
     */
    recordedImages: z.object({
        shared: z.record(z.string(), z.unknown()),
        byKey: z.record(z.string(), z.record(z.string(), z.unknown())),
    }),
    /**
     * When Earth Engine last changed each image (RFC 3339), by key: what `refresh` compares
     * with a paged listing, so it reads only the images that moved. A key without one was
     * written but not read back (the next `up` reads it).
     */
    updateTimes: z.record(z.string(), z.string()),
    /**
     * By image key, each source's Cloud Storage object generation when Earth Engine last
     * imported the image, by URI (`gs://bucket/object` after `uriPrefix`; URIs pinned with
     * `#<generation>` are not listed: they name their bytes already), as ExternalImage records it.
     * Recorded at create and re-import; an image recorded before this release, or while Cloud
     * Storage could not be read, gets it from the next refresh. Absent when Cloud Storage cannot
     * be read. Generations are read with one object listing per folder of the sources (a folder
     * holding a single source: one metadata read), never one request per image.
     */
    sourceGenerations: z.record(z.string(), z.record(z.string(), z.string())).optional(),
    /**
     * By image key, the live generations the last refresh found different from
     * `sourceGenerations` (only those: a set of thousands stays small). The next up re-imports
     * each such image alone (one `importExternal` with overwrite), after which it is no longer
     * listed here.
     */
    liveSourceGenerations: z.record(z.string(), z.record(z.string(), z.string())).optional(),
};

/**
 * The ExternalImageSet contract: many external images in one folder or image collection, owned
 * by one resource. For archives of thousands of images, where one resource per image costs the
 * engine a whole-snapshot write per image (README "Large archives"). No implementation here:
 * `sdk/` derives the args and outputs from it.
 */
export const externalImageSetContract: KindContract<typeof inputs, typeof outputs> = defineContract("ExternalImageSet", inputs, outputs);

/** The inputs after `check`: images normalised, without names. */
export type ExternalImageSetInputs = InputsOf<typeof externalImageSetContract>;

/**
 * The outputs: `parent` and `project` echoed, the images recorded compactly (`recordedImages`; not
 * `images`, which only state written before it holds), the server's update times and the sources' generations.
 */
export type ExternalImageSetOutputs = OutputsOf<typeof externalImageSetContract>;
