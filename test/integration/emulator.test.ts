import { type RunningEmulator, startEmulator } from "../../emulator";
import { PLACEHOLDER_DATA_TYPE, PLACEHOLDER_GRID } from "../../emulator/assets";
import { toEpochNanos } from "../../provider/manifest";
import { call, createContainer, fixture, importImage } from "../fixtures/emulator/api";

// importExternal and assets.get against the emulator on an ephemeral loopback port.
let emulator: RunningEmulator;
const nanos = (time: string | undefined) => toEpochNanos(time ?? "") ?? -1n;
const get = (name: string, version = "v1alpha") => call(emulator.url, "GET", `/${version}/${name}`);
const imported = async (manifest: unknown, extra: Record<string, unknown> = {}) => {
    const answer = await importImage(emulator.url, manifest, extra);
    expect(answer).toMatchObject({ status: 200, body: {} });
    return answer;
};
const withParentFolder = async (name: string) => expect((await createContainer(emulator.url, name)).status).toBe(200);

beforeEach(async () => {
    emulator = await startEmulator();
});
afterEach(() => emulator.close());

describe("an imported image", () => {
    test("reads back as an IMAGE with its name, id, properties and normalised times", async () => {
        await imported(fixture("dem.json"));
        const { status, body } = await get("projects/test-project/assets/dem");
        expect(status).toBe(200);
        expect(body).toMatchObject({
            type: "IMAGE",
            name: "projects/test-project/assets/dem",
            id: "dem",
            properties: { source: "survey-2026", version: 1 },
            startTime: "2026-01-01T00:00:00Z",
        });
        expect(body.updateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}|\.\d{6})?Z$/);
        expect(body).not.toHaveProperty("endTime");
    });

    test("stores every URI with uriPrefix in front and does not return uriPrefix", async () => {
        await withParentFolder("projects/test-project/assets/scenes");
        await imported(fixture("scene.json"));
        const { body } = await get("projects/test-project/assets/scenes/scene-1");
        expect(body.tilesets?.map((t) => t.sources[0].uris)).toEqual([
            ["gs://test-bucket/scenes/refl.tif#1700000000000000"],
            ["gs://test-bucket/scenes/qa.tif"],
        ]);
        expect(body).not.toHaveProperty("uriPrefix");
    });

    test("keeps the tilesets' ids, data types, CRSs, transforms and dimensions", async () => {
        await withParentFolder("projects/test-project/assets/scenes");
        await imported(fixture("scene.json"));
        const { body } = await get("projects/test-project/assets/scenes/scene-1");
        expect(body.tilesets?.[0]).toMatchObject({
            id: "refl",
            dataType: "UINT16",
            crs: "EPSG:32610",
            sources: [{ affineTransform: { scaleX: 30, scaleY: -30 }, dimensions: { width: 4096, height: 2048 } }],
        });
    });

    test("has the declared bands in order, each with its tileset and band index (default 0)", async () => {
        await withParentFolder("projects/test-project/assets/scenes");
        await imported(fixture("scene.json"));
        const { body } = await get("projects/test-project/assets/scenes/scene-1");
        expect(body.bands?.map(({ id, tilesetId, tilesetBandIndex }) => ({ id, tilesetId, tilesetBandIndex }))).toEqual([
            { id: "red", tilesetId: "refl", tilesetBandIndex: 0 },
            { id: "nir", tilesetId: "refl", tilesetBandIndex: 1 },
            { id: "cloud", tilesetId: "qa", tilesetBandIndex: 0 },
        ]);
    });

    test("gives each band its own pyramiding policy and missing data, else the manifest's", async () => {
        await withParentFolder("projects/test-project/assets/scenes");
        await imported(fixture("scene.json"));
        const { body } = await get("projects/test-project/assets/scenes/scene-1");
        expect(body.bands?.map(({ pyramidingPolicy, missingData }) => ({ pyramidingPolicy, missingData }))).toEqual([
            { pyramidingPolicy: "SAMPLE", missingData: { values: [0] } },
            { pyramidingPolicy: "SAMPLE", missingData: { values: [-9999] } },
            { pyramidingPolicy: "MODE", missingData: { values: [0] } },
        ]);
    });

    test("gives bands of integer tilesets precision INT with the type's range, and FLOAT tilesets precision FLOAT", async () => {
        await withParentFolder("projects/test-project/assets/scenes");
        await imported(fixture("scene.json"));
        const { body } = await get("projects/test-project/assets/scenes/scene-1");
        expect(body.bands?.map((b) => b.dataType)).toEqual([
            { precision: "INT", range: { min: 0, max: 65535 } },
            { precision: "INT", range: { min: 0, max: 65535 } },
            { precision: "FLOAT" },
        ]);
    });

    test("gives each band a grid: a CRS code as crsCode, other CRS text as crsWkt, and the source's transform and dimensions", async () => {
        await withParentFolder("projects/test-project/assets/scenes");
        const manifest = fixture("scene.json");
        await imported(manifest);
        const { body } = await get("projects/test-project/assets/scenes/scene-1");
        const [red, , cloud] = body.bands ?? [];
        expect(red.grid).toEqual({
            crsCode: "EPSG:32610",
            affineTransform: { scaleX: 30, shearX: 0, translateX: 500000, shearY: 0, scaleY: -30, translateY: 4200000 },
            dimensions: { width: 4096, height: 2048 },
        });
        expect(cloud.grid).toMatchObject({
            crsWkt: (manifest as { tilesets: { crs: string }[] }).tilesets[1].crs,
            dimensions: { width: 2048, height: 1024 },
        });
        expect(cloud.grid).not.toHaveProperty("crsCode");
    });

    test("without declared bands has one band per tileset, b1, b2, ..., and an unspecified pyramiding policy counts as MEAN", async () => {
        await imported(fixture("two-tilesets-without-bands.json"));
        const { body } = await get("projects/test-project/assets/pair");
        expect(body.bands?.map(({ dataType: _d, grid: _g, ...band }) => band)).toEqual([
            { id: "b1", tilesetId: "left", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" },
            { id: "b2", tilesetId: "right", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" },
        ]);
    });

    test("gives a band whose tileset declares no data type or grid the placeholders the emulator README lists", async () => {
        await imported(fixture("two-tilesets-without-bands.json"));
        const { body } = await get("projects/test-project/assets/pair");
        for (const band of body.bands ?? []) {
            expect(band.dataType).toEqual(PLACEHOLDER_DATA_TYPE);
            expect(band.grid).toEqual(PLACEHOLDER_GRID);
        }
    });

    test("does not show ingestion-only fields, and has no sizeBytes", async () => {
        await withParentFolder("projects/test-project/assets/scenes");
        await imported(fixture("scene.json"));
        const { body } = await get("projects/test-project/assets/scenes/scene-1");
        for (const field of [
            "memo",
            "footprint",
            "maskBands",
            "skipMetadataRead",
            "minTileAreaRatio",
            "pyramidingPolicy",
            "missingData",
            "sizeBytes",
        ]) {
            expect(body).not.toHaveProperty(field);
        }
    });
});

