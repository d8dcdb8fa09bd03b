import * as fs from "node:fs";
import * as path from "node:path";
import { PROPERTY_KEY, propertyKeyReason } from "../../provider/manifest/identifiers";
import { assetIdSegmentProblem } from "../../provider/values/assetName";
import { assertUniqueKeys, imageKeyFrom, KeyCollisionError, propertyKeyFrom } from "../../sdk/sources/keys";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/sources/keys.json"), "utf8")) as {
    imageKeys: [string, string][];
    propertyKeys: [string, string][];
};

describe("imageKeyFrom", () => {
    test.each(fixture.imageKeys)("%j becomes %j, one asset-id segment", (original, key) => {
        expect(imageKeyFrom(original)).toBe(key);
        expect(assetIdSegmentProblem(key)).toBeUndefined();
    });

    test("an empty name is refused, not turned into an empty key", () => {
        expect(() => imageKeyFrom("")).toThrow(RangeError);
    });
});

describe("propertyKeyFrom", () => {
    test.each(fixture.propertyKeys)("%j becomes %j, a valid property key", (original, key) => {
        expect(propertyKeyFrom(original)).toBe(key);
        expect(PROPERTY_KEY.test(key)).toBe(true);
    });

    test("an empty name is refused", () => {
        expect(() => propertyKeyFrom("")).toThrow(RangeError);
    });
});

describe("check's suggestion for a refused key follows the same mapping", () => {
    const refused = fixture.imageKeys.filter(([original, key]) => original !== key && !original.includes("/"));

    test.each(refused)("image key %j: write for example %j", (original, key) => {
        expect(assetIdSegmentProblem(original)).toContain(`write for example "${key}"`);
    });

    test("an accented key gets its ASCII letter back, not one '_' per accent", () => {
        expect(assetIdSegmentProblem("é_x")).toContain('write for example "e_x"');
        expect(propertyKeyReason("précipitation:mm")).toContain('e.g. "precipitation_mm"');
    });
});

describe("assertUniqueKeys", () => {
    test("distinct keys pass", () => {
        expect(() =>
            assertUniqueKeys(
                [
                    ["a.tif", "a"],
                    ["b.tif", "b"],
                ],
                "objects",
                "rename one",
            ),
        ).not.toThrow();
    });

    test("two originals mapping to one key name both originals, the key and the fix", () => {
        const pairs: [string, string][] = [
            ["x", "x"],
            ["scene.v1", imageKeyFrom("scene.v1")],
            ["scene v1", imageKeyFrom("scene v1")],
        ];
        let error: unknown;
        try {
            assertUniqueKeys(pairs, "STAC items", "give a key function");
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(KeyCollisionError);
        const collision = error as KeyCollisionError;
        expect(collision.key).toBe("scene_v1");
        expect(collision.originals).toEqual(["scene.v1", "scene v1"]);
        expect(collision.message).toBe(
            `STAC items: "scene.v1" and "scene v1" both map to the key "scene_v1" (every character Earth Engine refuses becomes '_'); give a key function`,
        );
    });

    test("one original given twice is reported as a duplicate", () => {
        expect(() =>
            assertUniqueKeys(
                [
                    ["item-1", "item-1"],
                    ["item-1", "item-1"],
                ],
                "STAC items",
                "drop one",
            ),
        ).toThrow(`STAC items: "item-1" appears twice (key "item-1"); drop one`);
    });
});
