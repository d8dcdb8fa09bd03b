import * as fs from "node:fs";
import * as path from "node:path";
import { formatEpochNanos, isRfc3339, normalizeTimestamp, toEpochNanos } from "../../provider/manifest";
import { type TimestampObject, timestampObjectToRfc3339 } from "../../provider/manifest/timestamps";

describe("timestamps take the server's form: UTC, Z, and 0, 3, 6 or 9 fraction digits", () => {
    test.each([
        ["2016-01-01T00:00:00Z", "2016-01-01T00:00:00Z"],
        ["2016-01-01T00:00:00.000000000Z", "2016-01-01T00:00:00Z"],
        ["2016-01-01T00:00:00.5Z", "2016-01-01T00:00:00.500Z"],
        ["2016-01-01T00:00:00.120Z", "2016-01-01T00:00:00.120Z"],
        ["2016-01-01T00:00:00.1234Z", "2016-01-01T00:00:00.123400Z"],
        ["2016-01-01T00:00:00.123456Z", "2016-01-01T00:00:00.123456Z"],
        ["2016-01-01T00:00:00.000001Z", "2016-01-01T00:00:00.000001Z"],
        ["2016-01-01T00:00:00.1234567Z", "2016-01-01T00:00:00.123456700Z"],
        ["2016-01-01T00:00:00.123456789Z", "2016-01-01T00:00:00.123456789Z"],
        ["2016-01-01T00:00:00.000000001Z", "2016-01-01T00:00:00.000000001Z"],
    ])("%s becomes %s", (written, normalized) => {
        expect(normalizeTimestamp(written)).toBe(normalized);
    });
});

describe("offsets are converted to UTC", () => {
    test.each([
        ["2016-01-01T09:30:00+09:30", "2016-01-01T00:00:00Z"],
        ["2016-01-01T00:00:00-05:00", "2016-01-01T05:00:00Z"],
        ["2016-01-01T00:00:00+00:00", "2016-01-01T00:00:00Z"],
        ["2016-01-01T00:00:00-00:00", "2016-01-01T00:00:00Z"],
        ["2016-01-01T01:00:00.25+02:00", "2015-12-31T23:00:00.250Z"],
        ["2016-12-31T23:30:00-01:00", "2017-01-01T00:30:00Z"],
        ["2016-01-01t00:00:00z", "2016-01-01T00:00:00Z"],
    ])("%s becomes %s", (written, normalized) => {
        expect(normalizeTimestamp(written)).toBe(normalized);
    });

    test("the same instant written with different offsets normalises to the same text", () => {
        expect(normalizeTimestamp("2026-03-01T12:00:00+01:00")).toBe(normalizeTimestamp("2026-03-01T06:00:00-05:00"));
    });
});

describe("calendar validity", () => {
    test.each(["2024-02-29T12:00:00Z", "2000-02-29T00:00:00Z", "2026-12-31T23:59:59Z"])("%s is a real date", (value) => {
        expect(isRfc3339(value)).toBe(true);
    });

    test.each([
        "2023-02-29T12:00:00Z",
        "1900-02-29T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
    ])("%s is not a real date", (value) => {
        expect(isRfc3339(value)).toBe(false);
    });

    test("years before 100 are read as written, not as 19xx", () => {
        expect(normalizeTimestamp("0050-06-01T00:00:00Z")).toBe("0050-06-01T00:00:00Z");
        expect(normalizeTimestamp("0001-01-01T00:00:00Z")).toBe("0001-01-01T00:00:00Z");
    });

    test("year 0000 is outside protobuf's Timestamp range", () => {
        expect(isRfc3339("0000-01-01T00:00:00Z")).toBe(false);
    });
});

describe("text that is not an RFC 3339 timestamp", () => {
    test.each([
        ["a date alone", "2026-01-01"],
        ["a time without an offset", "2026-01-01T00:00:00"],
        ["a space instead of T", "2026-01-01 00:00:00Z"],
        ["hour 24", "2026-01-01T24:00:00Z"],
        ["minute 60", "2026-01-01T00:60:00Z"],
        ["a leap second, which protobuf's Timestamp does not take", "2016-12-31T23:59:60Z"],
        ["10 fraction digits", "2026-01-01T00:00:00.1234567890Z"],
        ["an empty fraction", "2026-01-01T00:00:00.Z"],
        ["an offset without a colon", "2026-01-01T00:00:00+0100"],
        ["an offset over 23 hours", "2026-01-01T00:00:00+24:00"],
        ["an offset minute over 59", "2026-01-01T00:00:00+01:60"],
        ["epoch seconds as text", "1451606400"],
    ])("%s (%s)", (_, value) => {
        expect(isRfc3339(value)).toBe(false);
        expect(toEpochNanos(value)).toBeUndefined();
    });

    test("normalizeTimestamp refuses it rather than guessing", () => {
        expect(() => normalizeTimestamp("2026-01-01")).toThrow("not an RFC 3339 timestamp: 2026-01-01");
    });
});

describe("instants before 1970", () => {
    test.each([
        ["1969-12-31T23:59:59.5Z", -500_000_000n],
        ["1960-01-01T00:00:00Z", -315_619_200_000_000_000n],
        ["1970-01-01T00:00:00Z", 0n],
    ])("%s is %p ns from the epoch", (value, nanos) => {
        expect(toEpochNanos(value)).toBe(nanos);
    });

    test.each([
        [-1n, "1969-12-31T23:59:59.999999999Z"],
        [-500_000_000n, "1969-12-31T23:59:59.500Z"],
        [-1_000_000_000n, "1969-12-31T23:59:59Z"],
    ])("%p ns formats as %s", (nanos, text) => {
        expect(formatEpochNanos(nanos)).toBe(text);
    });

    test("a negative instant survives normalisation", () => {
        expect(normalizeTimestamp("1969-07-20T20:17:40.25-04:00")).toBe("1969-07-21T00:17:40.250Z");
    });
});

describe("Timestamp objects {seconds, nanos}, as the manifest guide and rgee write them", () => {
    const table = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/manifests/timestamp-objects.json"), "utf8")) as {
        accepted: [TimestampObject, string][];
        refused: [TimestampObject, string][];
        noMillisecondsHint: TimestampObject[];
    };

    test.each(table.accepted)("%j becomes %s", (value, text) => {
        expect(timestampObjectToRfc3339(value)).toEqual({ ok: true, value: text });
    });

    test.each(table.refused)("%j is refused: %s", (value, reason) => {
        expect(timestampObjectToRfc3339(value)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
    });

    // Only a value past the upper bound is plausibly milliseconds; a hint elsewhere would suggest an invalid fix.
    test.each(table.noMillisecondsHint)("%j gets no milliseconds hint", (value) => {
        const result = timestampObjectToRfc3339(value);
        expect(result.ok).toBe(false);
        expect(result.ok ? "" : result.reason).not.toContain("milliseconds");
    });
});