describe("importExternal over an existing asset", () => {
    test("without overwrite is 409 ALREADY_EXISTS 'Cannot overwrite asset', and the asset is unchanged", async () => {
        await imported(fixture("dem.json"));
        const before = emulator.assets();
        const { status, body } = await importImage(emulator.url, { ...fixture("dem.json"), properties: { source: "other" } });
        expect(status).toBe(409);
        expect(body.error).toEqual({
            code: 409,
            status: "ALREADY_EXISTS",
            message: "Cannot overwrite asset 'projects/test-project/assets/dem'.",
        });
        expect(emulator.assets()).toEqual(before);
    });

    test("with overwrite: true replaces the image and gives it a new updateTime", async () => {
        await imported(fixture("dem.json"));
        const [before] = emulator.assets();
        await imported(
            { ...fixture("dem.json"), tilesets: [{ sources: [{ uris: ["gs://test-bucket/dem-v2.tif"] }] }], properties: { v: 2 } },
            { overwrite: true },
        );
        const [after] = emulator.assets();
        expect(after).toMatchObject({ tilesets: [{ sources: [{ uris: ["gs://test-bucket/dem-v2.tif"] }] }] });
        expect(after.properties).toEqual({ v: 2 });
        expect(nanos(after.updateTime)).toBeGreaterThan(nanos(before.updateTime));
    });

    test("with overwrite: true does not replace a folder (400 FAILED_PRECONDITION)", async () => {
        await withParentFolder("projects/test-project/assets/dem");
        const { status, body } = await importImage(emulator.url, fixture("dem.json"), { overwrite: true });
        expect(status).toBe(400);
        expect(body.error).toMatchObject({ status: "FAILED_PRECONDITION", message: expect.stringContaining("FOLDER") });
        expect(body.error?.message).not.toMatch(/Cannot overwrite/);
        expect(emulator.assets().map((a) => a.type)).toEqual(["FOLDER"]);
    });
});

