import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { createSandbox, type EngineSandbox, newStack, REPO_ROOT } from "./support/engine";
import { callsDuring, countCalls, StepRecorder } from "./support/events";

// Collections declared from where their files are, through the real engine: a bucket prefix in
// fake-gcs-server registered as a collection; files added and removed in the bucket become exactly
// that many creates and deletes. Two engine commands in all (up, up); the mappings themselves are
// in test/unit/sources.*.test.ts and test/integration/sources.bucket.test.ts.
jest.setTimeout(10 * 60_000);

const BUCKET = "e2e-sources";
const FOLDER = "projects/e2e-project/assets/sources";
const cog = fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/cog/valid.tif"));
const SOURCES = {
    folder: FOLDER,
    collections: [{ id: "sst", bucket: { uri: `gs://${BUCKET}/sst/`, match: "^sst_(?<startTime>\\d{8})\\.tif$", endTime: "period" } }],
};

let emulator: RunningEmulator;
let gcs: FakeGcs;
let sandbox: EngineSandbox;
let stack: Stack;

const put = (day: string) => gcs.putObject(BUCKET, `sst/sst_${day}.tif`, cog);
const imageNames = () =>
    emulator
        .assets()
        .filter((a) => a.type === "IMAGE")
        .map((a) => a.name)
        .sort();

beforeAll(async () => {
    [emulator, gcs] = await Promise.all([startEmulator(), startFakeGcs()]);
    await gcs.createBucket(BUCKET);
    for (const day of ["20240101", "20240102", "20240103"]) await put(day);
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

afterAll(async () => {
    await stack?.workspace.removeStack("sources", { force: true }).catch(() => undefined);
    sandbox?.cleanup();
    await Promise.all([emulator?.close(), gcs?.stop()]);
});

test("1. up registers the bucket prefix's files as a dated collection, one image per matching object", async () => {
    await stack.up();
    expect(imageNames()).toEqual(["20240101", "20240102", "20240103"].map((day) => `${FOLDER}/sst/sst_${day}`));
    expect(emulator.assets().find((a) => a.name === `${FOLDER}/sst/sst_20240102`)).toMatchObject({
        startTime: "2024-01-02T00:00:00Z",
        endTime: "2024-01-03T00:00:00Z",
        tilesets: [{ sources: [{ uris: [`gs://${BUCKET}/sst/sst_20240102.tif`] }] }],
    });
});

// One up, not a preview and an up: up's step events are the plan a preview shows (the same engine
// steps), and each engine command costs CI seconds.
test("2. two files added and one removed in the bucket: the next up plans exactly 2 creates and 1 delete, and makes just those calls", async () => {
    await Promise.all([put("20240104"), put("20240105"), gcs.deleteObject(BUCKET, "sst/sst_20240101.tif")]);
    const steps = new StepRecorder();
    const { calls } = await callsDuring(emulator, () => stack.up({ onEvent: steps.onEvent }));
    expect(steps.steps.sort()).toEqual(["create sst/sst_20240104", "create sst/sst_20240105", "delete sst/sst_20240101"]);
    expect(countCalls(calls.filter((c) => c.method !== "GET"))).toEqual({ "POST importExternal": 2, DELETE: 1 });
    expect(imageNames()).toEqual(["20240102", "20240103", "20240104", "20240105"].map((day) => `${FOLDER}/sst/sst_${day}`));
});
