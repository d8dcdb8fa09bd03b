import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import type { RecordedRequest } from "../../emulator/requestLog";
import { recordedImagesOf } from "../../provider/externalImageSet/plan";
import { createSandbox, type EngineSandbox, newInlineStack, storedDeployment, storedStackOutputs, UNTHROTTLED } from "./support/engine";
import { callsDuring, countCalls } from "./support/events";
import { killRun, pulumiInGroup, removeTornSidecars, until } from "./support/kill";

// Batch mode through the real engine and the emulator, one stack, steps building on each other:
// create, refresh after out-of-band changes, a change of a few entries (preview --diff, then the
// exact writes, and retainOnDelete set on the set), SIGKILL mid-up and recovery, migration to per-image mode and back without a
// DELETE, a failed up and the destroy right after it.
jest.setTimeout(20 * 60_000);

const FOLDER = "projects/batch-project/assets/archive";
const COLLECTION = `${FOLDER}/ndvi`;
const SET_TYPE = "pulumi-nodejs:dynamic/earthengine:ExternalImageSet";
const IMAGE_TYPE = "pulumi-nodejs:dynamic/earthengine:ExternalImage";
const DEFAULTS = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/e2e/batch-defaults.json"), "utf8"));
const STACK = "batch";

/** Entry `dNNNN` for image NNNN: its COG and its day. */
function entries(from: number, count: number): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (let i = from; i < from + count; i++) {
        const start = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString();
        out[`d${String(i).padStart(4, "0")}`] = { uri: `d${i}.tif`, startTime: start };
    }
    return out;
}

let emulator: RunningEmulator;
let sandbox: EngineSandbox;
let stack: Stack;
let images: Record<string, Record<string, unknown>> = entries(0, 20);

async function declare(spec: { batch: boolean; retain?: boolean }, next = images): Promise<void> {
    images = next;
    await stack.setConfig("archive", { value: JSON.stringify({ folder: FOLDER, defaults: DEFAULTS, images, ...spec }) });
}

const imageAssets = () =>
    emulator
        .assets()
        .filter((a) => a.type === "IMAGE")
        .map((a) => a.name)
        .sort();
const declaredNames = () =>
    Object.keys(images)
        .map((key) => `${COLLECTION}/${key}`)
        .sort();

async function resourcesOfType(type: string): Promise<Record<string, unknown>[]> {
    return (storedDeployment(sandbox, STACK).resources ?? []).filter((r) => r.type === type) as unknown as Record<string, unknown>[];
}

beforeAll(async () => {
    emulator = await startEmulator();
    sandbox = await createSandbox(path.join(__dirname, "batch-program"), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "e2e-batch-token",
    });
    stack = await newInlineStack(sandbox, STACK);
    await stack.setAllConfig(UNTHROTTLED); // the migrations adopt every image both ways
    await declare({ batch: true });
});

afterAll(async () => {
    sandbox?.cleanup();
    await emulator?.close();
});

test("1. up registers 20 images through one ExternalImageSet: one import each and one listing page", async () => {
    const { calls } = await callsDuring(emulator, () => stack.up());
    expect(countCalls(calls)).toEqual({ "POST create": 2, GET: 2, "POST importExternal": 20, "GET listAssets": 1 });
    expect(imageAssets()).toEqual(declaredNames());
    expect(await resourcesOfType(IMAGE_TYPE)).toEqual([]);
    const [set] = await resourcesOfType(SET_TYPE);
    expect(Object.keys((set.outputs as { updateTimes: object }).updateTimes)).toHaveLength(20);
    expect(storedStackOutputs(sandbox, STACK).imageNames).toMatchObject({ d0000: `${COLLECTION}/d0000` });
});

