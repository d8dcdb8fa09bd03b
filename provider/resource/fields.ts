import { z } from "zod";
import { quote } from "../values/failures";

/** Schemas of the inputs and outputs that several kinds' contracts share. */

// A Cloud project id or number; the server has the final word, this catches typos early.
const PROJECT_ID = /^(?:[a-z][a-z0-9.-]*:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$|^\d+$/;
const notAProject = (value: unknown) =>
    `${quote(String(value))} is not a Cloud project id or number; use the id shown in the Cloud console (6-30 lowercase letters, digits, hyphens)`;

/** The optional consumer (quota) project input of every kind: a Cloud project id or number. */
export const project = z
    .string({ error: (iss) => notAProject(iss.input) })
    .refine((value) => PROJECT_ID.test(value), { error: (iss) => notAProject(iss.input) })
    .optional();

/** An optional true/false input. */
export function optionalBoolean(property: string) {
    return z.boolean({ error: `${property} must be true or false` }).optional();
}

/** The outputs an asset kind (image, folder, collection) adds to the inputs it echoes. */
export const assetOutputs = {
    /** `projects/<project>/assets/<path>`; also the resource id. Use it in other resources: children's names, IAM. */
    assetName: z.string(),
    /** When Earth Engine last changed the asset (RFC 3339). */
    updateTime: z.string(),
};
