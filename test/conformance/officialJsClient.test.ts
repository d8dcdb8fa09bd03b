import { type RecordedRequest, type RunningEmulator, startEmulator } from "../../emulator";
import { PLACEHOLDER_GRID } from "../../emulator/assets";
import { createContainer, fixture, importImage } from "../fixtures/emulator/api";
import { EarthEngineAsset, eeData, iamPolicy, initialize } from "./support/officialJsClient";

/**
 * The official JavaScript client drives the emulator as it drives Google: every step goes
 * through a public `ee.data` function after the documented setup. The client has no
 * importExternal wrapper, so images are registered with a plain REST call (the Python suite
 * registers them through its client).
 */
const PROJECT = "test-project";
const ROOT = `projects/${PROJECT}/assets`;
let emulator: RunningEmulator;
let initializeRequests: RecordedRequest[];

beforeAll(async () => {
    emulator = await startEmulator();
    await initialize(emulator.url, PROJECT);
    initializeRequests = emulator.requests();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const importScene = async () => {
    const { status } = await importImage(emulator.url, fixture("../conformance/scene.json"), {}, "v1", PROJECT);
    expect(status).toBe(200);
};

test("ee.initialize loads the algorithms listing, naming the project as quota project", () => {
    expect(initializeRequests).toEqual([
        expect.objectContaining({ method: "GET", path: `/v1/projects/${PROJECT}/algorithms`, status: 200, userProject: PROJECT }),
    ]);
});

test("getAsset on an external image gives bands with the declared grid, or the placeholders", async () => {
    await importScene();
    const asset = await eeData("getAsset", `${ROOT}/scene`);
    expect(asset?.type).toBe("Image");
    expect(asset?.properties).toMatchObject({ sensor: "msi", "system:time_start": Date.parse("2026-06-01T10:00:00Z") });
    expect(asset?.bands).toEqual([
        {
            id: "red",
            crs: "EPSG:32633",
            dimensions: [PLACEHOLDER_GRID.dimensions.width, PLACEHOLDER_GRID.dimensions.height],
            crs_transform: [10, 0, 500000, 0, -10, 4600000],
            data_type: { type: "PixelType", precision: "int", min: 0, max: 65535 },
        },
        {
            id: "nir",
            crs: PLACEHOLDER_GRID.crsCode,
            dimensions: [PLACEHOLDER_GRID.dimensions.width, PLACEHOLDER_GRID.dimensions.height],
            crs_transform: [1, 0, 0, 0, -1, 0],
            data_type: { type: "PixelType", precision: "float" },
        },
    ]);
});

test("createFolder and createAsset (a collection with properties) make containers that getAsset reads", async () => {
    await eeData("createFolder", `${ROOT}/folder`, false);
    await eeData("createAsset", { type: "ImageCollection" }, `${ROOT}/folder/series`, false, { sensor: "msi" });
    expect(await eeData("getAsset", `${ROOT}/folder`)).toMatchObject({ type: "Folder", id: `${ROOT}/folder` });
    expect(await eeData("getAsset", `${ROOT}/folder/series`)).toMatchObject({
        type: "ImageCollection",
        properties: { sensor: "msi" },
    });
});

test("listAssets, getList and getAssetRoots list the same children", async () => {
    await eeData("createFolder", `${ROOT}/folder`, false);
    await importScene();
    const listed = await eeData("listAssets", `${ROOT}`, {});
    expect(listed?.assets?.map((a) => [a.name, a.type])).toEqual([
        [`${ROOT}/folder`, "FOLDER"],
        [`${ROOT}/scene`, "IMAGE"],
    ]);
    const ids = (assets: { id: string }[] | undefined) => assets?.map((a) => a.id);
    expect(ids(await eeData("getList", { id: ROOT }))).toEqual([`${ROOT}/folder`, `${ROOT}/scene`]);
    expect(ids(await eeData("getAssetRoots"))).toEqual([`${ROOT}/folder`, `${ROOT}/scene`]);
});

test("updateAsset sets a property, and deletes the property and start_time the mask names but the asset leaves out", async () => {
    await importScene();
    const update = new EarthEngineAsset({ properties: { cloud_cover: 1 } });
    await eeData("updateAsset", `${ROOT}/scene`, update, ["properties.cloud_cover", "properties.sensor", "start_time"]);
    const [stored] = emulator.assets();
    expect(stored.properties).toEqual({ cloud_cover: 1 });
    expect(stored.startTime).toBeUndefined();
});

test("setAssetProperties sets and deletes (null) properties, and turns system:time_start/time_end into the time range", async () => {
    await importScene();
    await eeData("setAssetProperties", `${ROOT}/scene`, {
        cloud_cover: 1.5,
        sensor: null,
        "system:time_start": Date.parse("2026-06-02T00:00:00Z"),
        "system:time_end": Date.parse("2026-06-03T00:00:00Z"),
    });
    const [stored] = emulator.assets();
    expect(stored).toMatchObject({ properties: { cloud_cover: 1.5 }, startTime: "2026-06-02T00:00:00Z", endTime: "2026-06-03T00:00:00Z" });
    expect(stored.properties).not.toHaveProperty("sensor");
    const patch = emulator.requests().find((r) => r.method === "PATCH");
    expect(patch?.body).toMatchObject({ updateMask: 'end_time,start_time,properties."cloud_cover",properties."sensor"' });
});

test("renameAsset moves an empty folder; one that holds assets is refused, as reported of the service", async () => {
    await eeData("createFolder", `${ROOT}/old`, false);
    await eeData("createFolder", `${ROOT}/old/inner`, false);
    await expect(eeData("renameAsset", `${ROOT}/old`, `${ROOT}/new`)).rejects.toThrow("still holds assets");
    await eeData("renameAsset", `${ROOT}/old/inner`, `${ROOT}/inner`);
    await eeData("renameAsset", `${ROOT}/old`, `${ROOT}/new`);
    expect(emulator.assets().map((a) => a.name)).toEqual([`${ROOT}/inner`, `${ROOT}/new`]);
});

test("renameAsset onto an existing asset is refused, and nothing moves", async () => {
    await eeData("createFolder", `${ROOT}/a`, false);
    await eeData("createFolder", `${ROOT}/b`, false);
    await expect(eeData("renameAsset", `${ROOT}/a`, `${ROOT}/b`)).rejects.toThrow(`Cannot overwrite asset '${ROOT}/b'.`);
    expect(emulator.assets().map((a) => a.name)).toEqual([`${ROOT}/a`, `${ROOT}/b`]);
});

test("copyAsset copies an image, and refuses to overwrite without the flag", async () => {
    await importScene();
    const copy = await eeData("copyAsset", `${ROOT}/scene`, `${ROOT}/copy`, undefined);
    expect(copy).toMatchObject({ type: "Image", id: `${ROOT}/copy`, properties: { sensor: "msi" } });
    await expect(eeData("copyAsset", `${ROOT}/scene`, `${ROOT}/copy`, false)).rejects.toThrow("Cannot overwrite asset");
    await eeData("copyAsset", `${ROOT}/scene`, `${ROOT}/copy`, true);
    expect(emulator.assets().map((a) => a.name)).toEqual([`${ROOT}/copy`, `${ROOT}/scene`]);
});

test("copyAsset of a collection is refused in the service's words", async () => {
    await createContainer(emulator.url, `${ROOT}/series`, { type: "IMAGE_COLLECTION" });
    await expect(eeData("copyAsset", `${ROOT}/series`, `${ROOT}/series2`, undefined)).rejects.toThrow(
        `Cannot copy asset '${ROOT}/series'; can only copy images or tables.`,
    );
});

test("deleteAsset deletes an image, and refuses a non-empty folder in the service's words", async () => {
    await eeData("createFolder", `${ROOT}/folder`, false);
    await eeData("createFolder", `${ROOT}/folder/inner`, false);
    await expect(eeData("deleteAsset", `${ROOT}/folder`)).rejects.toThrow(
        `Before trying to delete an asset, delete its children: '${ROOT}/folder'`,
    );
    await eeData("deleteAsset", `${ROOT}/folder/inner`);
    await eeData("deleteAsset", `${ROOT}/folder`);
    expect(emulator.assets()).toEqual([]);
});

describe("errors reach the caller as the service's message", () => {
    test("a missing asset", async () => {
        await expect(eeData("getAsset", `${ROOT}/missing`)).rejects.toThrow(
            `Asset '${ROOT}/missing' does not exist or doesn't allow this operation.`,
        );
    });

    test("a permission error (403 from the service, injected)", async () => {
        const { message } = fixture("../errors/permission-writer.json").error as { message: string };
        emulator.addFault({ status: 403, message, pathContains: "/assets" });
        await expect(eeData("createFolder", `${ROOT}/folder`, false)).rejects.toThrow(message);
    });
});

describe("IAM through ee.data", () => {
    const OWNERS = { role: "roles/owner", members: ["user:owner@example.com"] };

    test("getIamPolicy and setIamPolicy: a read-modify-write with the read etag, a stale etag refused, none (etag null) unconditional", async () => {
        await eeData("createFolder", `${ROOT}/shared`, false);
        const read = await eeData("getIamPolicy", `${ROOT}/shared`);
        // The client's Policy gives an unset field as null.
        expect(read?.bindings ?? undefined).toBeUndefined();
        expect(read?.etag).toEqual(expect.any(String));
        const written = await eeData("setIamPolicy", `${ROOT}/shared`, iamPolicy([OWNERS], read?.etag));
        expect(written?.bindings).toMatchObject([OWNERS]);
        expect(written?.etag).not.toBe(read?.etag);
        expect(await eeData("getIamPolicy", `${ROOT}/shared`)).toMatchObject({ etag: written?.etag });
        // The first read's etag is stale now: the service's answer to a concurrent change.
        const editors = { role: "roles/editor", members: ["user:writer@example.com"] };
        await expect(eeData("setIamPolicy", `${ROOT}/shared`, iamPolicy([OWNERS, editors], read?.etag))).rejects.toThrow(
            "There were concurrent policy changes",
        );
        expect(emulator.policy(`${ROOT}/shared`).bindings).toEqual([OWNERS]);
        // etag null, as the client's own ACL conversion sets it (dropped on the wire): written whatever the current etag.
        await eeData("setIamPolicy", `${ROOT}/shared`, iamPolicy([OWNERS, editors], null));
        expect(emulator.policy(`${ROOT}/shared`).bindings).toEqual([editors, OWNERS]);
    });

    test("setAssetAcl makes an asset publicly readable and back, the owners kept; getAssetAcl reads it", async () => {
        await importScene();
        await eeData("setIamPolicy", `${ROOT}/scene`, iamPolicy([OWNERS]));

        await eeData("setAssetAcl", `${ROOT}/scene`, { all_users_can_read: true });
        // The client sends only the ACL it was given (its etag: null is dropped on the wire): the service keeps the owners.
        const sent = emulator.requests().at(-1);
        expect(sent).toMatchObject({ path: `/v1/${ROOT}/scene:setIamPolicy`, status: 200 });
        expect(sent?.body).toEqual({ policy: { bindings: [{ role: "roles/viewer", members: ["allUsers"] }] } });
        expect(await eeData("getAssetAcl", `${ROOT}/scene`)).toEqual({
            owners: ["owner@example.com"],
            writers: [],
            readers: [],
            all_users_can_read: true,
        });
        expect(emulator.policy(`${ROOT}/scene`).bindings).toEqual([OWNERS, { role: "roles/viewer", members: ["allUsers"] }]);

        await eeData("setAssetAcl", `${ROOT}/scene`, { readers: ["someone@example.com"], all_users_can_read: false });
        expect(await eeData("getAssetAcl", `${ROOT}/scene`)).toEqual({
            owners: ["owner@example.com"],
            writers: [],
            readers: ["someone@example.com"],
        });
        expect(emulator.policy(`${ROOT}/scene`).bindings).toEqual([
            OWNERS,
            { role: "roles/viewer", members: ["user:someone@example.com"] },
        ]);
    });
});
