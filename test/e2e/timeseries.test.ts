import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import {
    createSandbox,
    type EngineSandbox,
    newInlineStack,
    REPO_ROOT,
    storedStackOutputs,
    UNTHROTTLED,
    withLanguageHost,
} from "./support/engine";
import { callsDuring, countCalls, StepRecorder } from "./support/events";

// A folder, an ExternalImageCollection of 30 daily images and public read, through the real
// engine and the emulator; then 5 entries added, 3 dropped, 1 changed. Steps build on each other.
jest.setTimeout(30 * 60_000);

const BASE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/e2e/timeseries.json"), "utf8"));
const COLLECTION = `${BASE.folder}/${BASE.collection}`;

/** Entry `YYYY_MM_DD` for each of `days` consecutive days from `first` (UTC). */
function dailyEntries(first: string, days: number): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < days; i++) {
        const start = new Date(Date.parse(first) + i * 86_400_000);
        const end = new Date(start.getTime() + 86_400_000);
        const day = start.toISOString().slice(0, 10);
        out[day.replaceAll("-", "_")] = { uri: `${day}.tif`, startTime: start.toISOString(), endTime: end.toISOString() };
    }
    return out;
}

let emulator: RunningEmulator;
let sandbox: EngineSandbox;
let stack: Stack;
let images: Record<string, Record<string, unknown>>;

async function declare(next: Record<string, Record<string, unknown>>): Promise<void> {
    images = next;
    await stack.setConfig("timeseries", { value: JSON.stringify({ ...BASE, images }) });
}

const imageNames = () =>
    emulator
        .assets()
        .filter((a) => a.type === "IMAGE")
        .map((a) => a.name)
        .sort();
const expectedNames = () =>
    Object.keys(images)
        .map((key) => `${COLLECTION}/${key}`)
        .sort();

beforeAll(async () => {
    emulator = await startEmulator();
    sandbox = await createSandbox(path.join(__dirname, "timeseries-program"), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "e2e-timeseries-token",
    });
    stack = await newInlineStack(sandbox, "timeseries");
    await stack.setAllConfig(UNTHROTTLED);
    await declare(dailyEntries("2024-01-01T00:00:00Z", 30));
});

afterAll(async () => {
    sandbox?.cleanup();
    await emulator?.close();
});

test("1. up registers the folder, the collection, 30 dated images and public read", async () => {
    const { calls } = await callsDuring(emulator, () => stack.up());
    const counts = countCalls(calls);
    // Reported in the issue: the call counts of the 30-image scenario.
    process.stdout.write(`timeseries e2e: up of 30 images: ${JSON.stringify(counts)}\n`);
    // 2 containers created and read back, 30 images imported and read back, one policy read-modify-write.
    expect(counts).toEqual({ "POST create": 2, "POST importExternal": 30, GET: 32, "POST getIamPolicy": 1, "POST setIamPolicy": 1 });
    expect(
        calls.filter((c) => c.path.endsWith(":importExternal")).every((c) => (c.body as { overwrite: boolean }).overwrite === false),
    ).toBe(true);

    expect(imageNames()).toEqual(expectedNames());
    const first = emulator.assets().find((a) => a.name === `${COLLECTION}/2024_01_01`);
    expect(first).toMatchObject({
        startTime: "2024-01-01T00:00:00Z",
        endTime: "2024-01-02T00:00:00Z",
        properties: { product: "sst_daily", cloud: 0 },
    });
    expect(first?.tilesets?.[0].sources[0].uris).toEqual(["gs://e2e-bucket/sst/2024-01-01.tif"]);
    expect(emulator.assets().find((a) => a.name === COLLECTION)).toMatchObject({ type: "IMAGE_COLLECTION", properties: BASE.properties });
    const outputs = storedStackOutputs(sandbox, "timeseries");
    expect(outputs.collection).toBe(COLLECTION);
    expect(Object.keys(outputs.imageNames as object)).toHaveLength(30);
    const policy = (await (
        await fetch(`${emulator.url}/v1alpha/${COLLECTION}:getIamPolicy`, {
            method: "POST",
            headers: { authorization: "Bearer t", "content-type": "application/json" },
            body: "{}",
        })
    ).json()) as { bindings: unknown[] };
    expect(policy.bindings).toContainEqual(expect.objectContaining({ role: "roles/viewer", members: ["allUsers"] }));
});