test("2. refresh after out-of-band changes: one listing page and one GET for the image that moved", async () => {
    const headers = { authorization: "Bearer out-of-band", "content-type": "application/json" };
    await fetch(`${emulator.url}/v1alpha/${COLLECTION}/d0003?updateMask=properties.source`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ asset: { properties: { source: "by-hand" } } }),
    });
    await fetch(`${emulator.url}/v1alpha/${COLLECTION}/d0004`, { method: "DELETE", headers });
    const { calls } = await callsDuring(emulator, () => stack.refresh());
    const setCalls = calls.filter((c) => c.path.includes(`${COLLECTION}/`) || c.path.endsWith(":listAssets"));
    expect(setCalls.map((c) => `${c.method} ${c.path.split("/").pop()}`)).toEqual(["GET ndvi:listAssets", "GET d0003"]);
    const [set] = await resourcesOfType(SET_TYPE);
    const recorded = recordedImagesOf(set.outputs as Record<string, unknown>);
    expect(recorded).not.toHaveProperty("d0004");
    expect(recorded.d0003.properties).toEqual({ source: "by-hand" });
    expect((set.inputs as { images: unknown }).images).toEqual(recorded); // what preview --diff compares with
});

describe("3. a change of a few entries", () => {
    beforeAll(async () => {
        const next = { ...images, ...entries(40, 1) }; // d0040
        next.d0001 = { ...next.d0001, properties: { cloud: 7 } };
        next.d0002 = { ...next.d0002, properties: { cloud: 9 } };
        next.d0005 = { ...next.d0005, uri: "d5-v2.tif" };
        delete next.d0006;
        // The same up sets the set's retainOnDelete, which step 5's migration needs: an option, so no
        // Earth Engine call (the up below counts every write).
        await declare({ batch: true, retain: true }, next);
    });

    test("preview --diff shows the summary and marks exactly the images that change, with no Earth Engine call", async () => {
        const { result, calls } = await callsDuring(emulator, () => stack.preview({ diff: true }));
        expect(calls).toEqual([]);
        // Created: d0040 and d0004 (deleted out of band); changed: d0001, d0002, d0005 and d0003 (patched out of band).
        expect(result.stdout).toContain('changeSummary: "+2 ~4 -1"');
        // The engine marks exactly the images that change (it prints the unchanged ones as context,
        // without a marker: the Node dynamic host forwards no detailed diff).
        const setDiff = result.stdout.split("--outputs:--")[0];
        const marked = [...setDiff.matchAll(/^\s*([-+~]) (d\d{4})\s*:/gm)].map((m) => `${m[1]}${m[2]}`).sort();
        expect(marked).toEqual(["+d0004", "+d0040", "-d0006", "~d0001", "~d0002", "~d0003", "~d0005"]);
        expect(result.changeSummary.update).toBe(1);
    });

    test("up sends exactly those writes: 3 patches, 3 imports (one a re-import), 1 delete, one listing page", async () => {
        const { calls } = await callsDuring(emulator, () => stack.up());
        expect(countCalls(calls)).toEqual({ PATCH: 3, "POST importExternal": 3, DELETE: 1, "GET listAssets": 1 });
        const key = (c: RecordedRequest) => c.path.split("/").pop();
        expect(
            calls
                .filter((c) => c.method === "PATCH")
                .map((c) => `${key(c)} ${(c.body as { updateMask: string }).updateMask}`)
                .sort(),
        ).toEqual(['d0001 properties."cloud"', 'd0002 properties."cloud"', 'd0003 properties."source"']);
        const imports = calls.filter((c) => c.path.endsWith(":importExternal")).map((c) => c.body as Record<string, never>);
        expect(imports.map((b) => `${(b.imageManifest as { name: string }).name.split("/").pop()} ${b.overwrite}`).sort()).toEqual([
            "d0004 false",
            "d0005 true",
            "d0040 false",
        ]);
        expect(calls.find((c) => c.method === "DELETE")?.path).toMatch(/\/d0006$/);
        expect(imageAssets()).toEqual(declaredNames());
    });
});

