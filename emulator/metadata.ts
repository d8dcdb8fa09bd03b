import { z } from "zod";
import { ImageManifestSchema, toEpochNanos } from "../provider/manifest";
import { invalidArgument } from "./errors";

/**
 * The asset fields that `assets.create` sets and `assets.patch` changes. Properties and
 * timestamps follow the manifest schema's own rules (letters, digits and '_' in keys; string or
 * number values; RFC 3339 times, normalised), so a value accepted in a manifest is accepted here.
 */
export const AssetMetadataSchema = z.object({
    properties: ImageManifestSchema.shape.properties,
    startTime: ImageManifestSchema.shape.startTime,
    endTime: ImageManifestSchema.shape.endTime,
    title: z.string({ error: "title must be a string" }).optional(),
    description: z.string({ error: "description must be a string" }).optional(),
});

/** Validated metadata, timestamps normalised. */
export type AssetMetadata = z.output<typeof AssetMetadataSchema>;

/** Refuses a time range whose exclusive end is not after its start. */
export function checkTimeRange(startTime: string | undefined, endTime: string | undefined, field: string): void {
    if (!startTime || !endTime) return;
    const [start, end] = [toEpochNanos(startTime), toEpochNanos(endTime)];
    if (start !== undefined && end !== undefined && end <= start) {
        throw invalidArgument(
            `Invalid argument at '${field}': end_time ${endTime} is not after start_time ${startTime} (the end is exclusive)`,
        );
    }
}
