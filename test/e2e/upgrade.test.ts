import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Deployment, Stack } from "@pulumi/pulumi/automation";
import { type RecordedRequest, type RunningEmulator, startEmulator } from "../../emulator";
import { recordedImagesOf } from "../../provider/externalImageSet/plan";
import {
    createSandbox,
    type EngineSandbox,
    newInlineStack,
    type StoredResource,
    storedDeployment,
    storedLastUpdate,
} from "./support/engine";
import { callsDuring } from "./support/events";

// The upgrade test: a stack holding one resource of every kind, made by the last release
// (test/fixtures/upgrade/, recorded by test/e2e/upgrade-program/record.js), is imported as it
// was stored and driven by the code of this checkout. Nothing may change: no replacement, no
// re-import, no update on preview or refresh, and destroy removes everything. Later changes to
// state extend this test (and say so in the fixture's README). The batch-mode stack
// (test/fixtures/upgrade/batch/, program upgrade-program/batch/) was recorded before the set's
// outputs held its images compactly: preview finds no change and refresh rewrites them, with no write.
// The programs run inline (newInlineStack): what the preview compares is what the engine and the
// provider make of the declarations and each resource's __provider, which an inline program
// serializes as the language host's process does (the short require() of its shim: tree.test.ts
// step 4), without a node process per preview that loads @pulumi/pulumi (about 5 CPU-s of the suite).
jest.setTimeout(10 * 60_000);

const FIXTURE = path.join(__dirname, "../fixtures/upgrade");
const STACK = "upgrade";
const TOKEN = "e2e-upgrade-token";
const TYPE_PREFIX = "pulumi-nodejs:dynamic/earthengine:";
const FOLDER = "projects/e2e-project/assets/upgrade";
const KINDS = ["ExternalImage", "Folder", "ImageCollection", "AssetIamMember", "AssetIamBinding", "AssetIamPolicy"];

interface StoredPolicy {
    etag: string;
    bindings: { role: string; members: string[] }[];
}

const BATCH_STACK = "upgrade-batch";
const BATCH_FOLDER = "projects/e2e-project/assets/upgrade-batch";
const SET_TYPE = `${TYPE_PREFIX}ExternalImageSet`;

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURE, file), "utf8")) as T;
const recorded = readJson<Deployment>("stack.json");
const recordedResources = (recorded.deployment.resources as StoredResource[]).filter((r) => r.type.startsWith(TYPE_PREFIX));
const batchRecorded = readJson<Deployment>("batch/stack.json");
const batchResources = batchRecorded.deployment.resources as StoredResource[];
const batchSets = batchResources.filter((r) => r.type === SET_TYPE);

let emulator: RunningEmulator;
let sandbox: EngineSandbox;
let stack: Stack;
let batchStack: Stack;
let temp: string;

const isWrite = (c: RecordedRequest) => !(c.method === "GET" || c.path.endsWith(":getIamPolicy") || c.path.endsWith(":listAssets"));

/** The emulator's etags count its policy writes; writing each recorded policy until its etag comes round restores it exactly. */
async function restorePolicies(policies: Record<string, StoredPolicy>): Promise<void> {
    const counter = (etag: string) => Number.parseInt(Buffer.from(etag, "base64").toString("hex"), 16);
    const ordered = Object.entries(policies).sort(([, a], [, b]) => counter(a.etag) - counter(b.etag));
    for (const [name, policy] of ordered) {
        for (let etag = ""; etag !== policy.etag; ) {
            const response = await fetch(`${emulator.url}/v1alpha/${name}:setIamPolicy`, {
                method: "POST",
                headers: { authorization: "Bearer fixture", "content-type": "application/json" },
                body: JSON.stringify({ policy: { bindings: policy.bindings } }),
            });
            if (response.status !== 200) throw new Error(`restoring the policy of ${name}: ${response.status} ${await response.text()}`);
            etag = ((await response.json()) as { etag: string }).etag;
            if (counter(etag) > counter(policy.etag)) throw new Error(`the policy of ${name} cannot get etag ${policy.etag} back`);
        }
    }
}

beforeAll(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), "ee-upgrade-"));
    const statePath = path.join(temp, "emulator-state.json");
    // The emulator rewrites its state file: a copy holding the assets of both fixtures.
    const states = ["emulator-state.json", "batch/emulator-state.json"].map((file) =>
        readJson<{ version: number; assets: unknown[] }>(file),
    );
    fs.writeFileSync(statePath, JSON.stringify({ ...states[0], assets: states.flatMap((state) => state.assets) }));
    emulator = await startEmulator({ statePath });
    await restorePolicies(readJson("policies.json"));
    sandbox = await createSandbox(path.join(__dirname, "upgrade-program"), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN,
    });
    stack = await newInlineStack(sandbox, STACK);
    await stack.setConfig("earthengine:project", { value: "e2e-quota-project" });
    await stack.importStack(recorded);
    // The batch program lives in the sandbox's batch/ directory: a project of its own, same backend.
    batchStack = await newInlineStack({ ...sandbox, workDir: path.join(sandbox.workDir, "batch") }, BATCH_STACK);
    await batchStack.setConfig("earthengine:project", { value: "e2e-quota-project" });
    await batchStack.importStack(batchRecorded);
});

