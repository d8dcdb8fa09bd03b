// RFC 3339 as the Earth Engine API takes it: a date, "T", a time, optional fraction, and an offset.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

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

/** A ready-to-paste RFC 3339 form of a `{seconds, nanos}` object, for error hints. */
export function secondsObjectToRfc3339(value: unknown): string | undefined {
    if (value === null || typeof value !== "object") return undefined;
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    const s = typeof seconds === "string" ? Number(seconds) : seconds;
    if (typeof s !== "number" || !Number.isInteger(s)) return undefined;
    const n = typeof nanos === "number" && Number.isInteger(nanos) ? nanos : 0;
    return formatEpochNanos(BigInt(s) * 1_000_000_000n + BigInt(n));
}
