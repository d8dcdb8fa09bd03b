import { resourceProviders } from "../../provider/kinds";
import { closestName } from "../../provider/values/suggest";

const externalImageProvider = resourceProviders.ExternalImage;

describe("closestName: the field a typo most likely meant, by edit distance", () => {
    test.each([
        ["tileset", ["name", "tilesets", "bands"], "tilesets"],
        ["start_tme", ["startTime", "endTime"], "startTime"],
        ["pyramidingpolicy", ["pyramidingPolicy", "missingData"], "pyramidingPolicy"],
        ["bnds", ["bands", "maskBands"], "bands"],
    ])("%s -> %s", (written, known, meant) => {
        expect(closestName(written, known)).toBe(meant);
    });

    test("nothing close gives no guess", () => {
        expect(closestName("generation", ["uris", "affineTransform", "dimensions"])).toBeUndefined();
    });

    test("two names equally close give no guess", () => {
        expect(closestName("ab", ["aa", "bb"])).toBeUndefined();
    });
});

describe("a mistyped top-level input is one failure", () => {
    test("imageManifests: did you mean imageManifest, and no 'imageManifest is required'", async () => {
        const result = await externalImageProvider.check({}, { imageManifests: { name: "projects/p/assets/a" } });
        expect(result.failures).toEqual([
            {
                property: "imageManifests",
                reason: expect.stringContaining('unknown input "imageManifests"; did you mean "imageManifest"?'),
            },
        ]);
    });
});