afterAll(async () => {
    sandbox?.cleanup();
    await emulator?.close();
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

test("the fixture holds every kind, each stored with the short require() of its shim, as the last release wrote it", () => {
    expect([...new Set(recordedResources.map((r) => r.type.slice(TYPE_PREFIX.length)))].sort()).toEqual([...KINDS].sort());
    for (const resource of recordedResources) {
        const stored = String(resource.outputs?.__provider);
        expect(stored).toMatch(/require\("pulumi-earthengine\/provider\/shim(\/[A-Za-z]+)?"\)/);
        expect(stored.length).toBeLessThan(1024);
    }
});

test("1. preview with the new code expects no changes and makes no Earth Engine call", async () => {
    const { result, calls } = await callsDuring(emulator, () => stack.preview({ expectNoChanges: true, diff: true }));
    expect(result.changeSummary).toEqual({ same: recordedResources.length + 1 }); // + the stack
    expect(calls).toEqual([]);
});

test("2. refresh reads every resource and finds nothing changed: no write, no re-import", async () => {
    const { calls } = await callsDuring(emulator, () => stack.refresh());
    expect(storedLastUpdate(sandbox, STACK).resourceChanges).toEqual({ same: recordedResources.length + 1 });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter(isWrite)).toEqual([]);
    // Refresh leaves the stored state as the last release wrote it: the outputs still match.
    const resources = (storedDeployment(sandbox, STACK).resources ?? []).filter((r) => r.type.startsWith(TYPE_PREFIX));
    for (const before of recordedResources) {
        const after = resources.find((r) => r.urn === before.urn);
        expect({ urn: after?.urn, outputs: after?.outputs }).toEqual({ urn: before.urn, outputs: before.outputs });
    }
});

test("3. destroy with the new code removes every asset and grant; nothing is ever re-imported or replaced", async () => {
    const { calls } = await callsDuring(emulator, () => stack.destroy());
    expect(storedLastUpdate(sandbox, STACK).resourceChanges).toMatchObject({ delete: recordedResources.length + 1 });
    const deletes = calls.filter((c) => c.method === "DELETE").map((c) => c.path.replace(/^\/v1alpha\//, ""));
    expect([...deletes].sort()).toEqual([FOLDER, `${FOLDER}/dem`, `${FOLDER}/series`]);
    expect(deletes[deletes.length - 1]).toBe(FOLDER); // its children first
    expect(emulator.assets().filter((a) => !a.name.startsWith(`${BATCH_FOLDER}/`) && a.name !== BATCH_FOLDER)).toEqual([]);
    const recreated = emulator
        .requests()
        .filter((c) => c.path.endsWith(":importExternal") || (c.method === "POST" && c.path.endsWith("/assets")));
    expect(recreated).toEqual([]);
});

describe("the batch-mode stack, recorded before the set's images were recorded compactly", () => {
    test("the fixture holds a batch-mode collection's set and a set of its own, each image in full in its outputs", () => {
        expect(batchSets.map((r) => r.urn.split("::").pop()).sort()).toEqual(["loose", "ndvi"]);
        for (const set of batchSets) {
            expect(Object.keys(set.outputs?.images as object).length).toBeGreaterThan(0);
            expect(set.outputs).not.toHaveProperty("recordedImages");
        }
    });

    test("4. preview --diff with the new code: no change (no replacement, no re-import, no image changed) and no Earth Engine call", async () => {
        const { result, calls } = await callsDuring(emulator, () => batchStack.preview({ expectNoChanges: true, diff: true }));
        expect(result.changeSummary).toEqual({ same: batchResources.filter((r) => !r.type.startsWith("pulumi:providers:")).length });
        expect(result.stdout).not.toContain("changeSummary");
        expect(calls).toEqual([]);
    });

    test("5. refresh: one listing per set and no write; the images are then recorded compactly, unchanged", async () => {
        const { calls } = await callsDuring(emulator, () => batchStack.refresh());
        expect(storedLastUpdate(sandbox, BATCH_STACK).resourceChanges).toEqual({
            same: batchResources.filter((r) => !r.type.startsWith("pulumi:providers:")).length,
        });
        expect(calls.filter(isWrite)).toEqual([]);
        expect(calls.filter((c) => c.path.endsWith(":listAssets"))).toHaveLength(batchSets.length);
        const stored = (storedDeployment(sandbox, BATCH_STACK).resources ?? []).filter((r) => r.type === SET_TYPE);
        for (const before of batchSets) {
            const after = stored.find((r) => r.urn === before.urn);
            expect(after?.outputs).not.toHaveProperty("images");
            expect(recordedImagesOf(after?.outputs ?? {})).toEqual(before.outputs?.images);
            // The inputs as read: the images as declared; the change summary of the first up is gone (it is no input).
            const { changeSummary: _, ...declared } = before.inputs ?? {};
            expect(after?.inputs).toEqual(declared);
            expect(after?.outputs?.updateTimes).toEqual(before.outputs?.updateTimes);
        }
    });
});
