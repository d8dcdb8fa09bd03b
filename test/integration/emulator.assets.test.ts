import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { toEpochNanos } from "../../provider/manifest";
import { call, createContainer, fixture, importImage } from "../fixtures/emulator/api";

// assets.create, listAssets, assets.patch and assets.delete against the emulator on loopback.
let emulator: RunningEmulator;
const DEM = "projects/test-project/assets/dem";
const nanos = (time: string | undefined) => toEpochNanos(time ?? "") ?? -1n;
const list = (parent: string, query = "") => call(emulator.url, "GET", `/v1alpha/${parent}:listAssets${query}`);
const patch = (body: unknown, version = "v1alpha", query = "") => call(emulator.url, "PATCH", `/${version}/${DEM}${query}`, body);
const remove = (name: string) => call(emulator.url, "DELETE", `/v1alpha/${name}`);
const importDem = async (properties: Record<string, unknown> = { source: "survey-2026", version: 1 }) => {
    expect((await importImage(emulator.url, { ...fixture("dem.json"), properties, endTime: "2027-01-01T00:00:00Z" })).status).toBe(200);
};

beforeEach(async () => {
    emulator = await startEmulator();
});
afterEach(() => emulator.close());

describe("assets.create", () => {
    test("creates a folder and returns it", async () => {
        const { status, body } = await createContainer(emulator.url, "projects/test-project/assets/folder");
        expect(status).toBe(200);
        expect(body).toMatchObject({ type: "FOLDER", name: "projects/test-project/assets/folder", id: "folder" });
        expect(typeof body.updateTime).toBe("string");
    });

    test("creates an image collection with properties and a normalised time range", async () => {
        const { status, body } = await createContainer(emulator.url, "projects/test-project/assets/collection", {
            ...fixture("collection.json"),
            startTime: "2026-01-01T01:00:00+01:00",
        });
        expect(status).toBe(200);
        expect(body).toMatchObject({
            type: "IMAGE_COLLECTION",
            properties: { sensor: "lidar", revision: 3 },
            startTime: "2026-01-01T00:00:00Z",
            endTime: "2027-01-01T00:00:00Z",
        });
    });

    test("refuses an IMAGE and says to use importExternal", async () => {
        const { status, body } = await createContainer(emulator.url, "projects/test-project/assets/image", { type: "IMAGE" });
        expect(status).toBe(400);
        expect(body.error).toMatchObject({ status: "INVALID_ARGUMENT", message: expect.stringContaining("image:importExternal") });
    });

    test("refuses a folder with properties or a time range", async () => {
        const { status, body } = await createContainer(emulator.url, "projects/test-project/assets/folder", {
            type: "FOLDER",
            properties: { a: 1 },
        });
        expect(status).toBe(400);
        expect(body.error?.message).toMatch(/FOLDER has no properties/);
    });

    test("refuses an existing asset with 409 'Cannot overwrite asset', unless overwrite=true and it has no children", async () => {
        await createContainer(emulator.url, "projects/test-project/assets/folder");
        const again = await createContainer(emulator.url, "projects/test-project/assets/folder");
        expect(again).toMatchObject({
            status: 409,
            body: { error: { message: "Cannot overwrite asset 'projects/test-project/assets/folder'." } },
        });
        const replaced = await createContainer(emulator.url, "projects/test-project/assets/folder", fixture("collection.json"), true);
        expect(replaced).toMatchObject({ status: 200, body: { type: "IMAGE_COLLECTION" } });
    });

    test("needs an existing parent (404 naming it)", async () => {
        const { status, body } = await createContainer(emulator.url, "projects/test-project/assets/missing/folder");
        expect(status).toBe(404);
        expect(body.error?.message).toBe("Asset 'projects/test-project/assets/missing' does not exist or doesn't allow this operation.");
    });

    test("does not put a folder inside an image collection", async () => {
        await createContainer(emulator.url, "projects/test-project/assets/collection", fixture("collection.json"));
        const { status, body } = await createContainer(emulator.url, "projects/test-project/assets/collection/folder");
        expect(status).toBe(400);
        expect(body.error?.status).toBe("FAILED_PRECONDITION");
    });
});

