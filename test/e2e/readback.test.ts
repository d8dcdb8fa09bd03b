import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { createSandbox, type EngineSandbox, newStack, REPO_ROOT, storedDeployment } from "./support/engine";
import { callLinesDuring, EXTERNAL_IMAGE_TYPE } from "./support/events";

// A read-back that fails after a successful import, through the real engine: the cause is printed,
// the asset is tracked, and the next up completes its outputs without writing again. What the
// provider returns for it (the error's id, properties and reasons; diff and update afterwards,
// down to no change) is in test/integration/provider.test.ts; this is what the engine makes of it.
jest.setTimeout(10 * 60_000);

const DEM = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/e2e/dem.json"), "utf8"));

let emulator: RunningEmulator;
let sandbox: EngineSandbox;
let stack: Stack;

beforeAll(async () => {
    emulator = await startEmulator();
    sandbox = await createSandbox(path.join(__dirname, "program"), { EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: "t" });
    stack = await newStack(sandbox, "readback");
    await stack.setConfig("earthengine:maxRetries", { value: "1" });
    await stack.setConfig("images", { value: JSON.stringify({ dem: { args: { imageManifest: DEM } } }) });
});

afterAll(async () => {
    await stack?.workspace.removeStack("readback", { force: true }).catch(() => undefined);
    sandbox?.cleanup();
    await emulator?.close();
});

const image = () => storedDeployment(sandbox, "readback").resources?.find((r) => r.type === EXTERNAL_IMAGE_TYPE);

test("the engine shows the cause, keeps the asset, and the next up reads it back", async () => {
    emulator.addFault({ status: 500, method: "GET", count: 2, message: "storage backend exploded", retryAfterSeconds: 0 });
    const failed = await stack.up().then(
        () => undefined,
        (error: Error) => error,
    );
    expect(failed?.message).toMatch(/storage backend exploded/);
    expect(failed?.message).toMatch(/the next pulumi up reads it again/);
    expect(emulator.assets()).toHaveLength(1);
    const tracked = image();
    expect(tracked?.id).toBe(DEM.name);
    expect(tracked?.outputs?.updateTime).toBeUndefined();

    expect(await callLinesDuring(emulator, () => stack.up())).toEqual([`GET /v1alpha/${DEM.name}`]);
    expect(image()?.outputs?.updateTime).toBe(emulator.assets()[0].updateTime);
});
