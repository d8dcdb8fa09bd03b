import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { createSandbox, type EngineSandbox, newStack, REPO_ROOT } from "./support/engine";
import { callsDuring, countCalls, StepRecorder } from "./support/events";

// Collections declared from where their files are, through the real engine: a bucket prefix and a
// static STAC catalog in fake-gcs-server, each registered as a collection; files added and removed
// in the bucket, and items added to and removed from the catalog, become exactly that many creates
// and deletes. Two engine commands in all (up, up) for both sources; the mappings themselves are in
// test/unit/sources.*.test.ts and test/integration/sources.{bucket,stac}.test.ts.
jest.setTimeout(10 * 60_000);

const BUCKET = "e2e-sources";
const FOLDER = "projects/e2e-project/assets/sources";
const cog = fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/cog/valid.tif"));
const SOURCES = {
    folder: FOLDER,
    collections: [
        { id: "sst", bucket: { uri: `gs://${BUCKET}/sst/`, match: "^sst_(?<startTime>\\d{8})\\.tif$", endTime: "period" } },
        { id: "scenes", stac: { source: `gs://${BUCKET}/stac/catalog.json` } },
    ],
};
const itemTemplate = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/stac/item-template.json"), "utf8"));

let emulator: RunningEmulator;
let gcs: FakeGcs;
let sandbox: EngineSandbox;
let stack: Stack;

const put = (day: string) => gcs.putObject(BUCKET, `sst/sst_${day}.tif`, cog);

/** A static catalog in the bucket linking one Item per day (id `scene.<day>`, its COG beside it, linked relatively). */
async function publishCatalog(days: string[]) {
    const ids = days.map((day) => `scene.${day}`);
    await Promise.all(
        days.flatMap((day, i) => {
            const item = structuredClone(itemTemplate);
            item.id = ids[i];
            item.properties.datetime = `${day}T00:00:00Z`;
            item.assets.data.href = `./${ids[i]}.tif`;
            return [
                gcs.putObject(BUCKET, `stac/items/${ids[i]}.json`, Buffer.from(JSON.stringify(item))),
                gcs.putObject(BUCKET, `stac/items/${ids[i]}.tif`, cog),
            ];
        }),
    );
    const links = ids.map((id) => ({ rel: "item", href: `./items/${id}.json` }));
    const catalog = { type: "Catalog", stac_version: "1.1.0", id: "scenes", description: "e2e scenes", links };
    await gcs.putObject(BUCKET, "stac/catalog.json", Buffer.from(JSON.stringify(catalog)));
}
const imageNames = (collection = "sst") =>
    emulator
        .assets()
        .filter((a) => a.type === "IMAGE" && a.name.startsWith(`${FOLDER}/${collection}/`))
        .map((a) => a.name)
        .sort();

beforeAll(async () => {
    [emulator, gcs] = await Promise.all([startEmulator(), startFakeGcs()]);
    await gcs.createBucket(BUCKET);
    for (const day of ["20240101", "20240102", "20240103"]) await put(day);
    await publishCatalog(["2024-02-01", "2024-02-02", "2024-02-03"]);
    // A console's folder placeholder and a file the pattern leaves out: neither becomes an image.
    await gcs.putObject(BUCKET, "sst/", Buffer.alloc(0));
    await gcs.putObject(BUCKET, "sst/README.md", Buffer.from("about the archive"));
    sandbox = await createSandbox(path.join(__dirname, "sources-program"), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "e2e-sources-token",
        EARTHENGINE_CLOUD_STORAGE_ENDPOINT: gcs.endpoint,
    });
    stack = await newStack(sandbox, "sources");
    await stack.setConfig("sources", { value: JSON.stringify(SOURCES) });
});

// The sandbox's cleanup removes the backend with the stack: no `pulumi stack rm` needed.
afterAll(async () => {
    sandbox?.cleanup();
    await Promise.all([emulator?.close(), gcs?.stop()]);
});

test("1. up registers the bucket prefix's files and the STAC catalog's items as dated collections, one image per object or item", async () => {
    await stack.up();
    expect(imageNames()).toEqual(["20240101", "20240102", "20240103"].map((day) => `${FOLDER}/sst/sst_${day}`));
    expect(emulator.assets().find((a) => a.name === `${FOLDER}/sst/sst_20240102`)).toMatchObject({
        startTime: "2024-01-02T00:00:00Z",
        endTime: "2024-01-03T00:00:00Z",
        tilesets: [{ sources: [{ uris: [`gs://${BUCKET}/sst/sst_20240102.tif`] }] }],
    });
    expect(imageNames("scenes")).toEqual(["01", "02", "03"].map((day) => `${FOLDER}/scenes/scene_2024-02-${day}`));
    expect(emulator.assets().find((a) => a.name === `${FOLDER}/scenes/scene_2024-02-02`)).toMatchObject({
        startTime: "2024-02-02T00:00:00Z",
        tilesets: [{ id: "data", sources: [{ uris: [`gs://${BUCKET}/stac/items/scene.2024-02-02.tif`] }] }],
        properties: { eo_cloud_cover: 0, tile_index: 0 },
    });
});

// One up, not a preview and an up: up's step events are the plan a preview shows (the same engine
// steps), and each engine command costs CI seconds.
test("2. two files added and one removed in the bucket, two items added and one removed in the catalog: the next up plans exactly 2 creates and 1 delete for each, and makes just those calls", async () => {
    await Promise.all([
        put("20240104"),
        put("20240105"),
        gcs.deleteObject(BUCKET, "sst/sst_20240101.tif"),
        publishCatalog(["2024-02-02", "2024-02-03", "2024-02-04", "2024-02-05"]),
    ]);
    const steps = new StepRecorder();
    const { calls } = await callsDuring(emulator, () => stack.up({ onEvent: steps.onEvent }));
    expect(steps.steps.sort()).toEqual([
        "create scenes/scene_2024-02-04",
        "create scenes/scene_2024-02-05",
        "create sst/sst_20240104",
        "create sst/sst_20240105",
        "delete scenes/scene_2024-02-01",
        "delete sst/sst_20240101",
    ]);
    expect(countCalls(calls.filter((c) => c.method !== "GET"))).toEqual({ "POST importExternal": 4, DELETE: 2 });
    expect(imageNames()).toEqual(["20240102", "20240103", "20240104", "20240105"].map((day) => `${FOLDER}/sst/sst_${day}`));
    expect(imageNames("scenes")).toEqual(["02", "03", "04", "05"].map((day) => `${FOLDER}/scenes/scene_2024-02-${day}`));
});
