import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import type { RecordedRequest } from "../../emulator";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { backendDir, createSandbox, type EngineSandbox, newInlineStack, storedLastUpdate } from "./support/engine";
import { callsDuring } from "./support/events";

// The asset tree through the real engine: a folder, a collection named from the folder's
// assetName, public read on the collection and 20 readers on the folder, each step checked
// against the emulator's request log. Steps build on each other, in order.
jest.setTimeout(20 * 60_000);

const TOKEN = "e2e-tree-token-41d2";
const FOLDER = "projects/e2e-project/assets/archive";
const COLLECTION = `${FOLDER}/ndvi_monthly`;
const READERS = 20;
const readers = Array.from({ length: READERS }, (_, i) => `user:reader${i}@example.com`).sort();

interface Tree {
    folder: { name: string; forceDestroy?: boolean };
    collection?: { properties?: Record<string, string | number>; startTime?: string; endTime?: string };
    publicRead?: boolean;
    readers?: number;
}

let emulator: RunningEmulator;
let sandbox: EngineSandbox;
let stack: Stack;
let tree: Tree;

async function declare(next: Tree): Promise<void> {
    tree = next;
    await stack.setConfig("tree", { value: JSON.stringify(next) });
}

/** `METHOD path` without the version, for order assertions. */
const line = (c: RecordedRequest) => `${c.method} ${c.path.replace(/^\/v1alpha\//, "")}`;
const writes = (calls: RecordedRequest[]) => calls.filter((c) => !(c.method === "GET" || c.path.endsWith(":getIamPolicy"))).map(line);

