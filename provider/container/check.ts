import { isRfc3339, normalizeTimestamp } from "../manifest";
import { timeRangeProblem } from "../manifest/timestamps";
import { type CheckedArgs, checkInputs, type KindContract } from "../resource";
import { normalizeAssetName } from "../values/assetName";
import { isObject } from "../values/compare";
import type { CheckFailure } from "../values/failures";
import { isUnknown } from "../values/unknown";

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

/**
 * `check` for a Folder or an ImageCollection: the contract's fields, the time range, and a rename
 * of a container whose stored inputs (`olds`) say `forceDestroy` (see renameWithForceDestroy).
 */
export function checkContainerArgs(contract: KindContract, news: Record<string, unknown>, olds: Record<string, unknown> = {}): CheckedArgs {
    const { inputs, failures } = checkInputs(contract, news);
    failures.push(...timeRangeFailures(inputs.startTime, inputs.endTime));
    failures.push(...renameWithForceDestroy(olds, inputs));
    return { inputs, failures };
}

/**
 * A rename replaces the container: the new one is created, the declared images move, and the old
 * one is deleted last with its stored inputs. If the up stops in between (a move refused, a
 * quota), Pulumi keeps the old container as a pending delete and the next up deletes it first,
 * before any diff, so nothing tells that delete it belongs to a rename: a stored `forceDestroy`
 * would then delete every image still inside, declared ones not yet moved included. Such a
 * rename is refused before any request, naming the two-step way round.
 */
function renameWithForceDestroy(olds: Record<string, unknown>, inputs: Record<string, unknown>): CheckFailure[] {
    if (olds.forceDestroy !== true || typeof olds.name !== "string" || typeof inputs.name !== "string" || isUnknown(inputs.name)) return [];
    if (normalizeAssetName(olds.name) === normalizeAssetName(inputs.name)) return [];
    return [
        {
            property: "name",
            reason:
                `renaming ${olds.name} while its stored forceDestroy is true could delete images: if this up stopped before the old container's delete, the next up would delete it first, with forceDestroy, taking every image still inside. ` +
                "Keep the old name with forceDestroy: false and run pulumi up (a state-only change), then rename; set forceDestroy again afterwards if you want it.",
        },
    ];
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
    if (isObject(properties) && Object.keys(properties).length > 0) {
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

function timeRangeFailures(startTime: unknown, endTime: unknown): CheckFailure[] {
    const problem = timeRangeProblem(startTime, endTime);
    return problem ? [{ property: "endTime", reason: problem }] : [];
}
