import { z } from "zod";
import { folderInputs } from "../folder/contract";
import { ImageManifestObjectSchema } from "../manifest/schema";
import { defineContract, type KindContract } from "../resource/contract";
import { assetOutputs } from "../resource/fields";

const text = (field: string) => z.string({ error: `${field} must be a string` });

const metadata = {
    /** Collection metadata: keys of letters, digits and '_', values strings or numbers. Patched in place. */
    properties: ImageManifestObjectSchema.shape.properties,
    /** Start of the collection's time range (RFC 3339). Patched in place. */
    startTime: ImageManifestObjectSchema.shape.startTime,
    /** Exclusive end of the collection's time range (RFC 3339), after startTime. Patched in place. */
    endTime: ImageManifestObjectSchema.shape.endTime,
    /** Title (API v1alpha only, the default; v1 and v1beta refuse it). Patched in place. */
    title: text("title").optional(),
    /** Description (API v1alpha only, the default; v1 and v1beta refuse it). Patched in place. */
    description: text("description").optional(),
};

const inputs: typeof folderInputs & typeof metadata = { ...folderInputs, ...metadata };

/**
 * ImageCollection: an Earth Engine image collection, made with `projects.assets.create`
 * (`type: IMAGE_COLLECTION`). Its name, project and forceDestroy are a Folder's; its metadata
 * follows the same rules as an image's (one source for property keys, values and timestamps).
 */
export const imageCollectionContract: KindContract<typeof inputs, typeof assetOutputs> = defineContract(
    "ImageCollection",
    inputs,
    assetOutputs,
);
