import { resourceProviders } from "../../provider/kinds";
import { manifestWarnings } from "../../provider/manifest/warnings";
import { MAX_FAILURES, MAX_PATH_CHARS, MAX_REASON_CHARS } from "../../provider/values/failures";
import { type Expected, type HostileCase, inputsOf, loadCorpus } from "../fixtures/hostile/corpus";
import { disagreement } from "../integration/support/differential";

const externalImageProvider = resourceProviders.ExternalImage;

// Whatever the input, what `check` hands the engine stays this small: MAX_FAILURES failures and
// one "and N more", each with a bounded path and reason, plus JSON punctuation.
const MAX_OUTPUT_BYTES = (MAX_FAILURES + 1) * (MAX_PATH_CHARS + MAX_REASON_CHARS + 40) * 3; // 3: worst-case UTF-8 bytes per character
const CORPUS = loadCorpus();

const matches = (actual: { property: string; reason?: string; message?: string }, expected: Expected) =>
    actual.property.startsWith(expected.property) && (actual.reason ?? actual.message ?? "").includes(expected.reasonIncludes);

function valueAt(value: unknown, at: (string | number)[]): unknown {
    let current = value;
    for (const segment of at)
        current =
            current !== null && typeof current === "object" && Object.hasOwn(current, segment)
                ? (current as Record<string | number, unknown>)[segment]
                : undefined;
    return current;
}

test("the corpus holds at least 60 cases, each with a distinct name", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
});

describe.each(CORPUS.map((c): [string, HostileCase] => [`${c.file}: ${c.name}`, c]))("%s", (_, c) => {
    // Filled by the first test, judged by the emulator in the second (tests of a file run in order): check runs once per case.
    let checked: { news: Record<string, unknown>; result: Awaited<ReturnType<typeof externalImageProvider.check>> } | undefined;

    test("check answers with bounded output naming the path and the fix, or keeps the value as data; warnings stay bounded", async () => {
        const news = inputsOf(c);
        const result = await externalImageProvider.check({}, news);
        checked = { news, result };
        // The program computes warnings for whatever it is given, before check runs: never a throw, never a flood.
        const warnings = manifestWarnings(news.imageManifest).map(({ path, message }) => ({ property: path, message }));
        expect(warnings.length).toBeLessThanOrEqual(MAX_FAILURES + 1);
        const failures = result.failures ?? [];
        expect(Buffer.byteLength(JSON.stringify(failures))).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
        expect(failures.length).toBeLessThanOrEqual(MAX_FAILURES + 1);
        for (const failure of failures) {
            expect(failure.property.length).toBeLessThanOrEqual(MAX_PATH_CHARS + 40);
            expect(failure.reason.length).toBeLessThanOrEqual(MAX_REASON_CHARS + 40);
            expect(failure.property).not.toBe("imageManifest"); // the engine would print the whole value
        }
        if ("failures" in c.expect) {
            for (const expected of c.expect.failures)
                expect(failures.some((f) => matches(f, expected)) ? expected : failures).toEqual(expected);
            if (c.expect.more !== undefined) {
                expect(failures[failures.length - 1].reason).toMatch(new RegExp(`^and ${c.expect.more} more problems? not listed`));
            }
        } else {
            expect(failures).toEqual([]);
            if (c.expect.at)
                expect(valueAt((result.inputs as { imageManifest: unknown }).imageManifest, c.expect.at)).toEqual(c.expect.value);
            for (const expected of c.expect.warnings ?? [])
                expect(warnings.some((w) => matches(w, expected)) ? expected : warnings).toEqual(expected);
            if (!c.expect.warnings) expect(warnings).toEqual([]);
        }
    });

    test("the emulator (Google's stand-in) agrees with check, or the difference is listed", () => {
        const { news, result } = checked ?? { news: inputsOf(c), result: undefined };
        checked = undefined; // a case's inputs reach hundreds of MB: kept for the whole file, they make every later GC slow
        expect(result).toBeDefined();
        if (result) expect(disagreement(news.imageManifest, result)).toBeUndefined();
    });
});
