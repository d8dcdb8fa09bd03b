#!/usr/bin/env node
// The offline demo: the local Earth Engine emulator, fake-gcs-server as Cloud Storage, the real
// Pulumi engine. One image first (the root project, examples/basic): a preview that refuses a file
// that is not a COG, then up. Then an archive (examples/bucket): a folder and a collection
// registered from a bucket prefix, public read; a file added and one removed in the bucket, planned
// and converged by one up; destroy. Run with `npm run demo`.
const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { startEmulator } = require("pulumi-earthengine/emulator");
const { startFakeGcs } = require("./fake-gcs");

const root = path.resolve(__dirname, "..");
const work = path.join(root, ".pulumi-local", "demo");
const STACK = "demo";
const ARCHIVE = path.join(root, "examples/bucket");

function heading(text) {
    console.log(`\n\x1b[1m== ${text}\x1b[0m`);
}

// Asynchronous on purpose: the emulator serves requests from this same process.
function pulumi(args, env, { allowFailure = false, cwd = root } = {}) {
    console.log(`\x1b[2m$ ${cwd === root ? "" : `(cd ${path.relative(root, cwd)}) `}pulumi ${args.join(" ")}\x1b[0m`);
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", args, { cwd, env, stdio: "inherit" });
        child.on("error", reject);
        child.on("exit", (code) => {
            if (code !== 0 && !allowFailure) reject(new Error(`pulumi ${args[0]} failed with exit code ${code}`));
            else resolve();
        });
    });
}

function showAssets(emulator) {
    for (const asset of emulator.assets()) {
        const { name, updateTime, properties, startTime, tilesets, bands } = asset;
        console.log(JSON.stringify({ name, updateTime, properties, startTime, tilesets, bands: bands?.map((b) => b.id) }, null, 2));
    }
}

function showCalls(emulator, since) {
    for (const call of emulator.requests().slice(since)) console.log(`  ${call.method.padEnd(6)} ${call.path} -> ${call.status}`);
}

async function main() {
    heading("Preparing the Pulumi engine");
    // The install script prints progress on stderr (and says when a first build takes minutes).
    const out = execFileSync("bash", [path.join(root, "scripts/install-pulumi.sh")], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
    });
    const binDir = out.trim().split("\n").pop();
    console.log(`Using the Pulumi CLI in ${binDir}`);

    heading("Starting the local Earth Engine emulator");
    const emulator = await startEmulator();
    console.log(`Earth Engine emulator listening on ${emulator.url}`);

    heading("Starting fake-gcs-server as Cloud Storage (built from Go modules on first use)");
    const gcs = await startFakeGcs();
    const cogs = path.join(root, "test/fixtures/cog");
    await gcs.createBucket("demo-bucket");
    await gcs.putObject("demo-bucket", "dem.tif", fs.readFileSync(path.join(cogs, "valid.tif")));
    await gcs.createBucket("demo-strips");
    await gcs.putObject("demo-strips", "dem.tif", fs.readFileSync(path.join(cogs, "stripped.tif")));
    const putMonth = (month) => gcs.putObject("demo-bucket", `ndvi/ndvi_${month}.tif`, fs.readFileSync(path.join(cogs, "valid.tif")));
    for (const month of ["2024-01", "2024-02", "2024-03"]) await putMonth(month);
    console.log(
        `Cloud Storage stand-in on ${gcs.endpoint}: gs://demo-bucket/dem.tif (a COG), gs://demo-strips/dem.tif (a GeoTIFF in strips), gs://demo-bucket/ndvi/ndvi_2024-0{1,2,3}.tif (monthly COGs)`,
    );

    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(path.join(work, "backend"), { recursive: true });
    const stackFiles = [root, ARCHIVE].map((dir) => path.join(dir, `Pulumi.${STACK}.yaml`));
    for (const file of stackFiles) fs.rmSync(file, { force: true });
    const env = {
        ...process.env,
        PATH: `${binDir}:${process.env.PATH}`,
        PULUMI_HOME: path.join(work, "home"),
        PULUMI_BACKEND_URL: `file://${path.join(work, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "demo",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        // The examples are type-checked by `npm run lint`; type-checking again costs seconds per command.
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
        // Against Google you would set earthengine:project and credentials instead.
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "demo-token",
        // The provider's own Cloud Storage endpoint (preflight reads each new file's header there; the
        // archive's program lists its bucket prefix there).
        EARTHENGINE_CLOUD_STORAGE_ENDPOINT: gcs.endpoint,
    };
    const archive = { cwd: ARCHIVE };
    try {
        // `--config` (-c) sets a stack setting and runs in one command: each CLI start costs seconds here.
        await pulumi(["stack", "init", STACK, "--non-interactive"], env);

        heading("pulumi preview of a file that is not a COG: refused at preview, before any Earth Engine call");
        let mark = emulator.requests().length;
        const demoProject = ["-c", "assetProject=demo-project"];
        await pulumi(["preview", ...demoProject, "-c", "bucket=demo-strips", "--stack", STACK, "--non-interactive"], env, {
            allowFailure: true,
        });
        console.log(`Earth Engine calls during that preview: ${emulator.requests().length - mark}`);

        heading("pulumi up of the COG: register the external image (the plan first, then the Earth Engine calls)");
        mark = emulator.requests().length;
        await pulumi(["up", "-c", "bucket=demo-bucket", "--yes", "--stack", STACK, "--non-interactive"], env);
        console.log("Earth Engine calls:");
        showCalls(emulator, mark);

        heading("From one image to an archive: every COG under gs://demo-bucket/ndvi/ as a collection (examples/bucket)");
        await pulumi(["stack", "init", STACK, "--non-interactive"], env, archive);
        mark = emulator.requests().length;
        await pulumi(["up", ...demoProject, "-c", "bucket=demo-bucket", "--yes", "--stack", STACK, "--non-interactive"], env, archive);
        console.log("Earth Engine calls:");
        showCalls(emulator, mark);

        // One up, not a preview and an up: up shows its plan (one create, one delete) before any call.
        heading("The files change: ndvi_2024-04.tif added, ndvi_2024-01.tif removed; up plans one create and one delete, then makes them");
        await putMonth("2024-04");
        await gcs.deleteObject("demo-bucket", "ndvi/ndvi_2024-01.tif");
        mark = emulator.requests().length;
        await pulumi(["up", "--yes", "--stack", STACK, "--non-interactive"], env, archive);
        console.log("Earth Engine calls:");
        showCalls(emulator, mark);

        heading("The assets as Earth Engine (the emulator) holds them");
        showAssets(emulator);

        heading("pulumi destroy: clean up both stacks");
        mark = emulator.requests().length;
        await pulumi(["destroy", "--yes", "--stack", STACK, "--non-interactive"], env, archive);
        await pulumi(["destroy", "--yes", "--stack", STACK, "--non-interactive"], env);
        console.log("Earth Engine calls:");
        showCalls(emulator, mark);
        console.log(`Assets left in the emulator: ${emulator.assets().length}`);
    } finally {
        // The stacks live in the demo's own backend (removed here and at the next start), so no `stack rm`.
        fs.rmSync(work, { recursive: true, force: true });
        for (const file of stackFiles) fs.rmSync(file, { force: true });
        await emulator.close();
        await gcs.stop();
    }
    heading("Done");
    console.log(
        "Next: point the same programs at Google: `pulumi config set assetProject <your project>` and `pulumi config set bucket <your bucket>` (examples/basic, examples/bucket), plus credentials (README: Usage and Configuration).",
    );
}

main().catch((error) => {
    console.error(`\ndemo failed: ${error.message}`);
    process.exit(1);
});
