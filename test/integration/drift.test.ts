import { readFileSync } from "node:fs";
import path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { resourceProviders } from "../../provider/kinds";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { countRequests, type RequestCounter } from "../support/requestCounter";

// Source drift through the provider, as the engine calls it: the Earth Engine emulator for the
// asset, fake-gcs-server for the file (behind a proxy that counts the Cloud Storage requests). A
// COG rewritten after registration is found by refresh and re-imported once by the next up; pins
// and state from before this release never re-import. ExternalImage, then batch mode.
const provider = resourceProviders.ExternalImage;
const setProvider = resourceProviders.ExternalImageSet;
const cog = readFileSync(path.join(__dirname, "../fixtures/cog/valid.tif"));
const URI = "gs://drift-cogs/image.tif";

let emulator: RunningEmulator;
let gcs: FakeGcs;
let storage: RequestCounter;

beforeAll(async () => {
    [emulator, gcs] = await Promise.all([startEmulator(), startFakeGcs()]);
    storage = await countRequests(gcs.endpoint);
    await gcs.createBucket("drift-cogs");
});
afterAll(async () => Promise.all([emulator?.close(), gcs?.stop(), storage?.close()]));
beforeEach(async () => {
    emulator.reset();
    const values: Record<string, string> = {
        "earthengine:endpoint": emulator.url,
        "earthengine:accessToken": "drift-token-1",
        "earthengine:cloudStorageEndpoint": storage.endpoint,
    };
    await provider.configure({ config: { get: (key: string) => values[key], require: (key: string) => values[key] } });
});

const news = (id: string, uri = URI) => ({
    imageManifest: { name: `projects/drift-project/assets/${id}`, tilesets: [{ sources: [{ uris: [uri] }] }] },
});

async function create(id: string, uri = URI) {
    const checked = await provider.check({}, news(id, uri));
    expect(checked.failures ?? []).toEqual([]);
    const created = await provider.create(checked.inputs);
    return { inputs: checked.inputs as Record<string, unknown>, id: created.id, outs: created.outs as Record<string, unknown> };
}

/** A folder or collection made out of band, as a person with the earthengine CLI would. */
async function createContainer(project: string, id: string, type: "FOLDER" | "IMAGE_COLLECTION") {
    const response = await fetch(`${emulator.url}/v1alpha/${project}/assets?assetId=${id}`, {
        method: "POST",
        headers: { authorization: "Bearer out-of-band", "content-type": "application/json" },
        body: JSON.stringify({ type }),
    });
    expect(response.ok).toBe(true);
}

const importRequests = () => emulator.requests().filter((r) => r.path.endsWith(":import") || r.path.includes("importExternal"));
const imports = () => importRequests().length;

test("create records the generation; a rewritten file shows on refresh, the next up re-imports once, then no change", async () => {
    const first = (await gcs.putObject("drift-cogs", "image.tif", cog)).generation;
    const { inputs, id, outs } = await create("rewritten");
    expect(outs.sourceGenerations).toEqual({ [URI]: first });

    const second = (await gcs.putObject("drift-cogs", "image.tif", cog)).generation;
    const refreshed = await provider.read(id, outs);
    expect(refreshed.props).toMatchObject({ sourceGenerations: { [URI]: first }, liveSourceGenerations: { [URI]: second } });
    expect(refreshed.inputs).not.toHaveProperty("sourceGenerations");

    const olds = refreshed.props as Record<string, unknown>;
    expect(await provider.diff(id, olds, inputs)).toMatchObject({ changes: true });
    emulator.clearRequests();
    const updated = (await provider.update(id, olds, inputs)).outs as Record<string, unknown>;
    expect(imports()).toBe(1);
    expect(updated).toMatchObject({ sourceGenerations: { [URI]: second }, liveSourceGenerations: { [URI]: second } });
    expect(await provider.diff(id, updated, inputs)).toMatchObject({ changes: false });
});

test("a URI pinned with #<generation> is honoured as written: not tracked, never re-imported for a rewrite", async () => {
    const pinned = (await gcs.putObject("drift-cogs", "pinned.tif", cog)).generation;
    const uri = `gs://drift-cogs/pinned.tif#${pinned}`;
    const { inputs, id, outs } = await create("pinned", uri);
    expect(outs.sourceGenerations).toEqual({});
    const refreshed = (await provider.read(id, outs)).props as Record<string, unknown>;
    expect(await provider.diff(id, refreshed, inputs)).toMatchObject({ changes: false });
});

