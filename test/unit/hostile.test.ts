import { MAX_FAILURES, MAX_PATH_CHARS, MAX_REASON_CHARS } from "../../provider/values/failures";
import { type Expected, type HostileCase, hostileCorpus } from "../fixtures/hostile/corpus";
import { judgeCorpusInWorker, type Verdict } from "./support/hostileVerdicts";

// Whatever the input, what `check` hands the engine stays this small: MAX_FAILURES failures and
// one "and N more", each with a bounded path and reason, plus JSON punctuation.
const MAX_OUTPUT_BYTES = (MAX_FAILURES + 1) * (MAX_PATH_CHARS + MAX_REASON_CHARS + 40) * 3; // 3: worst-case UTF-8 bytes per character
// The corpus at CI sizes; with HOSTILE_CORPUS=archive (`npm run soak:hostile`) its archive-size cases too.
const CORPUS = hostileCorpus();

const matches = (actual: { property: string; reason?: string; message?: string }, expected: Expected) =>
    actual.property.startsWith(expected.property) && (actual.reason ?? actual.message ?? "").includes(expected.reasonIncludes);

// check, the warnings and the emulator run once per case, in plain Node (see judgeCorpusInWorker);
// the tests below judge what they answered.
let verdicts: Record<string, Verdict>;
beforeAll(async () => {
    verdicts = await judgeCorpusInWorker();
}, 10 * 60_000);

test("the corpus holds at least 60 cases, each with a distinct name", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
});

describe.each(CORPUS.map((c): [string, HostileCase] => [`${c.file}: ${c.name}`, c]))("%s", (key, c) => {
    test("check answers with bounded output naming the path and the fix, or keeps the value as data; warnings stay bounded", () => {
        const { failures, warnings, valueAt } = verdicts[key];
        // The program computes warnings for whatever it is given, before check runs: never a throw, never a flood.
        expect(warnings.length).toBeLessThanOrEqual(MAX_FAILURES + 1);
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
            if (c.expect.at) expect(valueAt).toEqual(c.expect.value);
            for (const expected of c.expect.warnings ?? [])
                expect(warnings.some((w) => matches(w, expected)) ? expected : warnings).toEqual(expected);
            if (!c.expect.warnings) expect(warnings).toEqual([]);
        }
    });

    test("the emulator (Google's stand-in) agrees with check, or the difference is listed", () => {
        expect(verdicts[key].disagreement).toBeUndefined();
    });
});
