import * as fs from "node:fs";
import * as path from "node:path";

// jest.config.js's testSequencer: on a fresh clone (no cached durations) the longest suites start first.
const LongestFirst = require("../longestFirst.js");
const committed: Record<string, number> = require("../suiteSeconds.json");

const ROOT = path.join(__dirname, "..", "..");

/** A test as jest hands it to the sequencer, in a context without jest's cache (a fresh clone). */
function testAt(relative: string, bytes: number) {
    const context = { config: { cache: false, id: "fresh" }, hasteFS: { getSize: () => bytes } };
    return { path: path.join(ROOT, relative), context };
}

test("without cached durations, the suites listed in suiteSeconds.json run longest first, after unlisted ones by size", () => {
    const tests = [
        testAt("test/unit/fieldMask.test.ts", 3000),
        testAt("test/e2e/bench.test.ts", 2000),
        testAt("test/unit/new.test.ts", 9000),
        testAt("test/e2e/lifecycle.test.ts", 12000),
        testAt("test/e2e/readback.test.ts", 2500),
    ];
    const order = new LongestFirst({}).sort(tests).map((t: { path: string }) => path.relative(ROOT, t.path));
    expect(order).toEqual([
        "test/unit/new.test.ts",
        "test/unit/fieldMask.test.ts",
        "test/e2e/bench.test.ts",
        "test/e2e/lifecycle.test.ts",
        "test/e2e/readback.test.ts",
    ]);
});

test("every suite in suiteSeconds.json exists (a renamed suite would lose its place)", () => {
    const listed = Object.keys(committed).filter((key) => !key.startsWith("//"));
    expect(listed.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
});
