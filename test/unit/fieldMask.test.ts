import { parseUpdateMask } from "../../emulator/patchMask";
import { propertyMaskPath } from "../../provider/earthengine/fieldMask";

// The provider writes property mask paths as the official clients do (javascript/src/data.js
// setAssetProperties: `properties."${k}"`), and the emulator reads back the same key.
describe("property update-mask paths", () => {
    test.each([
        ["cloud", 'properties."cloud"'],
        ["cloud_cover_2", 'properties."cloud_cover_2"'],
        ['a"b', 'properties."a\\"b"'],
        ["a\\b", 'properties."a\\\\b"'],
    ])("%s is written %s", (key, path) => {
        expect(propertyMaskPath(key)).toBe(path);
    });

    test.each(["cloud", "cloud_cover_2", "_x", "A1"])("%s reads back as the same key from the quoted and the bare form", (key) => {
        expect(parseUpdateMask(`${propertyMaskPath(key)},properties.${key}`, "v1")).toEqual([
            { field: "property", key },
            { field: "property", key },
        ]);
    });
});
