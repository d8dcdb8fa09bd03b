import { type RecordedRequest, type RunningEmulator, startEmulator } from "../../emulator";
import { SYSTEM_PARAMS } from "../../emulator/routes";
import { EarthEngineClient } from "../../provider/earthengine/client";
import { createContainer, fixture, importImage } from "../fixtures/emulator/api";
import { EarthEngineAsset, eeData, initialize } from "./support/officialJsClient";

/**
 * Our client sends each asset call in the form the official JavaScript client sends it: the
 * same method, path, query parameters (Google's system parameters such as `prettyPrint` aside),
 * body and quota-project header, as the emulator's request log records them.
 */
const PROJECT = "test-project";
const ROOT = `projects/${PROJECT}/assets`;
let emulator: RunningEmulator;
let ours: EarthEngineClient;

beforeAll(async () => {
    emulator = await startEmulator();
    await initialize(emulator.url, PROJECT);
    ours = new EarthEngineClient({
        endpoint: emulator.url,
        apiVersion: "v1",
        auth: { description: "test token", headers: async () => ({ authorization: "Bearer t" }) },
        userProject: PROJECT,
    });
});
afterAll(() => emulator.close());

/** What a request says, without system parameters. */
const form = ({ method, path, query, userProject, body }: RecordedRequest) => ({
    method,
    path,
    query: Object.fromEntries(Object.entries(query).filter(([key]) => !SYSTEM_PARAMS.includes(key))),
    userProject,
    body,
});

/** The requests each client sends for the same operation, each from the same starting state. */
async function bothSend(setup: () => Promise<void>, viaOurs: () => Promise<unknown>, viaOfficial: () => Promise<unknown>) {
    const sent = async (operation: () => Promise<unknown>) => {
        emulator.reset();
        await setup();
        const before = emulator.requests().length;
        await operation();
        return emulator.requests().slice(before).map(form);
    };
    return { ours: await sent(viaOurs), official: await sent(viaOfficial) };
}

const withImage = async () => {
    expect((await importImage(emulator.url, fixture("../conformance/cli-image.json"), {}, "v1", PROJECT)).status).toBe(200);
};
const withFolder = async () => {
    expect((await createContainer(emulator.url, `${ROOT}/archive`)).status).toBe(200);
};
const withFolderAndImage = async () => {
    await withFolder();
    await withImage();
};
const IMAGE = `${ROOT}/archive/cli-image`;

test("getAsset", async () => {
    const { ours: a, official: b } = await bothSend(
        withFolderAndImage,
        () => ours.getAsset(IMAGE),
        () => eeData("getAsset", IMAGE),
    );
    expect(a).toEqual(b);
    expect(a).toHaveLength(1);
});

test("listAssets of a folder and of a project root, with a page size", async () => {
    for (const parent of [`${ROOT}/archive`, `projects/${PROJECT}`]) {
        const { ours: a, official: b } = await bothSend(
            withFolder,
            () => ours.listAssets(parent, { pageSize: 10 }),
            () => eeData("listAssets", parent === `projects/${PROJECT}` ? ROOT : parent, { pageSize: 10 }),
        );
        expect(a).toEqual(b);
        expect(a).toHaveLength(1);
    }
});

test("createAsset of a folder and of a collection", async () => {
    const none = async () => undefined;
    const folder = await bothSend(
        none,
        () => ours.createAsset(`${ROOT}/archive`, { type: "FOLDER" }),
        () => eeData("createFolder", `${ROOT}/archive`, false),
    );
    expect(folder.ours).toEqual(folder.official);
    const collection = await bothSend(
        none,
        () => ours.createAsset(`${ROOT}/series`, { type: "IMAGE_COLLECTION", properties: { sensor: "msi" } }),
        () => eeData("createAsset", { type: "ImageCollection" }, `${ROOT}/series`, false, { sensor: "msi" }),
    );
    expect(collection.ours).toEqual(collection.official);
    expect(collection.ours[0]).toMatchObject({ query: { assetId: "series" }, userProject: PROJECT });
});

test("patch with an update mask (updateAsset)", async () => {
    const mask = ["properties.revision", "start_time"];
    const { ours: a, official: b } = await bothSend(
        withFolderAndImage,
        () => ours.patchAsset(IMAGE, { properties: { revision: 3 } }, mask),
        () => eeData("updateAsset", IMAGE, new EarthEngineAsset({ properties: { revision: 3 } }), mask),
    );
    expect(a).toEqual(b);
    expect(a[0]).toMatchObject({ method: "PATCH", body: { updateMask: "properties.revision,start_time" } });
});

test("deleteAsset", async () => {
    const { ours: a, official: b } = await bothSend(
        withFolderAndImage,
        () => ours.deleteAsset(IMAGE),
        () => eeData("deleteAsset", IMAGE),
    );
    expect(a).toEqual(b);
    expect(a[0]).toMatchObject({ method: "DELETE", userProject: PROJECT });
});
