import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import {
    createSandbox,
    type EngineSandbox,
    newStack,
    REPO_ROOT,
    storedDeployment,
    storedLastUpdate,
    storedStackOutputs,
} from "./support/engine";
import { callLinesDuring, EXTERNAL_IMAGE_TYPE, StepRecorder } from "./support/events";
import { sdkFloor } from "./support/sdk";

// A smoke test beside the oldest @pulumi/pulumi package.json's range admits (installed once into
// the cache by the e2e global setup): the SDK-dependent paths in one walk, namely the closure
// serializer writing __provider, the dynamic provider's create, diff, update and delete, and its
// read returning inputs (the feature that sets the floor, README "Supported versions") on refresh.
// Every other engine behaviour is in lifecycle.test.ts, beside the lockfile's SDK.
jest.setTimeout(10 * 60_000);

const FLOOR = sdkFloor();
const DEM = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/e2e/dem.json"), "utf8"));
const DEM_NAME: string = DEM.name;

let emulator: RunningEmulator;
let sandbox: EngineSandbox;
let stack: Stack;

const declareDem = (manifest: Record<string, unknown>) =>
    stack.setConfig("images", { value: JSON.stringify({ dem: { args: { imageManifest: manifest } } }) });

beforeAll(async () => {
    emulator = await startEmulator();
    sandbox = await createSandbox(
        path.join(__dirname, "program"),
        { EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: "floor-token" },
        { sdkVersion: FLOOR },
    );
    stack = await newStack(sandbox, "floor");
    await declareDem(DEM);
});

afterAll(async () => {
    sandbox?.cleanup();
    await emulator?.close();
});

test(`beside @pulumi/pulumi ${FLOOR}: create, a no-change preview, a __provider under 1 KB, refresh of drift, an update with one PATCH, destroy`, async () => {
    const steps = new StepRecorder();
    await stack.up({ onEvent: steps.onEvent });
    expect(storedStackOutputs(sandbox, "floor").sdkVersion).toBe(FLOOR);
    expect(steps.steps).toEqual(["create dem"]);
    expect(emulator.assets().map((a) => a.name)).toEqual([DEM_NAME]);

    await stack.preview({ expectNoChanges: true });

    const image = storedDeployment(sandbox, "floor").resources?.find((r) => r.type === EXTERNAL_IMAGE_TYPE);
    for (const provider of [image?.inputs?.__provider, image?.outputs?.__provider] as string[]) {
        expect(provider.length).toBeLessThan(1024);
        expect(provider).toContain('require("pulumi-earthengine/provider/shim")');
    }
    expect(image?.outputs?.updateTime).toBe(emulator.assets()[0].updateTime);

    const drift = await fetch(`${emulator.url}/v1alpha/${DEM_NAME}`, {
        method: "PATCH",
        headers: { authorization: "Bearer out-of-band", "content-type": "application/json" },
        body: JSON.stringify({ asset: { properties: { source: "edited-by-hand" } }, updateMask: "properties.source" }),
    });
    expect(drift.status).toBe(200);
    await stack.refresh();
    expect(storedLastUpdate(sandbox, "floor").resourceChanges?.update).toBe(1);

    await declareDem({ ...DEM, properties: { source: "survey-2027" } });
    expect(await callLinesDuring(emulator, () => stack.up())).toEqual([`PATCH /v1alpha/${DEM_NAME}`]);
    expect(emulator.assets()[0].properties).toEqual({ source: "survey-2027" });

    await stack.destroy();
    expect(emulator.assets()).toEqual([]);
});
