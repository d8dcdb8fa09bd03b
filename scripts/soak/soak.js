#!/usr/bin/env node
// `npm run soak -- --assets N`: N ExternalImages through the real Pulumi engine against the
// emulator with 20% 429/503, 2% apply-then-drop, 1% resets and a concurrency cap of 40; then the
// emulator against state one for one, and `pulumi preview --expect-no-changes`. Prints
//   soak: N assets, F failed, D duplicate, M missing, R retries, C max concurrent
// last, and exits 1 unless F, D and M are 0, C is within the limit and both pulumi runs passed.
const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { parseArgs } = require("node:util");
const { startEmulator } = require("pulumi-earthengine/emulator");
const { convergence } = require("./convergence");
const { installedPath } = require("../installed");
const { storedDeployment, writePlainConfig } = require("../stackFiles");

const root = path.resolve(__dirname, "../..");
const STACK = "soak";
const ASSET_PROJECT = "soak-project";

const { values } = parseArgs({
    options: {
        assets: { type: "string", default: "1000" },
        // Above the cap on purpose: the provider's limiter, not the engine, must keep it under.
        parallel: { type: "string", default: "64" },
        "max-concurrent-requests": { type: "string", default: "20" },
        seed: { type: "string", default: "7" },
        keep: { type: "boolean", default: false },
    },
});
const count = wholeOption("assets", 1);
const parallel = wholeOption("parallel", 1);
const limit = wholeOption("max-concurrent-requests", 1);

function wholeOption(name, min) {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) {
        console.error(`soak: --${name} takes a whole number, at least ${min}; got "${values[name]}"`);
        process.exit(2);
    }
    return value;
}

/** Runs the CLI asynchronously (the emulator serves from this process); output goes to `logFile`. */
function pulumi(args, env, logFile) {
    return new Promise((resolve, reject) => {
        const out = fs.openSync(logFile, "a");
        fs.writeSync(out, `\n$ pulumi ${args.join(" ")}\n`);
        const child = spawn("pulumi", [...args, "--stack", STACK, "--non-interactive"], {
            cwd: env.SOAK_WORK,
            env,
            stdio: ["ignore", out, out],
        });
        child.on("error", reject);
        child.on("exit", (code) => {
            fs.closeSync(out);
            resolve(code ?? 1);
        });
    });
}

function capture(args, env) {
    return execFileSync("pulumi", [...args, "--stack", STACK, "--non-interactive"], {
        cwd: env.SOAK_WORK,
        env,
        encoding: "utf8",
        maxBuffer: 1 << 30,
    });
}

async function main() {
    // The CLI the e2e suites resolved once (test/e2e/support/globalSetup.ts), else found, cached or built.
    const binDir = process.env.PULUMI_EARTHENGINE_TEST_PULUMI_BIN || installedPath("install-pulumi.sh");
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "ee-soak-"));
    fs.mkdirSync(path.join(root, ".pulumi-local"), { recursive: true });
    // Inside the repository, so the program resolves pulumi-earthengine from node_modules.
    const work = fs.mkdtempSync(path.join(root, ".pulumi-local", "soak-"));
    fs.cpSync(path.join(__dirname, "program"), work, { recursive: true });
    fs.mkdirSync(path.join(temp, "backend"));
    const logFile = path.join(temp, "pulumi.log");

    const emulator = await startEmulator({
        faultPlan: {
            seed: Number(values.seed),
            maxConcurrentRequests: 40,
            rules: [{ probabilities: { 429: 0.1, 503: 0.1, applyThenDrop: 0.02, reset: 0.01 }, latencyMs: 40, retryAfterSeconds: 1 }],
        },
    });
    const env = {
        ...process.env,
        SOAK_WORK: work,
        PATH: `${binDir}:${process.env.PATH}`,
        PULUMI_HOME: path.join(temp, "home"),
        PULUMI_BACKEND_URL: `file://${path.join(temp, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "soak",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "soak-token",
    };
    let exitCode = 1;
    try {
        capture(["stack", "init"], env);
        // Plain config straight into the stack file: each `pulumi config set` is a CLI start.
        writePlainConfig(work, STACK, {
            count: String(count),
            assetProject: ASSET_PROJECT,
            "earthengine:project": "soak-quota-project",
            "earthengine:maxConcurrentRequests": String(limit),
        });

        const started = Date.now();
        const up = await pulumi(["up", "--yes", "--skip-preview", "--parallel", String(parallel)], env, logFile);
        const upSeconds = (Date.now() - started) / 1000;
        const requests = emulator.requests();
        const maxConcurrent = emulator.maxConcurrent();
        const deployment = storedDeployment(path.join(temp, "backend"), STACK);
        const preview = await pulumi(["preview", "--expect-no-changes"], env, logFile);

        const declared = Array.from({ length: count }, (_, i) => `projects/${ASSET_PROJECT}/assets/img-${String(i + 1).padStart(5, "0")}`);
        const result = convergence(deployment, emulator.assets(), requests, declared);
        const injected = requests.filter((r) => r.fault).length;
        // Each kind the fault plan injects, so a short run can show that every kind was absorbed.
        const byKind = { 429: 0, 503: 0, applyThenDrop: 0, reset: 0 };
        for (const r of requests) {
            if (r.fault === "status" && (r.status === 429 || r.status === 503)) byKind[r.status]++;
            else if (r.fault === "reset" || r.fault === "applyThenDrop") byKind[r.fault]++;
        }
        // A fault-free create is one import and one read.
        const retries = requests.length - 2 * count;
        console.log(`pulumi up: exit ${up}, ${upSeconds.toFixed(1)} s wall, ${requests.length} API requests, ${injected} injected faults`);
        console.log(`pulumi preview --expect-no-changes: exit ${preview}`);
        console.log(
            `injected: ${Object.entries(byKind)
                .map(([kind, n]) => `${n} ${kind}`)
                .join(", ")}`,
        );
        if (up !== 0 || preview !== 0) console.log(`pulumi output: ${logFile}`);
        for (const name of result.failed.slice(0, 10)) console.log(`  failed: ${name}`);
        for (const name of result.untracked.slice(0, 10)) console.log(`  in the emulator, not in state: ${name}`);
        for (const name of result.vanished.slice(0, 10)) console.log(`  in state, not in the emulator: ${name}`);
        const ok =
            up === 0 &&
            preview === 0 &&
            result.failed.length === 0 &&
            result.duplicate === 0 &&
            result.missing === 0 &&
            maxConcurrent <= limit;
        exitCode = ok ? 0 : 1;
        console.log(
            `soak: ${count} assets, ${result.failed.length} failed, ${result.duplicate} duplicate, ${result.missing} missing, ${retries} retries, ${maxConcurrent} max concurrent`,
        );
    } finally {
        await emulator.close();
        if (!values.keep && exitCode === 0) fs.rmSync(temp, { recursive: true, force: true });
        fs.rmSync(work, { recursive: true, force: true });
    }
    process.exitCode = exitCode;
}

main().catch((error) => {
    console.error(`soak: ${error.stack ?? error}`);
    process.exitCode = 1;
});
