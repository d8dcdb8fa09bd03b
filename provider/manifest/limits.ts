import { z } from "zod";
import { describe } from "./enums";

/**
 * Numeric and length limits of the API's protobuf types, each with its source. A value past a
 * documented limit is refused at `check`; it would otherwise fail at `up`, or worse, succeed and
 * leave an asset the provider cannot manage.
 */

/**
 * The longest asset name (in bytes; names hold only ASCII) that the provider accepts. Earth
 * Engine does not publish a limit, but every call after the import (get, patch, delete) carries
 * the name in the URL path, and 8,190 bytes is the smallest request-line limit of common HTTP
 * front ends (Apache's LimitRequestLine default; nginx's large_client_header_buffers is 8 KB).
 * With `DELETE /v1alpha/` and ` HTTP/1.1` around it, a name of at most 8,000 bytes fits; a longer
 * one could be imported (the import carries it in the body) and then never read or deleted.
 * This is the provider's own limit: the emulator, like Earth Engine, takes longer names.
 */
export const MAX_ASSET_NAME_BYTES = 8000;

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

/** Why a name is too long for the provider to manage, or undefined. */
export function assetNameLengthProblem(name: string): string | undefined {
    const bytes = Buffer.byteLength(name, "utf8");
    return bytes > MAX_ASSET_NAME_BYTES
        ? `the asset name is ${bytes} bytes; this provider accepts at most ${MAX_ASSET_NAME_BYTES} (its own limit: Earth Engine documents none, but every later read and delete carries the name in the URL, and longer request lines are refused by common HTTP front ends); shorten the folder or image names`
        : undefined;
}

// google.protobuf.Timestamp: "Must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z
// inclusive" (timestamp.proto). The range applies in UTC, after any offset is applied.
export const TIMESTAMP_MIN_SECONDS = -62_135_596_800n; // 0001-01-01T00:00:00Z
export const TIMESTAMP_MAX_SECONDS = 253_402_300_799n; // 9999-12-31T23:59:59Z

/** True when `nanos` since the epoch falls in google.protobuf.Timestamp's range. */
export function inTimestampRange(nanos: bigint): boolean {
    return nanos >= TIMESTAMP_MIN_SECONDS * 1_000_000_000n && nanos < (TIMESTAMP_MAX_SECONDS + 1n) * 1_000_000_000n;
}
