import * as fs from "node:fs";
import * as path from "node:path";
import type { EarthEngineAsset } from "../../provider/earthengine/types";
import { manifestFromAsset } from "../../provider/externalImage/readback";
import { differingFields, validateManifest } from "../../provider/manifest";

/**
 * The service answers every band with a full grid and data type, and fills a tileset's CRS, data
 * type and transform from the file; the emulator answers with placeholders where the manifest
 * is silent. The read-back keeps only what the declaration states, so none of it is drift.
 */
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/conformance", file), "utf8")) as unknown;

function declared() {
    const result = validateManifest(read("scene.json"));
    if (!result.ok) throw new Error("the scene fixture is invalid");
    return result.manifest;
}

test("server-filled grids, data types and tileset metadata the manifest leaves out read back as no difference", () => {
    const manifest = declared();
    const asset = read("scene-as-served.json") as EarthEngineAsset;
    expect(differingFields(manifest, manifestFromAsset(asset, manifest))).toEqual([]);
});

test("a declared grid field that the asset contradicts is a difference", () => {
    const manifest = declared();
    const asset = read("scene-as-served.json") as EarthEngineAsset;
    const [first, ...rest] = asset.tilesets ?? [];
    asset.tilesets = [{ ...first, crs: "EPSG:32634" }, ...rest];
    expect(differingFields(manifest, manifestFromAsset(asset, manifest))).toEqual(["tilesets"]);
});
