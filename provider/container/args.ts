import { z } from "zod";
import { ImageManifestSchema, isRfc3339, isUnknown, type ManifestFailure, normalizeTimestamp, toEpochNanos } from "../manifest";
import { booleanFailures, type CheckedArgs, checkedField, projectFailures, unknownInputs } from "../resource";

/** The two asset types `assets.create` makes; each is one resource kind. */
export type ContainerType = "FOLDER" | "IMAGE_COLLECTION";

/** A container's metadata as Earth Engine stores it; folders have none. */
export interface ContainerMetadata {
    properties?: Record<string, string | number>;
    startTime?: string;
    endTime?: string;
    /** v1alpha only. */
    title?: string;
    /** v1alpha only. */
    description?: string;
}

/** The inputs after `check`: what the engine stores and hands to diff/create/update. */
export interface ContainerInputs extends ContainerMetadata {
    /** `projects/<project>/assets/<path>`; legacy `users/...` ids normalised. */
    name: string;
    project?: string;
    forceDestroy?: boolean;
}

/** Inputs echoed (the engine hands outputs back as `olds`) plus what the server says. */
export interface ContainerOutputs extends ContainerInputs {
    assetName: string;
    updateTime?: string;
}

export const METADATA_FIELDS = ["properties", "startTime", "endTime", "title", "description"] as const;

const text = (field: string) => z.string({ error: `${field} must be a string` });
// The same rules as an image's: one source for property keys, values and timestamps.
const FIELD_SCHEMAS: Record<string, z.ZodType> = {
    name: ImageManifestSchema.shape.name,
    project: z.string(),
    properties: ImageManifestSchema.shape.properties,
    startTime: ImageManifestSchema.shape.startTime,
    endTime: ImageManifestSchema.shape.endTime,
    title: text("title"),
    description: text("description"),
};

/** The input names of each kind. */
export function inputKeysOf(type: ContainerType): readonly string[] {
    return type === "FOLDER" ? ["name", "project", "forceDestroy"] : ["name", "project", "forceDestroy", ...METADATA_FIELDS];
}

/** `check` for a Folder or an ImageCollection. */
export function checkContainerArgs(type: ContainerType, typeName: string, news: Record<string, unknown>): CheckedArgs {
    const keys = inputKeysOf(type);
    const failures: ManifestFailure[] = [
        ...unknownInputs(news, typeName, keys),
        ...projectFailures(news.project),
        ...booleanFailures(news.forceDestroy, "forceDestroy"),
    ];
    const inputs: Record<string, unknown> = { ...news };
    if (news.name === undefined) failures.push({ property: "name", reason: "name is required: give projects/<project>/assets/<path>" });
    for (const key of keys) {
        const schema = FIELD_SCHEMAS[key];
        if (!schema || !(key in news)) continue;
        const checked = checkedField(news[key], key, schema);
        inputs[key] = checked.value;
        failures.push(...checked.failures);
    }
    failures.push(...timeRangeFailures(inputs.startTime, inputs.endTime));
    return { inputs, failures };
}

/** The stored (already checked) inputs in their typed form. */
export function parseContainerInputs(raw: Record<string, unknown>): ContainerInputs {
    const inputs: ContainerInputs = { name: String(raw.name) };
    if (typeof raw.project === "string") inputs.project = raw.project;
    if (raw.forceDestroy === true) inputs.forceDestroy = true;
    return { ...inputs, ...metadataOf(raw) };
}

/** The metadata fields of stored inputs or of an asset; an empty properties map counts as none. */
export function metadataOf(source: Record<string, unknown>): ContainerMetadata {
    const metadata: ContainerMetadata = {};
    const properties = source.properties;
    if (properties && typeof properties === "object" && Object.keys(properties).length > 0) {
        metadata.properties = properties as Record<string, string | number>;
    }
    for (const field of ["startTime", "endTime", "title", "description"] as const) {
        const value = source[field];
        if (typeof value !== "string" || value === "") continue;
        // The server may write a time in another RFC 3339 form than the declaration.
        metadata[field] = field.endsWith("Time") && isRfc3339(value) ? normalizeTimestamp(value) : value;
    }
    return metadata;
}

function timeRangeFailures(startTime: unknown, endTime: unknown): ManifestFailure[] {
    if (typeof startTime !== "string" || typeof endTime !== "string" || isUnknown(startTime) || isUnknown(endTime)) return [];
    const [start, end] = [toEpochNanos(startTime), toEpochNanos(endTime)];
    if (start === undefined || end === undefined || end > start) return [];
    return [{ property: "endTime", reason: `endTime ${endTime} is not after startTime ${startTime} (the end is exclusive)` }];
}
