/**
 * google.protobuf.Timestamp as the service reads and writes it. Range: 0001-01-01T00:00:00Z to
 * 9999-12-31T23:59:59.999999999Z inclusive (timestamp.proto, protocolbuffers/protobuf); JSON form:
 * RFC 3339 text, written back in UTC with 0, 3, 6 or 9 fractional digits
 * (https://protobuf.dev/programming-guides/json/). The object form `{seconds, nanos}` is the one the
 * image manifest guide shows for the CLI, which sends it unchanged.
 */

const NANOS_PER_SECOND = 1_000_000_000n;
const FIRST_SECOND = -62_135_596_800n; // 0001-01-01T00:00:00Z
const LAST_SECOND = 253_402_300_799n; // 9999-12-31T23:59:59Z
const TEXT = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d\d):(\d\d))$/;

/** Nanoseconds since the epoch of RFC 3339 text, or undefined when it is not a calendar time. */
export function parseRfc3339(text: string): bigint | undefined {
    const m = TEXT.exec(text);
    if (!m) return undefined;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    const realDate = year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    if (!realDate || hour > 23 || minute > 59 || second > 59) return undefined;
    const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
    const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const offset = (m[9] === "-" ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    const seconds = BigInt(date.getTime() / 1000 + hour * 3600 + minute * 60 + second - offset);
    return seconds * NANOS_PER_SECOND + BigInt((m[7] ?? "").padEnd(9, "0"));
}

/** True inside google.protobuf.Timestamp's range. */
export function inTimestampRange(nanos: bigint): boolean {
    return nanos >= FIRST_SECOND * NANOS_PER_SECOND && nanos < (LAST_SECOND + 1n) * NANOS_PER_SECOND;
}

/** The server's text for a time: UTC, `Z`, 0/3/6/9 fractional digits. */
export function formatTimestamp(nanos: bigint): string {
    let seconds = nanos / NANOS_PER_SECOND;
    let fraction = nanos % NANOS_PER_SECOND;
    if (fraction < 0n) {
        seconds -= 1n;
        fraction += NANOS_PER_SECOND;
    }
    const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
    if (fraction === 0n) return `${whole}Z`;
    let digits = fraction.toString().padStart(9, "0");
    while (digits.length > 3 && digits.endsWith("000")) digits = digits.slice(0, -3);
    return `${whole}.${digits}Z`;
}

/** A Timestamp as proto3 JSON gives it, read into the server's text; or why it is not one. */
export function readTimestamp(value: unknown): { text: string } | { problem: string } {
    if (typeof value === "string") {
        const nanos = parseRfc3339(value);
        if (nanos === undefined) return { problem: `${JSON.stringify(value)} is not an RFC 3339 timestamp such as "2026-01-01T00:00:00Z"` };
        if (!inTimestampRange(nanos))
            return { problem: `${JSON.stringify(value)} is outside the Timestamp range 0001-01-01 to 9999-12-31 (UTC)` };
        return { text: formatTimestamp(nanos) };
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return readTimestampObject(value as Record<string, unknown>);
    return { problem: `a Timestamp is RFC 3339 text or {"seconds", "nanos"}, got ${JSON.stringify(value)}` };
}

function readTimestampObject(value: Record<string, unknown>): { text: string } | { problem: string } {
    const extra = Object.keys(value).find((key) => key !== "seconds" && key !== "nanos");
    if (extra !== undefined) return { problem: `a Timestamp object has only "seconds" and "nanos", not ${JSON.stringify(extra)}` };
    const seconds = integer(value.seconds ?? 0);
    if (seconds === undefined) return { problem: `seconds must be a whole number (int64), got ${JSON.stringify(value.seconds)}` };
    const nanos = integer(value.nanos ?? 0);
    if (nanos === undefined || nanos < 0n || nanos >= NANOS_PER_SECOND) {
        return { problem: `nanos must be a whole number from 0 to 999999999, got ${JSON.stringify(value.nanos)}` };
    }
    const total = seconds * NANOS_PER_SECOND + nanos;
    if (!inTimestampRange(total))
        return { problem: `seconds ${String(value.seconds)} is outside the Timestamp range 0001-01-01 to 9999-12-31` };
    return { text: formatTimestamp(total) };
}

function integer(value: unknown): bigint | undefined {
    if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
    if (typeof value === "string" && /^-?\d{1,20}$/.test(value)) return BigInt(value);
    return undefined;
}
