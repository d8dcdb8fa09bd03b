import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RecordedRequest, type RunningEmulator, startEmulator } from "../../emulator";
import { createSandbox, type EngineSandbox, newInlineStack, storedDeployment } from "./support/engine";

// Reported traps whose behaviour is the engine's (its order, its ignoreChanges step), in one
// stack and two ups: a stack made as every earlier release stored it, then one up that
// (a) ignores changed fields written in snake_case, by snake_case and by camelCase paths
//     (pulumi/pulumi#2657: the engine resets ignored paths from the stored, camelCase inputs),
// (b) renames an ExternalImageCollection: its images move, none is deleted or re-imported,
// (c) replaces an AssetIamPolicy by AssetIamMembers: no grant is revoked (terraform-provider-google#1613).
jest.setTimeout(10 * 60_000);

const TOKEN = "e2e-reports-token-7c3e";
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/e2e/reports.json"), "utf8"));
const FOLDER: string = spec.before.folder;
const SCENES = ["scene_snake_path", "scene_camel_path"].map((id) => `${FOLDER}/${id}`);

let emulator: RunningEmulator;
let sandbox: EngineSandbox;
let stack: Stack;

const line = (c: RecordedRequest) => `${c.method} ${c.path.replace(/^\/v1\w*\//, "")}`;
const asset = (name: string) => emulator.assets().find((a) => a.name === name);

beforeAll(async () => {
    emulator = await startEmulator();
    sandbox = await createSandbox(path.join(__dirname, "reports-program"), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN,
    });
    stack = await newInlineStack(sandbox, "reports");
    await stack.setConfig("reports", { value: JSON.stringify(spec.before) });
    await stack.up();
});

// The sandbox's cleanup removes the backend with the stack: no `pulumi stack rm` needed.
afterAll(async () => {
    sandbox?.cleanup();
    await emulator?.close();
});

test("1. the stack stores the images' inputs as every release so far did: camelCase, without ignoreChanges", async () => {
    // The backend's file as `pulumi stack export` prints it, read without starting the CLI.
    const resources = storedDeployment(sandbox, "reports").resources ?? [];
    const scenes = resources.filter((r) => r.type.endsWith(":ExternalImage") && String(r.inputs?.assetName).includes("scene_"));
    expect(scenes).toHaveLength(2);
    for (const scene of scenes) {
        expect(scene.inputs?.ignoreChanges).toBeUndefined();
        expect(scene.inputs?.imageManifest).toMatchObject({ startTime: "2024-01-01T00:00:00Z", bands: [{ pyramidingPolicy: "MODE" }] });
        expect(scene.inputs?.imageManifest).not.toHaveProperty("start_time");
    }
});

test("2. one up: ignored fields kept in either spelling, the collection's images moved, every grant kept", async () => {
    await stack.setConfig("reports", { value: JSON.stringify(spec.after) });
    const mark = emulator.requests().length;
    await stack.up();
    const calls = emulator.requests().slice(mark);
    const writes = calls.filter((c) => c.method !== "GET" && !c.path.endsWith(":getIamPolicy")).map(line);

    // (a) The ignored start time and pyramiding policy: no PATCH, no re-import, the stored values kept.
    for (const scene of SCENES) {
        expect(writes.filter((w) => w.includes(scene))).toEqual([]);
        expect(asset(scene)).toMatchObject({ startTime: "2024-01-01T00:00:00Z", bands: [{ pyramidingPolicy: "MODE" }] });
    }
    // (b) The new collection first, the images moved into it, the old collection deleted last; no image deleted or imported.
    const oldCollection = `${FOLDER}/ndvi`;
    const moves = writes.filter((w) => w.endsWith(":move"));
    expect(moves.sort()).toEqual([`POST ${oldCollection}/2024_01:move`, `POST ${oldCollection}/2024_02:move`]);
    expect(writes.filter((w) => w.startsWith("DELETE"))).toEqual([`DELETE ${oldCollection}`]);
    expect(writes.indexOf(`DELETE ${oldCollection}`)).toBeGreaterThan(writes.lastIndexOf(moves[1]));
    expect(calls.filter((c) => c.path.endsWith(":importExternal"))).toEqual([]);
    expect(emulator.assets().filter((a) => a.type === "IMAGE" && a.name.includes("/ndvi_v2/"))).toHaveLength(2);
    // (c) The policy's delete came last and revoked nothing the members declare (one spelling of ana kept).
    const policy = emulator.policy(FOLDER).bindings ?? [];
    expect(policy).toEqual([{ role: "roles/viewer", members: ["allUsers", "user:ana@example.com"] }]);
});