test("4. SIGKILL mid-up, then cancel and up: every image once, recorded, nothing leaked", async () => {
    const before = imageAssets().length;
    await declare({ batch: true, retain: true }, { ...images, ...entries(100, 30) });
    emulator.setFaultPlan({ rules: [{ method: "POST", pathContains: "importExternal", latencyMs: 1500 }] });
    const up = pulumiInGroup(sandbox, STACK, ["up", "--yes", "--skip-preview"]);
    await until(() => imageAssets().length >= before + 10, "10 of the 30 new images");
    await killRun(sandbox, up);
    removeTornSidecars(sandbox); // the README's repair, when the kill tore the state's sidecar (rare; crash.test.ts shows it)
    emulator.setFaultPlan({});
    expect(imageAssets().length).toBeLessThan(before + 30);

    await stack.cancel().catch(() => undefined); // the lock, when the kill left one
    const { calls } = await callsDuring(emulator, () => stack.up()); // rejects unless the update succeeds
    expect(imageAssets()).toEqual(declaredNames());
    // Exactly once: an image the killed run registered is adopted (409, then read), never imported twice.
    const registered = calls.filter((c) => c.path.endsWith(":importExternal") && c.status === 200);
    const names = registered.map((c) => (c.body as { imageManifest: { name: string } }).imageManifest.name);
    expect(new Set(names).size).toBe(names.length);
    const [set] = await resourcesOfType(SET_TYPE);
    expect(Object.keys((set.outputs as { updateTimes: object }).updateTimes).sort()).toEqual(Object.keys(images).sort());
});

test("5. migration to per-image mode and back (the set retained on delete since step 3's up): one up each way, and not one DELETE", async () => {
    const count = imageAssets().length;
    // Per-image mode: each image is adopted (409, then read); the set leaves state only.
    await declare({ batch: false, retain: true });
    const toPerImage = await callsDuring(emulator, () => stack.up());
    expect(toPerImage.calls.filter((c) => c.method === "DELETE" || c.method === "PATCH")).toEqual([]);
    expect(toPerImage.calls.filter((c) => c.path.endsWith(":importExternal") && c.status === 200)).toEqual([]);
    expect(await resourcesOfType(SET_TYPE)).toEqual([]);
    expect(await resourcesOfType(IMAGE_TYPE)).toHaveLength(count);
    // And back: the per-image resources are already retained, so one up.
    await declare({ batch: true, retain: true });
    const toBatch = await callsDuring(emulator, () => stack.up());
    expect(toBatch.calls.filter((c) => c.method === "DELETE" || c.method === "PATCH")).toEqual([]);
    expect(toBatch.calls.filter((c) => c.path.endsWith(":importExternal") && c.status === 200)).toEqual([]);
    expect(await resourcesOfType(IMAGE_TYPE)).toEqual([]);
    expect(imageAssets()).toHaveLength(count);
    await stack.preview({ expectNoChanges: true });
});

test("6. an up that fails midway records what it registered (with its provider), and destroy right after leaks nothing", async () => {
    await declare({ batch: true, retain: false }, { ...images, ...entries(300, 3) });
    emulator.addFault({ status: 400, method: "POST", pathContains: "importExternal", message: "Injected: bad COG header." });
    const failed = await stack.up().catch((error: Error) => error);
    expect(String(failed)).toMatch(/Could not update 1 image in .*ndvi/);
    expect(String(failed)).toContain("Injected: bad COG header.");
    const [set] = await resourcesOfType(SET_TYPE);
    const outputs = set.outputs as { __provider?: string };
    expect(outputs.__provider).toMatch(/pulumi-earthengine\/provider\/shim\/externalImageSet/);
    expect(Object.keys(recordedImagesOf(outputs))).toHaveLength(Object.keys(images).length - 1);
    const { calls } = await callsDuring(emulator, () => stack.destroy());
    expect(emulator.assets()).toEqual([]);
    process.stdout.write(`batch e2e: destroy of ${Object.keys(images).length - 1} images: ${JSON.stringify(countCalls(calls))}\n`);
});
