import { z } from "zod";
import { checkManifestRules } from "./rules";
import { ImageManifestObjectSchema } from "./schema";

/** The manifest with every rule: each field's (schema.ts) and those that span fields (rules.ts). */
export const ImageManifestSchema = ImageManifestObjectSchema.superRefine(checkManifestRules);

/** Body of `projects.image.importExternal`. */
export const ImportExternalRequestSchema = z.strictObject({
    imageManifest: ImageManifestSchema,
    overwrite: z.boolean().optional(),
    /** Use the newest generation of each object instead of pinning (newer API field). */
    useLatestObjectVersion: z.boolean().optional(),
});