function directCall(method: string, apiPath: string, body?: unknown): Promise<Response> {
    return fetch(`${emulator.url}/v1alpha/${apiPath}`, {
        method,
        headers: { authorization: "Bearer out-of-band", "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
}

const policyOf = async (name: string) =>
    ((await (await directCall("POST", `${name}:getIamPolicy`, {})).json()) as { bindings?: { role: string; members: string[] }[] })
        .bindings ?? [];
const asset = (name: string) => emulator.assets().find((a) => a.name === name);
const outsideImage = (name: string) =>
    directCall("POST", "projects/e2e-project/image:importExternal", {
        imageManifest: { name, tilesets: [{ sources: [{ uris: [`gs://e2e-bucket/${name.split("/").pop()}.tif`] }] }] },
    });

beforeAll(async () => {
    emulator = await startEmulator();
    // The token from the environment, as a pipeline gives it (a secret in config costs a CLI run; lifecycle and hostile test that path).
    sandbox = await createSandbox(path.join(__dirname, "tree"), { EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN });
    stack = await newInlineStack(sandbox, "tree");
    await stack.setConfig("earthengine:project", { value: "e2e-quota-project" });
    await declare({
        folder: { name: FOLDER, forceDestroy: true },
        collection: { properties: { source: "sentinel-2", version: 3 }, startTime: "2024-01-01T00:00:00Z" },
        publicRead: true,
        readers: READERS,
    });
});

afterAll(async () => {
    sandbox?.cleanup();
    await emulator?.close();
});

test("1. one up creates the folder, then the collection inside it, public read and 20 readers: nothing lost", async () => {
    const { calls } = await callsDuring(emulator, () => stack.up());
    const lines = writes(calls);
    const folderCreate = lines.indexOf("POST projects/e2e-project/assets");
    const creates = calls.filter((c) => c.method === "POST" && c.path.endsWith("/assets"));
    expect(creates.map((c) => c.query.assetId)).toEqual(["archive", "archive/ndvi_monthly"]); // parent first
    expect(folderCreate).toBe(0);
    const sets = calls.filter((c) => c.path.endsWith(":setIamPolicy"));
    expect(sets).toHaveLength(READERS + 1);
    expect(sets.every((c) => c.status === 200)).toBe(true);
    // Each write carried the etag it read; the per-asset lock means none raced.
    expect(sets.every((c) => typeof (c.body as { policy: { etag?: string } }).policy.etag === "string")).toBe(true);
    expect(await policyOf(FOLDER)).toEqual([{ role: "roles/viewer", members: readers }]);
    expect(await policyOf(COLLECTION)).toEqual([{ role: "roles/viewer", members: ["allUsers"] }]);
    expect(asset(COLLECTION)).toMatchObject({
        type: "IMAGE_COLLECTION",
        properties: { source: "sentinel-2", version: 3 },
        startTime: "2024-01-01T00:00:00Z",
    });
});

test("2. a change of collection properties is patched in place with one PATCH", async () => {
    await declare({ ...tree, collection: { ...tree.collection, properties: { source: "sentinel-2", version: 4 } } });
    // Preview shows the one update up makes: the collection's assetName stays known, so the
    // public-read member that uses it is not shown as replaced.
    const preview = await stack.preview();
    expect(preview.changeSummary.update).toBe(1);
    expect(preview.changeSummary.replace ?? 0).toBe(0);
    expect(preview.changeSummary.create ?? 0).toBe(0);
    const { calls } = await callsDuring(emulator, () => stack.up());
    expect(storedLastUpdate(sandbox, "tree").resourceChanges).toMatchObject({ update: 1 });
    expect(writes(calls)).toEqual([`PATCH ${COLLECTION}`]);
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({
        asset: { properties: { version: 4 } },
        updateMask: 'properties."version"',
    });
    expect(asset(COLLECTION)?.properties).toEqual({ source: "sentinel-2", version: 4 });
});

test("3. refresh sees out-of-band changes (collection metadata, a removed reader) and up repairs them", async () => {
    await directCall("PATCH", `${COLLECTION}?updateMask=properties.version`, { asset: { properties: { version: 99 } } });
    await directCall("POST", `${FOLDER}:setIamPolicy`, { policy: { bindings: [{ role: "roles/viewer", members: readers.slice(1) }] } });
    await stack.refresh();
    expect(storedLastUpdate(sandbox, "tree").resourceChanges).toMatchObject({ update: 1, delete: 1 });
    const { calls } = await callsDuring(emulator, () => stack.up());
    expect(writes(calls).sort()).toEqual([`PATCH ${COLLECTION}`, `POST ${FOLDER}:setIamPolicy`]);
    expect(asset(COLLECTION)?.properties).toEqual({ source: "sentinel-2", version: 4 });
    expect(await policyOf(FOLDER)).toEqual([{ role: "roles/viewer", members: readers }]);
    // Then nothing is left to change, and a no-change preview makes no Earth Engine call.
    const noChange = await callsDuring(emulator, () => stack.preview({ expectNoChanges: true }));
    expect(noChange.calls).toEqual([]);
});

test("4. every kind's __provider in state is a short require() of its own shim module", () => {
    const stateFile = path.join(backendDir(sandbox), ".pulumi/stacks/e2e-earthengine-tree/tree.json");
    const state = fs.readFileSync(stateFile, "utf8");
    expect(state).not.toContain(TOKEN);
    const resources = JSON.parse(state).checkpoint.latest.resources as { type: string; outputs?: Record<string, string> }[];
    const shims: Record<string, string> = {
        Folder: "folder",
        ImageCollection: "imageCollection",
        AssetIamMember: "assetIamMember",
    };
    const ours = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/earthengine:"));
    expect(ours).toHaveLength(3 + READERS);
    for (const r of ours) {
        const kind = r.type.split(":").pop() ?? "";
        expect(r.outputs?.__provider).toContain(`require("pulumi-earthengine/provider/shim/${shims[kind]}")`);
        expect(r.outputs?.__provider.length).toBeLessThan(1024);
    }
});

test("5. destroy removes everything children first; forceDestroy takes the images made outside Pulumi", async () => {
    expect((await outsideImage(`${FOLDER}/outside_a`)).status).toBe(200);
    expect((await directCall("POST", "projects/e2e-project/assets?assetId=archive/hand_made", { type: "FOLDER" })).status).toBe(200);
    expect((await outsideImage(`${FOLDER}/hand_made/outside_b`)).status).toBe(200);
    const { calls } = await callsDuring(emulator, () => stack.destroy());
    const lines = writes(calls);
    const at = (l: string) => lines.indexOf(l);
    // Members before the asset they grant on; the collection before its folder; the folder's outside children before it.
    const memberOnCollection = lines.indexOf(`POST ${COLLECTION}:setIamPolicy`);
    expect(memberOnCollection).toBeGreaterThanOrEqual(0);
    expect(memberOnCollection).toBeLessThan(at(`DELETE ${COLLECTION}`));
    expect(lines.filter((l) => l === `POST ${FOLDER}:setIamPolicy`)).toHaveLength(READERS);
    expect(lines.lastIndexOf(`POST ${FOLDER}:setIamPolicy`)).toBeLessThan(at(`DELETE ${FOLDER}`));
    expect(at(`DELETE ${COLLECTION}`)).toBeLessThan(at(`DELETE ${FOLDER}`));
    expect(at(`DELETE ${FOLDER}/hand_made/outside_b`)).toBeLessThan(at(`DELETE ${FOLDER}/hand_made`));
    expect(at(`DELETE ${FOLDER}/hand_made`)).toBeLessThan(at(`DELETE ${FOLDER}`));
    expect(at(`DELETE ${FOLDER}/outside_a`)).toBeLessThan(at(`DELETE ${FOLDER}`));
    expect(lines[lines.length - 1]).toBe(`DELETE ${FOLDER}`);
    expect(calls.filter((c) => c.path.endsWith(":listAssets")).every((c) => c.query.view === "BASIC")).toBe(true);
    expect(emulator.assets()).toEqual([]);
});
