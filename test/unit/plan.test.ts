import { planUpdate } from "../../provider/externalImage/plan";
import { validateManifest } from "../../provider/manifest";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const base = {
    name: "projects/my-project/assets/dem",
    uriPrefix: "gs://bucket/dem/",
    tilesets: [{ id: "0", sources: [{ uris: ["dem.tif"] }] }],
    bands: [{ id: "elevation", tilesetId: "0" }],
    properties: { source: "survey", version: 1 },
    startTime: "2026-01-01T00:00:00Z",
};
const normalized = (manifest: Record<string, unknown>) => {
    const result = validateManifest(manifest);
    if (!result.ok) throw new Error(JSON.stringify(result.failures));
    return result.manifest;
};
// olds are stored outputs: the checked inputs plus assetName/updateTime and __provider.
const olds = (extra: Record<string, unknown> = {}) => ({
    imageManifest: normalized(base),
    assetName: base.name,
    updateTime: "2026-02-01T00:00:00Z",
    __provider: "exports.handler = ...",
    ...extra,
});
const news = (manifest: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    imageManifest: manifest,
    __provider: "changed",
    ...extra,
});

describe("planUpdate: which change causes what", () => {
    test("no change (only __provider differs) plans nothing", () => {
        expect(planUpdate(olds(), news(normalized(base)))).toEqual({ kind: "none" });
    });

    test("an equivalent manifest (uriPrefix folded into the URI) plans nothing", () => {
        const { uriPrefix: _, ...rest } = base;
        const folded = normalized({ ...rest, tilesets: [{ id: "0", sources: [{ uris: ["gs://bucket/dem/dem.tif"] }] }] });
        expect(planUpdate(olds(), news(folded))).toEqual({ kind: "none" });
    });

    test("a legacy users/ name equal to the stored projects/earthengine-legacy name plans nothing", () => {
        const stored = normalized({ ...base, name: "users/alice/dem" });
        expect(planUpdate({ imageManifest: stored }, news({ ...stored, name: "users/alice/dem" }))).toEqual({ kind: "none" });
    });

    test("a consumer project change alone is local: no Earth Engine call", () => {
        expect(planUpdate(olds({ project: "quota-a" }), news(normalized(base), { project: "quota-b" }))).toEqual({
            kind: "local",
            changed: ["project"],
        });
    });

    test("an adopt change alone is local", () => {
        expect(planUpdate(olds(), news(normalized(base), { adopt: true }))).toEqual({ kind: "local", changed: ["adopt"] });
    });

    test("a changed property patches exactly that key", () => {
        const plan = planUpdate(olds(), news(normalized({ ...base, properties: { source: "lidar", version: 1 } })));
        expect(plan).toEqual({
            kind: "patch",
            changed: ["imageManifest.properties"],
            updateMask: ['properties."source"'],
            asset: { properties: { source: "lidar" } },
        });
    });

    test("an added and a removed property are both in the mask; the removed one is absent from the body", () => {
        const plan = planUpdate(olds(), news(normalized({ ...base, properties: { source: "survey", license: "cc0" } })));
        expect(plan).toMatchObject({
            kind: "patch",
            updateMask: ['properties."license"', 'properties."version"'],
            asset: { properties: { license: "cc0" } },
        });
    });

    test("removing all properties masks every old key", () => {
        const { properties: _, ...rest } = base;
        expect(planUpdate(olds(), news(normalized(rest)))).toMatchObject({
            kind: "patch",
            updateMask: ['properties."source"', 'properties."version"'],
            asset: {},
        });
    });

    test("a start time change patches start_time", () => {
        const plan = planUpdate(olds(), news(normalized({ ...base, startTime: "2026-06-01T00:00:00Z" })));
        expect(plan).toMatchObject({ kind: "patch", updateMask: ["start_time"], asset: { startTime: "2026-06-01T00:00:00Z" } });
    });

    test("an added end time patches end_time; removing it clears it", () => {
        const withEnd = normalized({ ...base, endTime: "2027-01-01T00:00:00Z" });
        expect(planUpdate(olds(), news(withEnd))).toMatchObject({
            kind: "patch",
            updateMask: ["end_time"],
            asset: { endTime: "2027-01-01T00:00:00Z" },
        });
        expect(planUpdate({ imageManifest: withEnd }, news(normalized(base)))).toMatchObject({
            kind: "patch",
            updateMask: ["end_time"],
            asset: {},
        });
    });

    test("the same instant written with another offset plans nothing", () => {
        expect(planUpdate(olds(), news(normalized({ ...base, startTime: "2026-01-01T01:00:00+01:00" })))).toEqual({ kind: "none" });
    });

    test("metadata and project changing together patch, and name the project too", () => {
        const plan = planUpdate(olds(), news(normalized({ ...base, properties: { source: "x", version: 1 } }), { project: "quota" }));
        expect(plan).toMatchObject({ kind: "patch", changed: ["imageManifest.properties", "project"] });
    });

    test.each([
        ["a tileset URI", { tilesets: [{ id: "0", sources: [{ uris: ["dem-v2.tif"] }] }] }],
        ["the uriPrefix", { uriPrefix: "gs://bucket/other/" }],
        ["a band", { bands: [{ id: "height", tilesetId: "0" }] }],
        ["the pyramiding policy", { pyramidingPolicy: "SAMPLE" }],
        ["missing data", { missingData: { values: [-9999] } }],
        ["mask bands", { tilesets: [...base.tilesets, { id: "m", sources: [{ uris: ["m.tif"] }] }], maskBands: [{ tilesetId: "m" }] }],
        ["the memo", { memo: "re-run" }],
    ])("a change of %s re-imports with overwrite", (_, change) => {
        expect(planUpdate(olds(), news(normalized({ ...base, ...change })))).toMatchObject({ kind: "reimport" });
    });

    test("a pixel change together with a property change re-imports (one call carries both)", () => {
        const plan = planUpdate(olds(), news(normalized({ ...base, properties: { source: "x" }, bands: [{ id: "h", tilesetId: "0" }] })));
        expect(plan).toEqual({ kind: "reimport", changed: ["imageManifest.bands", "imageManifest.properties"] });
    });

    test("an asset name change moves, then does what the other changes take", () => {
        const renamed = planUpdate(olds(), news(normalized({ ...base, name: "projects/my-project/assets/dem2" })));
        expect(renamed).toMatchObject({ kind: "move", to: "projects/my-project/assets/dem2", afterMove: { kind: "none" } });
        const renamedAndPatched = planUpdate(
            olds(),
            news(normalized({ ...base, name: "projects/my-project/assets/dem2", properties: { source: "x" } })),
        );
        expect(renamedAndPatched).toMatchObject({ kind: "move", afterMove: { kind: "patch" } });
        expect((renamedAndPatched as { changed: string[] }).changed).toEqual(["imageManifest.name", "imageManifest.properties"]);
    });

    test("an unknown asset name (preview) is an update whose calls up decides", () => {
        expect(planUpdate(olds(), news({ ...base, name: UNKNOWN }))).toMatchObject({ kind: "unknownName" });
    });

    test("an unknown property value (preview) plans a patch", () => {
        expect(planUpdate(olds(), news({ ...normalized(base), properties: { source: UNKNOWN, version: 1 } }))).toMatchObject({
            kind: "patch",
        });
    });

    test("an unknown tileset list (preview) plans a re-import", () => {
        expect(planUpdate(olds(), news({ ...normalized(base), tilesets: UNKNOWN }))).toMatchObject({ kind: "reimport" });
    });

    test("state without a stored manifest re-imports rather than guessing", () => {
        expect(planUpdate({}, news(normalized(base)))).toMatchObject({ kind: "reimport" });
    });
});