// What the engine prints for a bad entry; every message of the constructor (bad keys, both uri and
// tilesets, many bad entries at once) is in test/unit/sdk.timeseries.test.ts.
test("2. an entry with both uri and tilesets fails the preview, naming the entry, before any Earth Engine call, in a few lines", async () => {
    const stable = images;
    await declare({ ...images, "2024_02_01": { uri: "x.tif", tilesets: [{ id: "0", sources: [{ uris: ["y.tif"] }] }] } });
    // Through the language host: how its process prints a program error is part of what is tested.
    const hosted = await withLanguageHost(sandbox, stack);
    const { result, calls } = await callsDuring(emulator, () => hosted.preview().catch((error: Error) => error));
    expect(String(result)).toMatch(/images\["2024_02_01"\]\.uri: give either uri \(one COG\) or tilesets, not both/);
    // The message alone: no stack trace and no inspection of the component object (which ran to
    // pages before the errors were raised with hideStack).
    expect(String(result)).not.toMatch(/__pulumiResource|\n\s+at /);
    expect(calls).toEqual([]);
    await declare(stable);
});

// The changed entry's property changes type (a number elsewhere, a string here): the step-3 preview
// also shows the program's warning, with no preview of its own.
describe("3. adding 5 entries, dropping 3 and changing 1 (a property changing type, which warns at preview)", () => {
    const added = dailyEntries("2024-01-31T00:00:00Z", 5);
    const dropped = ["2024_01_01", "2024_01_02", "2024_01_03"];
    const changed = "2024_01_10";

    beforeAll(async () => {
        const next = { ...images, ...added };
        for (const key of dropped) delete next[key];
        next[changed] = { ...next[changed], properties: { cloud: "low" } };
        await declare(next);
    });

    test("preview shows exactly those steps, warns of the property changing type naming the entries, and makes no Earth Engine call", async () => {
        const steps = new StepRecorder(true); // every resource type: the folder, collection and IAM stay the same
        const warnings: string[] = [];
        const { calls } = await callsDuring(emulator, () =>
            stack.preview({
                onEvent: (event) => {
                    steps.onEvent(event);
                    if (event.diagnosticEvent?.severity === "warning") warnings.push(event.diagnosticEvent.message);
                },
            }),
        );
        expect(calls).toEqual([]);
        expect(warnings.join("\n")).toMatch(
            new RegExp(
                `property "cloud" has two types \\(a number in images\\["2024_01_\\d\\d"\\].*; a string in images\\["${changed}"\\]`,
            ),
        );
        expect(steps.steps.sort()).toEqual(
            [
                ...Object.keys(added).map((key) => `create series/${key}`),
                ...dropped.map((key) => `delete series/${key}`),
                `update series/${changed}`,
            ].sort(),
        );
    });

    test("up makes only those calls: 5 imports with their read-backs, 3 deletes, 1 patch", async () => {
        const { calls } = await callsDuring(emulator, () => stack.up());
        expect(countCalls(calls)).toEqual({ "POST importExternal": 5, GET: 5, DELETE: 3, PATCH: 1 });
        expect(
            calls
                .filter((c) => c.method === "DELETE")
                .map((c) => c.path.split("/").pop())
                .sort(),
        ).toEqual(dropped);
        const patch = calls.find((c) => c.method === "PATCH");
        expect(patch?.path).toMatch(new RegExp(`/${changed}$`));
        expect(patch?.body).toMatchObject({ updateMask: 'properties."cloud"' }); // quoted keys, as main's patch-mask form sends them
        expect(imageNames()).toEqual(expectedNames());
        expect(emulator.assets().find((a) => a.name === `${COLLECTION}/${changed}`)?.properties).toEqual({
            product: "sst_daily",
            cloud: "low",
        });
        await stack.preview({ expectNoChanges: true });
    });
});

test("4. destroy removes the images, then the collection, then the folder", async () => {
    const { calls } = await callsDuring(emulator, () => stack.destroy());
    process.stdout.write(`timeseries e2e: destroy of 32 images: ${JSON.stringify(countCalls(calls))}\n`);
    const deletes = calls.filter((c) => c.method === "DELETE" && c.status === 200).map((c) => c.path.replace(/^\/v1\w*\//, ""));
    expect(deletes).toHaveLength(34);
    expect(deletes.slice(-2)).toEqual([COLLECTION, BASE.folder]);
    // Public read is revoked before its collection goes.
    const revoked = calls.findIndex((c) => c.path.endsWith(`${COLLECTION}:setIamPolicy`));
    const collectionDeleted = calls.findIndex((c) => c.method === "DELETE" && c.path.endsWith(COLLECTION));
    expect(revoked).toBeGreaterThanOrEqual(0);
    expect(revoked).toBeLessThan(collectionDeleted);
    expect(emulator.assets()).toEqual([]);
});
