import * as fs from "node:fs";
import * as path from "node:path";
import { checkArgs } from "../../provider/externalImage/check";
import { parsePropertyPath } from "../../provider/externalImage/ignoreChanges";

// ignoreChanges in the program's spelling: check sets ignored paths back from the stored inputs,
// whatever the engine's own reset (which looks only at the stored, camelCase spelling) left.
const written = (): Record<string, unknown> =>
    JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/ignoreChanges/snake-manifest.json"), "utf8"));

/** The stored inputs: what check returned when the stack was made (camelCase, as every version stores them). */
const stored = () => checkArgs({ imageManifest: written() }).inputs;
type Manifest = Record<string, unknown> & { bands: Record<string, unknown>[] };
const manifestOf = (news: Record<string, unknown>, olds: Record<string, unknown>) => {
    const result = checkArgs(news, olds);
    expect(result.failures).toEqual([]);
    return result.inputs.imageManifest as Manifest;
};

describe("a snake_case manifest whose ignored fields the program changed", () => {
    test("imageManifest.start_time: the engine deleted it (the stored inputs spell startTime); the stored time is kept", () => {
        const news = written();
        delete news.start_time; // the engine's reset: the stored inputs have no start_time
        const manifest = manifestOf({ imageManifest: news, ignoreChanges: ["imageManifest.start_time"] }, stored());
        expect(manifest.startTime).toBe("2024-01-01T00:00:00Z");
    });

    test("imageManifest.startTime: the engine wrote the stored startTime beside start_time; not an error, the stored time wins", () => {
        const news = { ...written(), start_time: "2025-06-01T00:00:00Z", startTime: "2024-01-01T00:00:00Z" };
        const manifest = manifestOf({ imageManifest: news, ignoreChanges: ["imageManifest.startTime"] }, stored());
        expect(manifest.startTime).toBe("2024-01-01T00:00:00Z");
    });

    test("imageManifest.bands[*].pyramiding_policy: the stored MODE is kept (no re-import as MEAN)", () => {
        const news = written() as Manifest;
        delete news.bands[0].pyramiding_policy;
        const manifest = manifestOf({ imageManifest: news, ignoreChanges: ["imageManifest.bands[*].pyramiding_policy"] }, stored());
        expect(manifest.bands[0].pyramidingPolicy).toBe("MODE");
    });

    test("imageManifest.bands[0].missing_data.values: a snake_case step in the middle of the path", () => {
        const news = written() as Manifest;
        news.bands[0].missing_data = {}; // the engine's reset emptied the snake_case object
        const manifest = manifestOf({ imageManifest: news, ignoreChanges: ['imageManifest.bands[0]["missing_data"].values'] }, stored());
        expect(manifest.bands[0].missingData).toEqual({ values: [0] });
    });

    test("imageManifest.properties.cloud_cover: property keys are data, matched as written", () => {
        const news = { ...written(), properties: { cloud_cover: 80 } };
        const manifest = manifestOf({ imageManifest: news, ignoreChanges: ["imageManifest.properties.cloud_cover"] }, stored());
        expect(manifest.properties).toEqual({ cloud_cover: 3 });
    });

    test("a field the stored inputs lack is removed, as the engine's reset does; other fields change", () => {
        const before = { ...stored(), imageManifest: { ...(stored().imageManifest as object), startTime: undefined } };
        const news = { ...written(), properties: { cloud_cover: 5 } };
        const manifest = manifestOf({ imageManifest: news, ignoreChanges: ["imageManifest.start_time"] }, before);
        expect(manifest.startTime).toBeUndefined();
        expect(manifest.properties).toEqual({ cloud_cover: 5 });
    });

    test("without ignoreChanges, or on create, the program's values are taken", () => {
        const news = { ...written(), start_time: "2025-06-01T00:00:00Z" };
        expect(manifestOf({ imageManifest: news }, stored()).startTime).toBe("2025-06-01T00:00:00Z");
        expect(manifestOf({ imageManifest: news, ignoreChanges: ["imageManifest.start_time"] }, {}).startTime).toBe("2025-06-01T00:00:00Z");
    });
});

test("a malformed ignoreChanges input is a failure naming it", () => {
    expect(checkArgs({ imageManifest: written(), ignoreChanges: "imageManifest.start_time" }).failures).toEqual([
        { property: "ignoreChanges", reason: expect.stringContaining("list of property paths") },
    ]);
});

test.each([
    ["imageManifest.start_time", ["imageManifest", "start_time"]],
    ["imageManifest.bands[*].pyramiding_policy", ["imageManifest", "bands", "*", "pyramiding_policy"]],
    ['imageManifest.properties["a.b"]', ["imageManifest", "properties", "a.b"]],
    ["imageManifest.tilesets[0].sources[1]", ["imageManifest", "tilesets", 0, "sources", 1]],
    ["imageManifest.properties.*", ["imageManifest", "properties", "*"]],
])("parsePropertyPath(%s)", (text, expected) => {
    expect(parsePropertyPath(text)).toEqual(expected);
});

test.each([".a", "a..b", "a[", "a[x]", ""])("parsePropertyPath(%j) is not a path", (text) => {
    expect(parsePropertyPath(text)).toBeUndefined();
});
