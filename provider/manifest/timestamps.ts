import { isUnknown } from "../values/unknown";

// RFC 3339 as the Earth Engine API takes it: a date, "T", a time, optional fraction, and an offset.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Why `endTime` cannot end a range that starts at `startTime` (the end is exclusive, REST
 * reference, so it must be later), or undefined. Values not known yet, or not RFC 3339 text,
 * are other checks' to report. One rule for the manifest and the containers.
 */
export function timeRangeProblem(startTime: unknown, endTime: unknown): string | undefined {
    if (typeof startTime !== "string" || typeof endTime !== "string" || isUnknown(startTime) || isUnknown(endTime)) return undefined;
    const [start, end] = [toEpochNanos(startTime), toEpochNanos(endTime)];
    if (start === undefined || end === undefined || end > start) return undefined;
    return `endTime ${endTime} is not after startTime ${startTime}; endTime is exclusive, so it must be later`;
}

export function isRfc3339(value: string): boolean {
    return toEpochNanos(value) !== undefined;
}

/** Nanoseconds since the epoch, or undefined when the text is not a valid RFC 3339 timestamp. */
export function toEpochNanos(value: string): bigint | undefined {
    const m = RFC3339.exec(value);
    if (!m) return undefined;
    const [, y, mo, d, h, mi, s, frac = "", offset] = m;
    // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
    const check = new Date(0);
    check.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
    // A rolled-over date (2026-02-30 becomes March) is not a calendar date. Protobuf's Timestamp
    // takes years 0001-9999 and seconds up to 59 (no leap second).
    if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(y) < 1) return undefined;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
    let offsetMinutes = 0;
    if (offset !== "Z" && offset !== "z") {
        const [oh, om] = [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
        if (oh > 23 || om > 59) return undefined;
        offsetMinutes = (offset.startsWith("-") ? -1 : 1) * (oh * 60 + om);
    }
    const ms = check.getTime() + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000;
    const seconds = BigInt(ms / 1000 - offsetMinutes * 60);
    return seconds * 1_000_000_000n + BigInt(frac.padEnd(9, "0"));
}

/**
 * The form the server returns (proto3 JSON Timestamp): UTC with "Z" and 0, 3, 6 or 9
 * fractional digits. Comparing normalised strings avoids a perpetual diff between
 * "2016-01-01T00:00:00.000000000Z" as written and "2016-01-01T00:00:00Z" as read back.
 */
export function normalizeTimestamp(value: string): string {
    const nanos = toEpochNanos(value);
    if (nanos === undefined) throw new Error(`not an RFC 3339 timestamp: ${value}`);
    return formatEpochNanos(nanos);
}

export function formatEpochNanos(nanos: bigint): string {
    const seconds = nanos >= 0n ? nanos / 1_000_000_000n : -((-nanos + 999_999_999n) / 1_000_000_000n);
    const fraction = nanos - seconds * 1_000_000_000n;
    const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
    if (fraction === 0n) return `${base}Z`;
    const nine = fraction.toString().padStart(9, "0");
    const digits = nine.endsWith("000000") ? nine.slice(0, 3) : nine.endsWith("000") ? nine.slice(0, 6) : nine;
    return `${base}.${digits}Z`;
}

/** `{seconds, nanos}` as proto3 JSON writes a google.protobuf.Timestamp object: int64 seconds as a number or a string. */
export interface TimestampObject {
    /** Whole seconds since 1970-01-01T00:00:00Z; a number or an int64 decimal string. Default 0. */
    seconds?: number | string;
    /** Nanoseconds added to `seconds`, 0 to 999,999,999. Default 0. */
    nanos?: number | string;
}

// google.protobuf.Timestamp's documented range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
const MIN_SECONDS = -62_135_596_800n;
const MAX_SECONDS = 253_402_300_799n;
const INTEGER_TEXT = /^-?\d+$/;

export type TimestampParse = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Reads a Timestamp object (`{"seconds": 1577836800}`, `{"seconds": "1577836800", "nanos": 5}`),
 * the form the manifest guide and rgee write and the official clients pass through unchanged,
 * into the server's RFC 3339 text. Fractional or out-of-range values are refused with the fix.
 */