test("the last release's ExternalImage (the upgrade test's committed stack): refresh fills its generations in, plans no re-import, and tracks drift from then on", async () => {
    type Resource = { type: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const stack = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/upgrade/stack.json"), "utf8")) as {
        deployment: { resources: Resource[] };
    };
    const dem = stack.deployment.resources.find((r) => r.type.endsWith("earthengine:ExternalImage")) as Resource;
    const { __provider: _, ...oldOutputs } = dem.outputs;
    const { __provider: __, ...oldInputs } = dem.inputs;
    expect(oldOutputs).not.toHaveProperty("sourceGenerations");
    const uri = "gs://e2e-bucket/dem.tif";
    expect(JSON.stringify(oldInputs)).toContain(uri);
    await gcs.createBucket("e2e-bucket");
    await createContainer("projects/e2e-project", "upgrade", "FOLDER");
    await gcs.putObject("e2e-bucket", "dem.tif", cog);
    const inputs = (await provider.check(oldInputs, oldInputs)).inputs as Record<string, unknown>;
    await provider.create(inputs); // the asset the release registered, in this emulator
    const live = (await gcs.putObject("e2e-bucket", "dem.tif", cog)).generation;

    const refreshed = (await provider.read(String(oldOutputs.assetName), oldOutputs)).props as Record<string, unknown>;
    expect(refreshed).toMatchObject({ sourceGenerations: { [uri]: live }, liveSourceGenerations: { [uri]: live } });
    expect(await provider.diff(String(oldOutputs.assetName), refreshed, inputs)).toMatchObject({ changes: false });

    await gcs.putObject("e2e-bucket", "dem.tif", cog);
    const drifted = (await provider.read(String(oldOutputs.assetName), refreshed)).props as Record<string, unknown>;
    expect(await provider.diff(String(oldOutputs.assetName), drifted, inputs)).toMatchObject({ changes: true });
});

describe("batch mode (ExternalImageSet)", () => {
    const PARENT = "projects/drift-project/assets/archive";
    // Three sources in one folder (one listing), one alone in its folder (one metadata read), one pinned (not read).
    const FOLDER = ["a", "b", "c"];
    const uriOf = (key: string) => (key === "d" ? "gs://drift-cogs/other/d.tif" : `gs://drift-cogs/set/${key}.tif`);
    const image = (uri: string) => ({ tilesets: [{ sources: [{ uris: [uri] }] }] });
    let pinnedUri: string;
    const declared = () => ({
        parent: PARENT,
        images: { ...Object.fromEntries([...FOLDER, "d"].map((key) => [key, image(uriOf(key))])), pinned: image(pinnedUri) },
    });
    const put = async (key: string) => (await gcs.putObject("drift-cogs", uriOf(key).slice("gs://drift-cogs/".length), cog)).generation;
    const storageCalls = () => storage.requests().map((r) => `${r.method} ${decodeURIComponent(r.url.split("?")[0])}`);
    const listings = () => storageCalls().filter((call) => call === "GET /storage/v1/b/drift-cogs/o");

    beforeEach(async () => {
        await createContainer("projects/drift-project", "archive", "IMAGE_COLLECTION");
        pinnedUri = `gs://drift-cogs/set/pinned.tif#${await put("pinned")}`;
    });

    async function createSet() {
        const generations: Record<string, string> = {};
        for (const key of [...FOLDER, "d"]) generations[key] = await put(key);
        const checked = await setProvider.check({}, declared());
        expect(checked.failures ?? []).toEqual([]);
        storage.clear();
        const created = await setProvider.create(checked.inputs);
        return {
            inputs: checked.inputs as Record<string, unknown>,
            id: created.id,
            outs: created.outs as Record<string, unknown>,
            generations,
        };
    }

    test("create records each image's generations with one listing per folder; a rewritten file is re-imported alone, once", async () => {
        const { inputs, id, outs, generations } = await createSet();
        expect(outs.sourceGenerations).toEqual(
            Object.fromEntries([...FOLDER, "d"].map((key) => [key, { [uriOf(key)]: generations[key] }])),
        );
        expect(outs).not.toHaveProperty("liveSourceGenerations");
        // set/ listed once (a, b and c), other/d.tif read alone, the pinned source not at all.
        expect(storageCalls().sort()).toEqual(["GET /storage/v1/b/drift-cogs/o", "GET /storage/v1/b/drift-cogs/o/other/d.tif"]);

        const rewritten = await put("b");
        storage.clear();
        const refreshed = await setProvider.read(id, outs);
        expect(listings()).toHaveLength(1);
        expect(storage.requests()).toHaveLength(2);
        const olds = refreshed.props as Record<string, unknown>;
        expect(olds.liveSourceGenerations).toEqual({ b: { [uriOf("b")]: rewritten } });
        expect(olds.sourceGenerations).toEqual(outs.sourceGenerations);
        expect(refreshed.inputs).not.toHaveProperty("sourceGenerations");
        expect(refreshed.inputs).not.toHaveProperty("liveSourceGenerations");

        expect(await setProvider.diff(id, olds, inputs)).toMatchObject({ changes: true });
        emulator.clearRequests();
        const updated = (await setProvider.update(id, olds, inputs)).outs as Record<string, unknown>;
        expect(importRequests().map((r) => r.body)).toEqual([
            expect.objectContaining({ overwrite: true, imageManifest: expect.objectContaining({ name: `${PARENT}/b` }) }),
        ]);
        expect(updated.sourceGenerations).toMatchObject({ a: { [uriOf("a")]: generations.a }, b: { [uriOf("b")]: rewritten } });
        expect(updated).not.toHaveProperty("liveSourceGenerations");
        expect(await setProvider.diff(id, updated, inputs)).toEqual({ changes: false });
    });

    test("a set from before this release (no recorded generations): refresh fills them in and plans no re-import", async () => {
        const { inputs, id, outs } = await createSet();
        const { sourceGenerations: _, ...older } = outs;
        await put("c");
        const refreshed = (await setProvider.read(id, older)).props as Record<string, unknown>;
        expect(Object.keys(refreshed.sourceGenerations as object)).toEqual([...FOLDER, "d"]);
        expect(refreshed).not.toHaveProperty("liveSourceGenerations");
        expect(await setProvider.diff(id, refreshed, inputs)).toEqual({ changes: false });
    });
});
