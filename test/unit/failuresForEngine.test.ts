import { failuresForEngine } from "../../provider/values/failures";

// The engine prints `property P value V has a problem: R` with V = inputs[P] (a top-level lookup of
// P): a nested path printed `value {<nil>}` before the reason (the demo's preflight refusal did).
const inputs = {
    name: "projects/p/assets/dem",
    imageManifest: { tilesets: [{ sources: [{ uris: ["gs://b/dem.tif"] }] }] },
    long: "x".repeat(500),
};

test("a nested path goes in the reason, with no property, so the engine writes no {<nil>} value", () => {
    const reason = '"gs://b/dem.tif" is not a Cloud-Optimized GeoTIFF: it is stored in strips; convert it with gdal_translate -of COG';
    expect(failuresForEngine([{ property: "imageManifest.tilesets[0].sources[0].uris[0]", reason }], inputs)).toEqual([
        { property: "", reason: `imageManifest.tilesets[0].sources[0].uris[0]: ${reason}` },
    ]);
});

test("a top-level input holding a short scalar keeps its property: the engine shows its value", () => {
    const failure = { property: "name", reason: "not an asset name" };
    expect(failuresForEngine([failure], inputs)).toEqual([failure]);
});

test("an object input, a long string or an absent input would print all of it or {<nil>}: the path goes in the reason", () => {
    expect(failuresForEngine([{ property: "imageManifest", reason: "needs tilesets" }], inputs)).toEqual([
        { property: "", reason: "imageManifest: needs tilesets" },
    ]);
    expect(failuresForEngine([{ property: "long", reason: "too long" }], inputs)[0].property).toBe("");
    expect(failuresForEngine([{ property: "parent", reason: "parent: is required" }], inputs)).toEqual([
        { property: "", reason: "parent: is required" },
    ]);
});
