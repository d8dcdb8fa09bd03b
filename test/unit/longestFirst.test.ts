import * as fs from "node:fs";
import * as path from "node:path";

// jest.config.js's testSequencer: on a fresh clone (no cached durations) the longest suites start first.
const LongestFirst = require("../longestFirst.js");
const committed: Record<string, number> = require("../suiteSeconds.json");

const ROOT = path.join(__dirname, "..", "..");

/** A test as jest hands it to the sequencer, in a context without jest's cache (a fresh clone). */
function testAt(relative: string) {
    const project = relative.split("/")[1] === "e2e" ? "e2e" : "unit";
    const context = { config: { cache: false, id: "fresh", displayName: { name: project } }, hasteFS: { getSize: () => 1000 } };
    return { path: path.join(ROOT, relative), context };
}

test("without cached durations: the listed suites longest first, an unlisted e2e suite as a middling one, the rest last", () => {
    const tests = [
        "test/unit/fieldMask.test.ts",
        "test/e2e/soak.test.ts",
        "test/e2e/new.test.ts",
        "test/e2e/lifecycle.test.ts",
        "test/e2e/bench.test.ts",
    ];
    const order = new LongestFirst({}).sort(tests.map(testAt)).map((t: { path: string }) => path.relative(ROOT, t.path));
    expect(order).toEqual([
        "test/e2e/bench.test.ts",
        "test/e2e/lifecycle.test.ts",
        "test/e2e/new.test.ts",
        "test/e2e/soak.test.ts",
        "test/unit/fieldMask.test.ts",
    ]);
});

test("every suite in suiteSeconds.json exists (a renamed suite would lose its place)", () => {
    const listed = Object.keys(committed).filter((key) => !key.startsWith("//"));
    expect(listed.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
});
