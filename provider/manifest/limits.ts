import { z } from "zod";
import { describe } from "./enums";

/**
 * Numeric and length limits of the API's protobuf types, each with its source. A value past a
 * documented limit is refused at `check`; it would otherwise fail at `up`, or worse, succeed and
 * leave an asset the provider cannot manage.
 */

/** proto3 int32 (GridDimensions.width/height, TilesetBand.tilesetBandIndex in the REST reference). */
export const INT32_MAX = 2 ** 31 - 1;

/** A proto3 int32 field that must be a whole number of at least `min`. */
export function int32(field: string, min: number, minMessage: string) {
    return z
        .number({ error: (iss) => `${field} must be a whole number, got ${describe(iss.input)}` })
        .int({ error: `${field} must be a whole number` })
        .min(min, { error: minMessage })
        .max(INT32_MAX, { error: `${field} is an int32 in the Earth Engine API, so at most ${INT32_MAX}` });
}

// google.protobuf.Timestamp: "Must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z
// inclusive" (timestamp.proto). The range applies in UTC, after any offset is applied.
export const TIMESTAMP_MIN_SECONDS = -62_135_596_800n; // 0001-01-01T00:00:00Z
export const TIMESTAMP_MAX_SECONDS = 253_402_300_799n; // 9999-12-31T23:59:59Z

/** True when `nanos` since the epoch falls in google.protobuf.Timestamp's range. */
export function inTimestampRange(nanos: bigint): boolean {
    return nanos >= TIMESTAMP_MIN_SECONDS * 1_000_000_000n && nanos < (TIMESTAMP_MAX_SECONDS + 1n) * 1_000_000_000n;
}
