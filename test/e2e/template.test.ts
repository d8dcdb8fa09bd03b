import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { newStack, sandboxFor } from "./support/engine";
import { packedPackage, pulumiSdkCopies, REPO_ROOT } from "./support/sdk";

// A new user's path: `pulumi new` from the template (offline, from its directory), the packed
// package installed with npm (it is not published yet), then preview and up.
jest.setTimeout(15 * 60_000);

const TEMPLATE = path.join(REPO_ROOT, "templates/earthengine-typescript");

let emulator: RunningEmulator;
beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());

/** Runs a command to completion; returns stdout and stderr together, failing with both on a non-zero exit. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
    const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
    const output = `${result.stdout}${result.stderr}`;
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${output}`);
    return output;
}

test("templates/earthengine-typescript: pulumi new --generate-only, npm install of the packed package, preview and up", async () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "ee-template-"));
    const projectDir = path.join(temp, "project");
    const sandbox = await sandboxFor(projectDir, { EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: "template-token" });
    try {
        run(
            "pulumi",
            ["new", TEMPLATE, "--generate-only", "--yes", "--name", "ee-template-e2e", "--dir", projectDir],
            temp,
            sandbox.envVars,
        );
        expect(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")).toMatch(/^name: ee-template-e2e$/m);
        expect(JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")).name).toBe("ee-template-e2e");

        const install = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", packedPackage(temp)], projectDir);
        // The template declares protobufjs's postinstall as not needed. npm 11 also lists the tarball's own
        // `prepare` (it lists `prepare` for every non-registry source, though it runs it only for folders and git).
        const unreviewed = [...install.matchAll(/^npm warn install-scripts {3}(\S+)/gm)].map((m) => m[1]);
        expect(unreviewed.filter((name) => !name.startsWith("pulumi-earthengine@"))).toEqual([]);
        expect(pulumiSdkCopies(projectDir)).toEqual(["node_modules/@pulumi/pulumi@3.248.0"]);

        const stack = await newStack(sandbox, "dev");
        await stack.setConfig("assetProject", { value: "template-project" });
        await stack.setConfig("assetId", { value: "dem" });
        await stack.setConfig("cogUri", { value: "gs://template-bucket/dem.tif" });

        const preview = await stack.preview();
        expect(preview.changeSummary.create).toBe(2); // the stack and the image
        expect(emulator.assets()).toEqual([]);

        const up = await stack.up();
        expect(up.outputs.assetName.value).toBe("projects/template-project/assets/dem");
        const [asset] = emulator.assets();
        expect(asset).toMatchObject({ name: "projects/template-project/assets/dem", properties: { managedBy: "pulumi" } });
        expect(asset.tilesets?.[0].sources[0].uris).toEqual(["gs://template-bucket/dem.tif"]);

        await stack.destroy();
        expect(emulator.assets()).toEqual([]);
    } finally {
        sandbox.cleanup();
        fs.rmSync(temp, { recursive: true, force: true });
    }
});
