import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { createSandbox, newStack, REPO_ROOT } from "./support/engine";

// The programs in examples/ as a user would run them: TypeScript, through the real engine.
jest.setTimeout(10 * 60_000);

let emulator: RunningEmulator;
beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());

const monthly = Array.from(
    { length: 12 },
    (_, m) => `projects/example-project/assets/archive/ndvi_monthly/2024_${String(m + 1).padStart(2, "0")}`,
);

// The first name is the program's assetName output.
test.each([
    ["basic", ["projects/example-project/assets/dem"]],
    ["multiband", ["projects/example-project/assets/scene_20260601"]],
    ["timeseries", ["projects/example-project/assets/archive/ndvi_monthly", "projects/example-project/assets/archive", ...monthly]],
])("examples/%s goes through up, a no-change preview, and destroy", async (example, assetNames) => {
    emulator.reset();
    const sandbox = await createSandbox(path.join(REPO_ROOT, "examples", example), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "example-token",
    });
    try {
        const stack = await newStack(sandbox, `example-${example}`);
        await stack.setConfig("assetProject", { value: "example-project" });
        await stack.setConfig("bucket", { value: "example-bucket" });

        const up = await stack.up();
        expect(up.outputs.assetName.value).toBe(assetNames[0]);
        expect(
            emulator
                .assets()
                .map((a) => a.name)
                .sort(),
        ).toEqual([...assetNames].sort());

        await stack.preview({ expectNoChanges: true });

        await stack.destroy();
        expect(emulator.assets()).toEqual([]);
        await stack.workspace.removeStack(`example-${example}`);
    } finally {
        sandbox.cleanup();
    }
});
