import { API_VERSIONS, ASSET_TYPES, CONTRACT, DATA_TYPES, PRECISIONS, PYRAMIDING_POLICIES } from "../../api";

// The committed contract must be what the pinned official client generates: after an upgrade of
// @google/earthengine, run `node scripts/generate-api-contract.js` and review the diff.
const { buildContract } = require("../../scripts/generate-api-contract.js") as { buildContract: () => unknown };

test("api/contract.json is what the pinned @google/earthengine client and the REST type table generate", () => {
    expect(CONTRACT).toEqual(buildContract());
});

test("the contract names the pinned client version", () => {
    const pinned = require("@google/earthengine/package.json").version as string;
    expect(CONTRACT.client.version).toBe(pinned);
});

test.each([
    ["ImageManifest.PyramidingPolicy", PYRAMIDING_POLICIES],
    ["TilesetBand.PyramidingPolicy", PYRAMIDING_POLICIES],
    ["Tileset.DataType", DATA_TYPES],
    ["EarthEngineAsset.Type", ASSET_TYPES],
    ["PixelDataType.Precision", PRECISIONS],
])("the literal enum %s equals the contract's", (name, values) => {
    expect(CONTRACT.enums[name]).toEqual([...values]);
});

test("every field of every described message is exactly one of message, enum, map or a typed scalar", () => {
    for (const [message, spec] of Object.entries(CONTRACT.messages)) {
        for (const [field, f] of Object.entries(spec.fields)) {
            const kinds = [f.message, f.enum, f.map, f.scalar].filter((k) => k !== undefined);
            expect({ field: `${message}.${field}`, kinds: kinds.length }).toEqual({ field: `${message}.${field}`, kinds: 1 });
        }
        expect(spec.source).toMatch(/^https:\/\/developers\.google\.com\/earth-engine\/reference\/rest\//);
    }
    expect(API_VERSIONS).toContain("v1");
});
