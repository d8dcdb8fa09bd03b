#!/usr/bin/env node
// Records the upgrade test's fixture (test/fixtures/upgrade/) with the code as built now: runs
// this program once through the real engine against a fresh emulator, then saves the stack's
// exported state, the emulator's asset state file and every IAM policy (with its etag). Run it
// only with the code of the last release (then `npm run build`):
//
//   node test/e2e/upgrade-program/record.js          # test/fixtures/upgrade/ (one resource of each kind)
//   node test/e2e/upgrade-program/record.js batch    # test/fixtures/upgrade/batch/ (batch mode, program batch/)
//
// The upgrade test (test/e2e/upgrade.test.ts) imports that state into a new stack and runs the
// current code against it: preview, refresh and destroy must find nothing to change.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "../../..");
const { startEmulator } = require(path.join(root, "dist/emulator"));
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");

const variant = process.argv[2]; // undefined or "batch"
if (variant !== undefined && variant !== "batch") throw new Error(`unknown fixture ${variant}: give none or "batch"`);
const PROGRAM = variant ? path.join(__dirname, variant) : __dirname;
const FIXTURE = path.join(root, "test/fixtures/upgrade", variant ?? "");
const STACK = variant ? `upgrade-${variant}` : "upgrade";
const TOKEN = "e2e-upgrade-token";

async function main() {
    const binDir = execFileSync("bash", [path.join(root, "scripts/install-pulumi.sh")], { encoding: "utf8" })
        .trim()
        .split("\n")
        .pop();
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "ee-upgrade-record-"));
    const statePath = path.join(temp, "emulator-state.json");
    fs.mkdirSync(path.join(root, ".pulumi-local"), { recursive: true });
    const workDir = fs.mkdtempSync(path.join(root, ".pulumi-local", "upgrade-record-"));
    for (const file of ["Pulumi.yaml", "index.js", "package.json"]) fs.copyFileSync(path.join(PROGRAM, file), path.join(workDir, file));
    const emulator = await startEmulator({ statePath });
    try {
        fs.mkdirSync(path.join(temp, "backend"));
        const envVars = {
            PATH: `${binDir}:${process.env.PATH ?? ""}`,
            PULUMI_HOME: path.join(temp, "home"),
            PULUMI_BACKEND_URL: `file://${path.join(temp, "backend")}`,
            PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            EARTHENGINE_ENDPOINT: emulator.url,
            GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN,
        };
        const pulumiCommand = await PulumiCommand.get({ root: path.dirname(binDir) });
        const stack = await LocalWorkspace.createStack({ stackName: STACK, workDir }, { envVars, pulumiCommand });
        await stack.setConfig("earthengine:project", { value: "e2e-quota-project" });
        await stack.up();
        await stack.preview({ expectNoChanges: true });
        const deployment = await stack.exportStack();
        const names = emulator.assets().map((a) => a.name);
        const policies = Object.fromEntries(
            names.map((name) => [name, emulator.policy(name)]).filter(([, policy]) => (policy.bindings ?? []).length > 0),
        );
        fs.mkdirSync(FIXTURE, { recursive: true });
        fs.writeFileSync(path.join(FIXTURE, "stack.json"), `${JSON.stringify(deployment, null, 2)}\n`);
        fs.copyFileSync(statePath, path.join(FIXTURE, "emulator-state.json"));
        fs.writeFileSync(path.join(FIXTURE, "policies.json"), `${JSON.stringify(policies, null, 2)}\n`);
        const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
        const commit = execFileSync("git", ["-C", root, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
        fs.writeFileSync(path.join(FIXTURE, "recorded-with.json"), `${JSON.stringify({ version, commit }, null, 2)}\n`);
        await stack.destroy();
        await stack.workspace.removeStack(STACK);
    } finally {
        await emulator.close();
        fs.rmSync(temp, { recursive: true, force: true });
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