describe("the parent of an imported image", () => {
    test("must exist: a missing parent is 404 NOT_FOUND naming the parent, and nothing is stored", async () => {
        const { status, body } = await importImage(emulator.url, {
            ...fixture("dem.json"),
            name: "projects/test-project/assets/missing/dem",
        });
        expect(status).toBe(404);
        expect(body.error).toEqual({
            code: 404,
            status: "NOT_FOUND",
            message: "Asset 'projects/test-project/assets/missing' does not exist or doesn't allow this operation.",
        });
        expect(emulator.assets()).toEqual([]);
    });

    test("cannot be an image (400 FAILED_PRECONDITION)", async () => {
        await imported(fixture("dem.json"));
        const { status, body } = await importImage(emulator.url, {
            ...fixture("dem.json"),
            name: "projects/test-project/assets/dem/child",
        });
        expect(status).toBe(400);
        expect(body.error).toMatchObject({
            status: "FAILED_PRECONDITION",
            message: expect.stringContaining("projects/test-project/assets/dem"),
        });
    });

    test("may be a folder or an image collection", async () => {
        await createContainer(emulator.url, "projects/test-project/assets/folder");
        await createContainer(emulator.url, "projects/test-project/assets/folder/collection", { type: "IMAGE_COLLECTION" });
        await imported({ ...fixture("dem.json"), name: "projects/test-project/assets/folder/dem" });
        await imported({ ...fixture("dem.json"), name: "projects/test-project/assets/folder/collection/dem" });
        expect(emulator.assets().filter((a) => a.type === "IMAGE")).toHaveLength(2);
    });

    test("is a legacy user's root folder for users/... names, which always exists; the name is normalised", async () => {
        await imported({ ...fixture("dem.json"), name: "users/someone/dem" });
        const { body } = await get("projects/earthengine-legacy/assets/users/someone/dem");
        expect(body).toMatchObject({ name: "projects/earthengine-legacy/assets/users/someone/dem", id: "users/someone/dem" });
        const root = await call(emulator.url, "GET", "/v1alpha/projects/earthengine-legacy/assets/users/someone:listAssets");
        expect(root.body.assets?.map((a) => a.id)).toEqual(["users/someone/dem"]);
    });

    test("is a legacy project's root folder for projects/earthengine-legacy/assets/projects/<p>, which always exists", async () => {
        // As the official Python client sends ee.data.createAsset for the legacy id projects/old-project/archive.
        const created = await call(emulator.url, "POST", "/v1/projects/earthengine-legacy/assets?assetId=projects/old-project/archive", {
            type: "FOLDER",
        });
        expect(created.status).toBe(200);
        expect(created.body).toMatchObject({ name: "projects/earthengine-legacy/assets/projects/old-project/archive", type: "FOLDER" });
        await imported({ ...fixture("dem.json"), name: "projects/earthengine-legacy/assets/projects/old-project/archive/dem" });
        const root = await get("projects/earthengine-legacy/assets/projects/old-project");
        expect(root.body).toMatchObject({ type: "FOLDER" });
        const removed = await call(emulator.url, "DELETE", "/v1alpha/projects/earthengine-legacy/assets/projects/old-project");
        expect(removed.body).toMatchObject({ error: { message: expect.stringContaining("is a legacy root folder") } });
    });

    test("need not be in the consumer project named in the URL", async () => {
        const { status } = await importImage(emulator.url, fixture("dem.json"), {}, "v1alpha", "quota-project");
        expect(status).toBe(200);
        expect(emulator.assets()[0].name).toBe("projects/test-project/assets/dem");
    });
});