export function timestampObjectToRfc3339(value: object): TimestampParse {
    const extra = Object.keys(value).filter((key) => key !== "seconds" && key !== "nanos");
    if (extra.length > 0) {
        return { ok: false, reason: `a Timestamp object takes only "seconds" and "nanos", got ${extra.map((k) => `"${k}"`).join(", ")}` };
    }
    const { seconds = 0, nanos = 0 } = value as { seconds?: unknown; nanos?: unknown };
    const s = wholeNumber(seconds);
    if (s === undefined) return { ok: false, reason: secondsReason(seconds) };
    if (s < MIN_SECONDS || s > MAX_SECONDS) return { ok: false, reason: outOfRange(String(seconds), s) };
    const n = wholeNumber(nanos);
    if (n === undefined || n < 0n || n > 999_999_999n) {
        return {
            ok: false,
            reason: `nanos must be a whole number from 0 to 999999999, got ${JSON.stringify(nanos)}; carry whole seconds into "seconds"`,
        };
    }
    return { ok: true, value: formatEpochNanos(s * 1_000_000_000n + n) };
}

function wholeNumber(value: unknown): bigint | undefined {
    if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
    if (typeof value === "string" && INTEGER_TEXT.test(value)) return BigInt(value);
    return undefined;
}

/**
 * The range failure. Only a value past the upper bound is likely milliseconds (a Unix time in
 * milliseconds from 1978 on); for it the fix is given in valid form (non-negative nanos).
 */
function outOfRange(written: string, s: bigint): string {
    const millis = s / 1000n;
    const hint =
        s > MAX_SECONDS && millis <= MAX_SECONDS
            ? `; if it counts milliseconds, write {"seconds": ${millis}${s % 1000n === 0n ? "" : `, "nanos": ${(s % 1000n) * 1_000_000n}`}}`
            : "";
    return `seconds ${written} is outside the Timestamp range 0001-01-01 to 9999-12-31 (seconds since 1970-01-01T00:00:00Z)${hint}`;
}

function secondsReason(seconds: unknown): string {
    // Past 2^53 a JSON number is no longer exact; every such value is also far outside the range.
    if (typeof seconds === "number" && Number.isInteger(seconds)) return outOfRange(String(seconds), BigInt(seconds));
    if (typeof seconds === "number" && Number.isFinite(seconds) && !Number.isInteger(seconds)) {
        const whole = Math.floor(seconds);
        const nanos = Math.round((seconds - whole) * 1e9);
        return `seconds must be a whole number, got ${seconds}; write {"seconds": ${whole}, "nanos": ${nanos}} or "${formatEpochNanos(BigInt(whole) * 1_000_000_000n + BigInt(nanos))}"`;
    }
    return `seconds must be a whole number of seconds since 1970-01-01T00:00:00Z (a number or a string of digits), got ${JSON.stringify(seconds) ?? String(seconds)}`;
}

// Unix times from 1973 on count past 1e11 in milliseconds; below it, seconds until the year 5138.
const MILLIS_FROM = 1e11;

/**
 * The fix for a bare number where a Timestamp goes (`system:time_start` habits: Earth Engine's
 * clients write epoch milliseconds). The API takes only RFC 3339 text or `{"seconds": n}`, so the
 * number is read as milliseconds (from 1973 on) or seconds, and the same instant written out.
 * Undefined for anything that is not a whole number in the Timestamp range.
 */
export function numberTimestampReason(value: unknown): string | undefined {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) return undefined;
    const millis = Math.abs(value) >= MILLIS_FROM;
    const seconds = millis ? Math.floor(value / 1000) : value;
    const nanos = millis ? BigInt(value - seconds * 1000) * 1_000_000n : 0n;
    if (BigInt(seconds) < MIN_SECONDS || BigInt(seconds) > MAX_SECONDS) return undefined;
    const text = formatEpochNanos(BigInt(seconds) * 1_000_000_000n + nanos);
    const unit = millis ? "milliseconds" : "seconds";
    return `${value} looks like epoch ${unit} (${text}); the API takes an RFC 3339 timestamp: write "${text}" or {"seconds": ${seconds}${nanos === 0n ? "" : `, "nanos": ${nanos}`}}`;
}
