import { isRfc3339, isUnknown, type ManifestFailure, normalizeTimestamp, toEpochNanos } from "../manifest";
import { type CheckedArgs, checkInputs, type KindContract } from "../resource";

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

export const METADATA_FIELDS = ["properties", "startTime", "endTime", "title", "description"] as const;

/** `check` for a Folder or an ImageCollection: the contract's fields, then the time range. */
export function checkContainerArgs(contract: KindContract, news: Record<string, unknown>): CheckedArgs {
    const { inputs, failures } = checkInputs(contract, news);
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