describe("request parsing", () => {
    test("accepts snake_case field names and keeps property keys as written", async () => {
        const answer = await call(
            emulator.url,
            "POST",
            "/v1alpha/projects/test-project/image:importExternal",
            fixture("import-snake-case.json"),
        );
        expect(answer.status).toBe(200);
        expect(emulator.assets()[0]).toMatchObject({
            properties: { cloud_cover: 3, sensor_name: "lidar" },
            startTime: "2026-03-01T12:00:00.500Z",
            endTime: "2026-03-02T00:00:00Z",
            tilesets: [{ dataType: "INT8", sources: [{ uris: ["gs://test-bucket/snake.tif"] }] }],
            bands: [
                {
                    id: "b",
                    pyramidingPolicy: "MIN",
                    missingData: { values: [-128] },
                    dataType: { precision: "INT", range: { min: -128, max: 127 } },
                },
            ],
        });
    });

    test("refuses an unknown field in Google's words, with its proto path", async () => {
        const { status, body } = await call(
            emulator.url,
            "POST",
            "/v1alpha/projects/test-project/image:importExternal",
            fixture("import-unknown-field-in-tileset.json"),
        );
        expect(status).toBe(400);
        expect(body.error).toEqual({
            code: 400,
            status: "INVALID_ARGUMENT",
            message: "Invalid JSON payload received. Unknown name \"foo\" at 'image_manifest.tilesets[0]': Cannot find field.",
        });
    });

    test("refuses an unknown top-level field without an 'at' part", async () => {
        const { body } = await importImage(emulator.url, fixture("dem.json"), { force: true });
        expect(body.error?.message).toBe('Invalid JSON payload received. Unknown name "force": Cannot find field.');
    });

    test("names an unknown snake_case field as written", async () => {
        const { body } = await importImage(emulator.url, { ...fixture("dem.json"), missing_data: { value: [0] } });
        expect(body.error?.message).toBe(
            "Invalid JSON payload received. Unknown name \"value\" at 'image_manifest.missing_data': Cannot find field.",
        );
    });

    test.each([
        ["v1alpha", "image_manifest.pyramiding_policy", "ImageManifest.PyramidingPolicy", '"FLOAT32"', { pyramidingPolicy: "FLOAT32" }],
        [
            "v1beta",
            "image_manifest.tilesets[0].data_type",
            "Tileset.DataType",
            '"FLOAT64"',
            { tilesets: [{ dataType: "FLOAT64", sources: [{ uris: ["gs://b/x.tif"] }] }] },
        ],
        [
            "v1",
            "image_manifest.bands[0].pyramiding_policy",
            "TilesetBand.PyramidingPolicy",
            "\"'SAMPLE'\"",
            { bands: [{ id: "b", pyramidingPolicy: "'SAMPLE'" }] },
        ],
    ])("in %s refuses a bad enum value at %s with the enum's type URL", async (version, field, typeName, shown, change) => {
        const { status, body } = await importImage(emulator.url, { ...fixture("dem.json"), ...change }, {}, version);
        expect(status).toBe(400);
        expect(body.error?.message).toBe(
            `Invalid value at '${field}' (type.googleapis.com/google.earthengine.${version}.${typeName}), ${shown}`,
        );
    });

    test("reports the first problem in document order", async () => {
        const { body } = await call(
            emulator.url,
            "POST",
            "/v1alpha/projects/test-project/image:importExternal",
            fixture("import-bad-enums.json"),
        );
        expect(body.error?.message).toMatch(/^Invalid value at 'image_manifest.pyramiding_policy'/);
    });

    test("refuses other schema violations with a message naming the field, and every violation in BadRequest details", async () => {
        const manifest = {
            ...fixture("dem.json"),
            tilesets: [{ sources: [{ uris: ["gs://test-bucket/a.tif"] }, { uris: ["gs://test-bucket/b.tif"] }] }],
            properties: { index: [1] },
        };
        const { status, body } = await importImage(emulator.url, manifest);
        expect(status).toBe(400);
        expect(body.error?.status).toBe("INVALID_ARGUMENT");
        expect(body.error?.message).toMatch(
            /^Invalid argument at '(image_manifest\.properties\["index"\]|image_manifest\.tilesets\[0\]\.sources)': .* \(and 1 more; see error\.details\)$/,
        );
        const violations = (body.error?.details?.[0] as { fieldViolations: { field: string }[] } | undefined)?.fieldViolations
            .map((v) => v.field)
            .sort();
        expect(violations).toEqual(['image_manifest.properties["index"]', "image_manifest.tilesets[0].sources"]);
    });

    test("says which required field is missing", async () => {
        const { body } = await importImage(emulator.url, { name: "projects/test-project/assets/dem" });
        expect(body.error?.message).toBe("Invalid argument at 'image_manifest.tilesets': this field is required");
    });

    test("refuses a field written both in snake_case and in camelCase", async () => {
        const { status, body } = await importImage(emulator.url, { ...fixture("dem.json"), start_time: "2026-01-01T00:00:00Z" });
        expect(status).toBe(400);
        expect(body.error?.message).toMatch(/^Invalid JSON payload received\. Field "start_time" at 'image_manifest' is set twice/);
    });

    test("refuses malformed JSON with 400 'Invalid JSON payload received.'", async () => {
        const { status, body } = await call(emulator.url, "POST", "/v1alpha/projects/test-project/image:importExternal", undefined, {
            rawBody: '{"imageManifest": ',
        });
        expect(status).toBe(400);
        expect(body.error).toMatchObject({
            status: "INVALID_ARGUMENT",
            message: expect.stringMatching(/^Invalid JSON payload received\. /),
        });
    });

    test("refuses a body that is not a JSON object", async () => {
        const { body } = await call(emulator.url, "POST", "/v1alpha/projects/test-project/image:importExternal", [fixture("dem.json")]);
        expect(body.error?.message).toBe('Invalid JSON payload received. Unknown name "": Root element must be a message.');
    });

    test("refuses a body over 10 MB with 400 INVALID_ARGUMENT", async () => {
        const manifest = { ...fixture("dem.json"), memo: "x".repeat(10_000_001) };
        const { status, body } = await importImage(emulator.url, manifest);
        expect(status).toBe(400);
        expect(body.error).toMatchObject({
            status: "INVALID_ARGUMENT",
            message: "Request payload size exceeds the limit: 10000000 bytes.",
        });
        expect(emulator.assets()).toEqual([]);
    });
});

describe("assets.get", () => {
    test("of a missing asset is 404 NOT_FOUND in the real API's words", async () => {
        const { status, body } = await get("projects/test-project/assets/nothing");
        expect(status).toBe(404);
        expect(body.error).toEqual({
            code: 404,
            status: "NOT_FOUND",
            message: "Asset 'projects/test-project/assets/nothing' does not exist or doesn't allow this operation.",
        });
    });
});