describe("listAssets", () => {
    test("lists the immediate children of a project root, sorted by name", async () => {
        for (const name of ["b", "a", "a/inner", "c"]) await createContainer(emulator.url, `projects/test-project/assets/${name}`);
        await createContainer(emulator.url, "projects/other-project/assets/z");
        const { status, body } = await list("projects/test-project");
        expect(status).toBe(200);
        expect(body.assets?.map((a) => a.id)).toEqual(["a", "b", "c"]);
        expect(body).not.toHaveProperty("nextPageToken");
    });

    test("lists the children of a folder", async () => {
        await createContainer(emulator.url, "projects/test-project/assets/folder");
        await importImage(emulator.url, { ...fixture("dem.json"), name: "projects/test-project/assets/folder/dem" });
        const { body } = await list("projects/test-project/assets/folder");
        expect(body.assets).toEqual([expect.objectContaining({ type: "IMAGE", name: "projects/test-project/assets/folder/dem" })]);
    });

    test("pages with pageSize and an opaque pageToken until no nextPageToken is left", async () => {
        for (const name of ["e", "d", "c", "b", "a"]) await createContainer(emulator.url, `projects/test-project/assets/${name}`);
        const seen: string[][] = [];
        let token: string | undefined;
        do {
            const { body } = await list("projects/test-project", `?pageSize=2${token ? `&pageToken=${encodeURIComponent(token)}` : ""}`);
            seen.push(body.assets?.map((a) => a.id ?? "") ?? []);
            token = body.nextPageToken;
        } while (token);
        expect(seen).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    });

    test("returns only type, name and id in the BASIC view (EarthEngineAssetView), no updateTime", async () => {
        await createContainer(emulator.url, "projects/test-project/assets/collection", fixture("collection.json"));
        const { body } = await list("projects/test-project", "?view=BASIC");
        expect(Object.keys(body.assets?.[0] ?? {}).sort()).toEqual(["id", "name", "type"]);
    });

    test("lowers pageSize to 1000, or to 10000 in the BASIC view", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-list-"));
        try {
            const statePath = path.join(dir, "state.json");
            const folders = Array.from({ length: 1001 }, (_, i) => ({
                type: "FOLDER",
                name: `projects/big/assets/f${String(i).padStart(4, "0")}`,
            }));
            fs.writeFileSync(statePath, JSON.stringify({ version: 1, assets: folders }));
            const big = await startEmulator({ statePath });
            try {
                const full = await call(big.url, "GET", "/v1alpha/projects/big:listAssets?pageSize=5000");
                const basic = await call(big.url, "GET", "/v1alpha/projects/big:listAssets?pageSize=5000&view=BASIC");
                expect([full.body.assets?.length, typeof full.body.nextPageToken]).toEqual([1000, "string"]);
                expect([basic.body.assets?.length, basic.body.nextPageToken]).toEqual([1001, undefined]);
            } finally {
                await big.close();
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    test("refuses a page token it did not give for this listing", async () => {
        const { status, body } = await list("projects/test-project", "?pageToken=not-a-token");
        expect(status).toBe(400);
        expect(body.error?.message).toMatch(/Invalid page token/);
    });

    test("of a missing parent is 404, of an image 400", async () => {
        await importDem();
        expect((await list("projects/test-project/assets/missing")).status).toBe(404);
        const { status, body } = await list(DEM);
        expect(status).toBe(400);
        expect(body.error?.status).toBe("FAILED_PRECONDITION");
    });
});

describe("assets.patch", () => {
    test("with mask 'properties' replaces all properties", async () => {
        await importDem();
        const { status, body } = await patch({ asset: { properties: { source: "lidar" } }, updateMask: "properties" });
        expect(status).toBe(200);
        expect(body.properties).toEqual({ source: "lidar" });
    });

    test("with mask 'properties.k' sets k, and deletes k when the patch leaves it out", async () => {
        await importDem();
        const { body } = await patch({
            asset: { properties: { source: "lidar", ignored: 1 } },
            updateMask: "properties.source,properties.version",
        });
        expect(body.properties).toEqual({ source: "lidar" });
    });

    test("clears a named field that the patch leaves out", async () => {
        await importDem();
        const { body } = await patch({ asset: { startTime: "2026-06-01T00:00:00.000Z" }, updateMask: "start_time,endTime" });
        expect(body.startTime).toBe("2026-06-01T00:00:00Z");
        expect(body).not.toHaveProperty("endTime");
        expect(body.properties).toEqual({ source: "survey-2026", version: 1 });
    });

    test("with an empty mask replaces the start time, end time and all properties", async () => {
        await importDem();
        const { body } = await patch({ asset: { properties: { only: "this" }, endTime: "2028-01-01T00:00:00Z" } });
        expect(body).toMatchObject({ properties: { only: "this" }, endTime: "2028-01-01T00:00:00Z" });
        expect(body).not.toHaveProperty("startTime");
        expect(body.tilesets).toEqual(emulator.assets()[0].tilesets);
    });

    test("takes the mask from the updateMask query parameter too", async () => {
        await importDem();
        const { body } = await patch({ asset: { properties: { version: 2 } } }, "v1alpha", "?updateMask=properties.version");
        expect(body.properties).toEqual({ source: "survey-2026", version: 2 });
    });

    test("gives the asset a new, later updateTime", async () => {
        await importDem();
        const [before] = emulator.assets();
        const { body } = await patch({ asset: { properties: { version: 2 } }, updateMask: "properties.version" });
        expect(nanos(body.updateTime)).toBeGreaterThan(nanos(before.updateTime));
    });

    test("gives concurrent changes distinct, increasing updateTimes", async () => {
        await importDem();
        const keys = ["a", "b", "c", "d", "e", "f", "g", "h"];
        const answers = await Promise.all(keys.map((k) => patch({ asset: { properties: { [k]: 1 } }, updateMask: `properties.${k}` })));
        const times = answers.map((a) => nanos(a.body.updateTime)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        expect(new Set(times).size).toBe(keys.length);
        expect(times[0]).toBeGreaterThan(-1n);
    });

    test("refuses a mask path that is not patchable, naming it", async () => {
        await importDem();
        const { status, body } = await patch({ asset: {}, updateMask: "properties,tilesets" });
        expect(status).toBe(400);
        expect(body.error).toMatchObject({ status: "INVALID_ARGUMENT", message: expect.stringContaining("'tilesets'") });
        expect(emulator.assets()[0].properties).toEqual({ source: "survey-2026", version: 1 });
    });

    test("changes title and description in v1alpha only", async () => {
        await importDem();
        expect((await patch({ asset: { title: "DEM" }, updateMask: "title" })).body.title).toBe("DEM");
        const v1 = await patch({ asset: {}, updateMask: "title" }, "v1");
        expect(v1.status).toBe(400);
        expect(v1.body.error?.message).toContain("'title'");
    });

    test("refuses a timestamp that is not RFC 3339, and an invalid property key", async () => {
        await importDem();
        const time = await patch({ asset: { startTime: "2026-01-01" }, updateMask: "start_time" });
        expect(time.body.error?.message).toMatch(/^Invalid argument at 'asset.start_time': .*RFC 3339/);
        const key = await patch({ asset: { properties: { "system:time_start": 1 } }, updateMask: "properties" });
        expect(key.body.error).toMatchObject({
            status: "INVALID_ARGUMENT",
            message: 'Property key "system:time_start" is invalid. Property keys must contain only letters, digits, and underscores.',
        });
    });

    test("refuses an end time that is not after the start time", async () => {
        await importDem();
        const { status } = await patch({ asset: { endTime: "2025-01-01T00:00:00Z" }, updateMask: "end_time" });
        expect(status).toBe(400);
    });

    test("of a missing asset is 404", async () => {
        const { status, body } = await patch({ asset: {}, updateMask: "properties" });
        expect(status).toBe(404);
        expect(body.error?.message).toBe(`Asset '${DEM}' does not exist or doesn't allow this operation.`);
    });
});

describe("assets.delete", () => {
    test("deletes the asset and answers {}", async () => {
        await importDem();
        expect(await remove(DEM)).toMatchObject({ status: 200, body: {} });
        expect(emulator.assets()).toEqual([]);
    });

    test("of a missing asset is 404", async () => {
        const { status, body } = await remove(DEM);
        expect(status).toBe(404);
        expect(body.error?.status).toBe("NOT_FOUND");
    });

    test("refuses a folder that still has children (400 FAILED_PRECONDITION), and deletes it once empty", async () => {
        await createContainer(emulator.url, "projects/test-project/assets/folder");
        await createContainer(emulator.url, "projects/test-project/assets/folder/inner");
        const refused = await remove("projects/test-project/assets/folder");
        expect(refused).toMatchObject({ status: 400, body: { error: { status: "FAILED_PRECONDITION" } } });
        await remove("projects/test-project/assets/folder/inner");
        expect((await remove("projects/test-project/assets/folder")).status).toBe(200);
    });
});
