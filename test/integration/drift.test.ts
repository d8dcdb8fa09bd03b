import { readFileSync } from "node:fs";
import path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { resourceProviders } from "../../provider/kinds";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";

// Source drift through the provider, as the engine calls it: the Earth Engine emulator for the
// asset, fake-gcs-server for the file. A COG rewritten after registration is found by refresh and
// re-imported once by the next up; pins and state from before this release never re-import.
const provider = resourceProviders.ExternalImage;
const cog = readFileSync(path.join(__dirname, "../fixtures/cog/valid.tif"));
const URI = "gs://drift-cogs/image.tif";

let emulator: RunningEmulator;
let gcs: FakeGcs;

beforeAll(async () => {
    [emulator, gcs] = await Promise.all([startEmulator(), startFakeGcs()]);
    await gcs.createBucket("drift-cogs");
});
afterAll(async () => Promise.all([emulator?.close(), gcs?.stop()]));
beforeEach(async () => {
    emulator.reset();
    const values: Record<string, string> = {
        "earthengine:endpoint": emulator.url,
        "earthengine:accessToken": "drift-token-1",
        "earthengine:cloudStorageEndpoint": gcs.endpoint,
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

const imports = () => emulator.requests().filter((r) => r.path.endsWith(":import") || r.path.includes("importExternal")).length;

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

test("state from before this release (no recorded generation): refresh fills it in and plans no re-import", async () => {
    await gcs.putObject("drift-cogs", "image.tif", cog);
    const { inputs, id, outs } = await create("older");
    const { sourceGenerations: _, liveSourceGenerations: __, ...older } = outs;
    await gcs.putObject("drift-cogs", "image.tif", cog);
    const refreshed = (await provider.read(id, older)).props as Record<string, unknown>;
    expect(refreshed.sourceGenerations).toEqual(refreshed.liveSourceGenerations);
    expect(await provider.diff(id, refreshed, inputs)).toMatchObject({ changes: false });
});

test("a URI pinned with #<generation> is honoured as written: not tracked, never re-imported for a rewrite", async () => {
    const pinned = (await gcs.putObject("drift-cogs", "pinned.tif", cog)).generation;
    const uri = `gs://drift-cogs/pinned.tif#${pinned}`;
    const { inputs, id, outs } = await create("pinned", uri);
    expect(outs.sourceGenerations).toEqual({});
    const refreshed = (await provider.read(id, outs)).props as Record<string, unknown>;
    expect(await provider.diff(id, refreshed, inputs)).toMatchObject({ changes: false });
});
