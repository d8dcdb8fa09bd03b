import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { createSandbox, newStack, REPO_ROOT, storedStackOutputs } from "./support/engine";

// The programs in examples/ as a user would run them: TypeScript, through the real engine, up and
// a no-change preview (the example's own manifests round-trip). Destroy of every kind the examples
// declare is walked by lifecycle.test.ts (7), sdkFloor.test.ts, tree.test.ts (5) and timeseries.test.ts (4).
// The engine runs them transpile-only (PULUMI_NODEJS_TRANSPILE_ONLY): `npm run lint` type-checks
// examples/*/index.ts, and ts-node's type-check cost seconds per engine command.
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
])("examples/%s goes through up and a no-change preview", async (example, assetNames) => {
    emulator.reset();
    const sandbox = await createSandbox(path.join(REPO_ROOT, "examples", example), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "example-token",
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    });
    try {
        const stack = await newStack(sandbox, `example-${example}`);
        await stack.setConfig("assetProject", { value: "example-project" });
        await stack.setConfig("bucket", { value: "example-bucket" });

        await stack.up();
        expect(storedStackOutputs(sandbox, `example-${example}`).assetName).toBe(assetNames[0]);
        expect(
            emulator
                .assets()
                .map((a) => a.name)
                .sort(),
        ).toEqual([...assetNames].sort());

        await stack.preview({ expectNoChanges: true });
    } finally {
        sandbox.cleanup();
    }
});
