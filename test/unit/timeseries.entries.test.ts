import * as fs from "node:fs";
import * as path from "node:path";
import { validateManifest } from "../../provider/manifest";
import { MAX_FAILURES } from "../../provider/values/failures";
import { describeProblems, mergeEntry } from "../../sdk/timeseries/entries";
import { mergePatch } from "../../sdk/timeseries/mergePatch";
import { propertyTypeWarnings } from "../../sdk/timeseries/propertyTypes";

const fixture = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/timeseries", name), "utf8"));

interface MergeCase {
    behaviour: string;
    key: string;
    defaults?: unknown;
    entry: unknown;
    manifest: Record<string, unknown>;
}
interface InvalidCase {
    behaviour: string;
    key: string;
    defaults?: unknown;
    entry: unknown;
    problems: { property: string; reason: string }[];
}
interface WarningCase {
    behaviour: string;
    collectionProperties: unknown;
    manifests: Record<string, Record<string, unknown>>;
    warnings: string[];
}

describe("an entry merged over defaults", () => {
    test.each(fixture<MergeCase[]>("merge.json"))("$behaviour", ({ key, defaults, entry, manifest }) => {
        const merged = mergeEntry(key, defaults, entry);
        expect(merged).toEqual({ ok: true, manifest });
    });

    test.each(fixture<MergeCase[]>("merge.json"))("is a valid image manifest once named: $behaviour", ({ key, defaults, entry }) => {
        const merged = mergeEntry(key, defaults, entry);
        if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
        const checked = validateManifest({ name: `projects/p/assets/c/${key}`, ...merged.manifest });
        expect(checked.ok ? [] : checked.failures).toEqual([]);
    });

    test("leaves defaults and entry untouched, so one defaults object serves every entry", () => {
        const defaults = { properties: { a: 1 }, bands: [{ id: "b", tilesetId: "0" }] };
        const entry = { uri: "gs://b/x.tif", properties: { a: null, c: 2 } };
        const before = JSON.stringify([defaults, entry]);
        mergeEntry("x", defaults, entry);
        mergeEntry("y", defaults, entry);
        expect(JSON.stringify([defaults, entry])).toBe(before);
    });
});

describe("an entry that cannot be merged", () => {
    test.each(fixture<InvalidCase[]>("invalid.json"))("$behaviour", ({ key, defaults, entry, problems }) => {
        const merged = mergeEntry(key, defaults, entry);
        if (merged.ok) throw new Error(`expected problems, got ${JSON.stringify(merged.manifest)}`);
        expect(merged.problems.map((p) => p.property)).toEqual(problems.map((p) => p.property));
        merged.problems.forEach((problem, i) => {
            expect(problem.reason).toContain(problems[i].reason);
        });
    });
});

describe("JSON Merge Patch (RFC 7386)", () => {
    // The examples of RFC 7386, appendix A.
    test.each(fixture<{ target: unknown; patch: unknown; result: unknown }[]>("rfc7386-examples.json"))(
        "merge $patch into $target",
        ({ target, patch, result }) => {
            expect(mergePatch(target, patch)).toEqual(result);
        },
    );

    test("undefined in the patch means not written, so the default stays", () => {
        expect(mergePatch({ a: 1 }, { a: undefined })).toEqual({ a: 1 });
    });

    test("a __proto__ key from parsed JSON stays data and never reaches Object.prototype", () => {
        const merged = mergePatch({}, JSON.parse('{"__proto__": {"polluted": 1}}')) as Record<string, unknown>;
        expect(Object.hasOwn(merged, "__proto__")).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
});

describe("property types across a collection", () => {
    test.each(fixture<WarningCase[]>("property-types.json"))("$behaviour", ({ collectionProperties, manifests, warnings }) => {
        expect(propertyTypeWarnings(collectionProperties, manifests)).toEqual(warnings);
    });
});

describe("the error that stops the program", () => {
    test("names the component and lists at most MAX_FAILURES (20) problems, the README's limit for check", () => {
        const problems = Array.from({ length: 51 }, (_, i) => ({ property: `images.k${i}`, reason: "why" }));
        const lines = describeProblems("ndvi", problems).split("\n");
        expect(MAX_FAILURES).toBe(20);
        expect(lines[0]).toBe('ExternalImageCollection "ndvi" cannot declare its images:');
        expect(lines.slice(1, 21)).toEqual(problems.slice(0, 20).map((p) => `  ${p.property}: why`));
        expect(lines.slice(21)).toEqual(["  ... and 31 more"]);
    });

    test("20 problems are all listed, with no 'more' line", () => {
        const problems = Array.from({ length: 20 }, (_, i) => ({ property: `images.k${i}`, reason: "why" }));
        expect(describeProblems("ndvi", problems).split("\n")).toHaveLength(21);
    });
});
