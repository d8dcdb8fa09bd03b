import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { Storage } from "@google-cloud/storage";
import type { Stack } from "@pulumi/pulumi/automation";
import { load } from "js-yaml";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { createSandbox, type EngineSandbox, newestHistoryFile, REPO_ROOT, type StoredUpdate, selectInlineStack } from "./support/engine";
import { killRun, pulumiInGroup, until } from "./support/kill";

// The copyable pipeline of examples/pipeline, and the stack's state in a Cloud Storage bucket: the
// workflow's own preview and up steps, run as written by bash, against fake-gcs-server (Pulumi's gs://
// backend through STORAGE_EMULATOR_HOST) and the Earth Engine emulator; then what a bucket backend
// must give a pipeline: two `up`s at once never both proceed, and a killed run's lock is released by
// `pulumi cancel`; and source drift as the engine shows it (a rewritten COG: refresh, one re-import,
// no change after). Steps build on each other, in order.
jest.setTimeout(10 * 60_000);

const EXAMPLE = path.join(REPO_ROOT, "examples/pipeline");
const STATE_BUCKET = "team-pulumi-state";
const STACK = "production";
const ASSET = "projects/pipeline-project/assets/elevation";
const LOCKS = ".pulumi/locks/";

interface Step {
    id?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
}
interface Workflow {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    env: Record<string, string>;
    jobs: Record<string, { if: string; concurrency?: { group: string; "cancel-in-progress": boolean }; steps: Step[] }>;
}
const workflow = load(fs.readFileSync(path.join(EXAMPLE, ".github/workflows/earthengine.yml"), "utf8")) as Workflow;
const runOf = (job: string, id: string): string => {
    const run = workflow.jobs[job].steps.find((s) => s.id === id)?.run;
    if (!run) throw new Error(`examples/pipeline: job ${job} has no step with id ${id} and a run script`);
    return run;
};

let gcs: FakeGcs;
let storage: Storage;
let emulator: RunningEmulator;
let sandbox: EngineSandbox;
/** The workflow's env with the repository's variables and secrets filled in, plus the stand-ins. */
let env: Record<string, string>;

beforeAll(async () => {
    [gcs, emulator] = await Promise.all([startFakeGcs(), startEmulator()]);
    await gcs.createBucket(STATE_BUCKET);
    // The COG the program registers, so the preview's preflight reads a real file from the stand-in.
    await gcs.createBucket("pipeline-cogs");
    await gcs.putObject("pipeline-cogs", "elevation.tif", fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/cog/valid.tif")));
    storage = new Storage({ apiEndpoint: gcs.endpoint, projectId: "pipeline-project" });
    const filled: Record<string, string> = {
        PULUMI_BACKEND_URL: `gs://${STATE_BUCKET}`,
        PULUMI_STACK: STACK,
        PULUMI_CONFIG_PASSPHRASE: "pipeline-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
    };
    // Every variable the workflow sets is one the test fills in: a new one fails here, not silently.
    expect(Object.keys(workflow.env).sort()).toEqual(Object.keys(filled).sort());
    sandbox = await createSandbox(EXAMPLE, {
        ...filled,
        // In the pipeline, google-github-actions/auth sets GOOGLE_APPLICATION_CREDENTIALS (workload identity
        // federation); against the stand-ins a token stands in for it. Pulumi's gs:// backend wants one set.
        GOOGLE_OAUTH_ACCESS_TOKEN: "pipeline-token",
        STORAGE_EMULATOR_HOST: gcs.host,
        EARTHENGINE_ENDPOINT: emulator.url,
        // The provider's Cloud Storage client reads STORAGE_EMULATOR_HOST as https: its own setting wins.
        EARTHENGINE_CLOUD_STORAGE_ENDPOINT: gcs.endpoint,
        // ts-node without its type check on every engine command (seconds each here); tsc checks the
        // example in `npm run lint`.
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    });
    env = sandbox.envVars;
    // The stack's settings, committed beside the program in the user's repository.
    fs.writeFileSync(
        path.join(sandbox.workDir, `Pulumi.${STACK}.yaml`),
        "config:\n  earthengine-pipeline:assetProject: pipeline-project\n  earthengine-pipeline:bucket: pipeline-cogs\n",
    );
});

afterAll(async () => {
    sandbox?.cleanup();
    await Promise.all([gcs?.stop(), emulator?.close()]);
});

test("the workflow: preview on pull requests, up on main one at a time, workload identity federation, no key", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    expect(workflow.on.push).toEqual({ branches: ["main"] });
    expect(workflow.jobs.preview.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.up.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(workflow.jobs.up.concurrency?.["cancel-in-progress"]).toBe(false);
    expect(workflow.permissions["id-token"]).toBe("write");
    for (const job of Object.values(workflow.jobs)) {
        const auth = job.steps.filter((step) => step.uses?.startsWith("google-github-actions/auth@"));
        expect(auth).toHaveLength(1);
        expect(Object.keys(auth[0].with ?? {}).sort()).toEqual(["service_account", "workload_identity_provider"]);
    }
    // No key in any form: no credentials_json input, no key file, no GOOGLE_CREDENTIALS.
    const text = fs.readFileSync(path.join(EXAMPLE, ".github/workflows/earthengine.yml"), "utf8");
    expect(text).not.toMatch(/credentials_json|GOOGLE_CREDENTIALS|GOOGLE_APPLICATION_CREDENTIALS|\.json\b/);
});

const bucketObjects = async (prefix = "") => (await storage.bucket(STATE_BUCKET).getFiles({ prefix }))[0].map((f) => f.name);

/** A step's `run` script as GitHub Actions runs it with `shell: bash` (bash --noprofile --norc -eo pipefail). */
function runStep(script: string): Promise<{ stdout: string; stderr: string }> {
    const { BASH_ENV: _, ...stepEnv } = env;
    return promisify(execFile)("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
        cwd: sandbox.workDir,
        env: stepEnv,
        maxBuffer: 16 << 20,
    });
}

/**
 * The stack the workflow's steps made, its config written and its results read without extra CLI
 * runs (see `newStack`), and its program run inline (`newInlineStack`): what these steps show is the
 * bucket backend's (locks, state, drift), whichever process runs the program; the workflow's own
 * steps above run it as the pipeline does.
 */
const selectStack = (): Promise<Stack> => selectInlineStack(sandbox, STACK);

/** The last engine command's record in the bucket (what `stack.info()` returns), read directly: no CLI run. */
async function lastUpdate(): Promise<StoredUpdate> {
    const [files] = await storage.bucket(STATE_BUCKET).getFiles({ prefix: `.pulumi/history/earthengine-pipeline/${STACK}/` });
    const last = newestHistoryFile(files.map((f) => f.name));
    if (last === undefined) throw new Error("no update history in the state bucket");
    const [bytes] = await storage.bucket(STATE_BUCKET).file(last).download();
    return JSON.parse(bytes.toString("utf8")) as StoredUpdate;
}

const imports = (since: number) =>
    emulator
        .requests()
        .slice(since)
        .filter((r) => r.method === "POST" && /:import(External)?$/.test(r.path));

const SOURCE = "gs://pipeline-cogs/elevation.tif";

/** The image's outputs as the state file in the bucket holds them (read directly: no engine command). */
async function imageOutputs(): Promise<Record<string, unknown>> {
    const [bytes] = await storage.bucket(STATE_BUCKET).file(`.pulumi/stacks/earthengine-pipeline/${STACK}.json`).download();
    const state = JSON.parse(bytes.toString("utf8")) as {
        checkpoint: { latest: { resources: { type: string; outputs: Record<string, unknown> }[] } };
    };
    const image = state.checkpoint.latest.resources.find((r) => r.type.endsWith("earthengine:ExternalImage"));
    if (!image) throw new Error("the state in the bucket holds no ExternalImage");
    return image.outputs;
}

test("the pull request's preview step, then the main branch's up step: the asset exists, the state is in the bucket", async () => {
    const preview = await runStep(runOf("preview", "preview"));
    expect(preview.stdout).toMatch(/\+ 2 to create/); // the stack and the image
    expect(emulator.assets()).toEqual([]);

    const up = await runStep(runOf("up", "up"));
    expect(up.stdout).toMatch(/\+ 2 created/);
    expect(emulator.assets().map((a) => a.name)).toEqual([ASSET]);
    const objects = await bucketObjects();
    expect(objects).toContain(`.pulumi/stacks/earthengine-pipeline/${STACK}.json`);
    expect(objects.filter((name) => name.startsWith(LOCKS))).toEqual([]);
});

test("two ups started at once on one stack: never both proceed; a refused one says the stack is locked", async () => {
    const [first, second] = await Promise.all([selectStack(), selectStack()]);
    await first.setConfig("release", { value: "2026-12" });
    const mark = emulator.requests().length;
    const results = await Promise.allSettled([first.up(), second.up()]);

    const proceeded = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    console.log(`two ups at once: ${proceeded.length} proceeded, ${refused.length} refused on the lock`);
    expect(proceeded.length).toBeLessThanOrEqual(1);
    // A refusal says the stack is locked, or, when the other run's lock went away between Pulumi
    // listing the locks and reading each to describe it, fails on that read (checkForLock in
    // pkg/backend/diy/lock.go returns the read's error: "storage: object doesn't exist").
    for (const r of refused) expect(String(r.reason)).toMatch(/the stack is currently locked by 1 lock\(s\)|storage: object doesn't exist/);
    // Each refusal came before the program ran: at most one run reached Earth Engine.
    const updates = emulator
        .requests()
        .slice(mark)
        .filter((r) => r.method === "PATCH");
    expect(updates.length).toBe(proceeded.length);
    expect(imports(mark)).toEqual([]);
    expect(await bucketObjects(LOCKS)).toEqual([]);

    // Both may refuse (each saw the other's lock); the next up converges either way.
    if (proceeded.length === 0) await first.up();
    expect(emulator.assets().find((a) => a.name === ASSET)?.properties).toMatchObject({ release: "2026-12" });
});

let selected: Stack | undefined;

test("source drift: the COG rewritten in its bucket, refresh records it, up re-imports once, after which they agree", async () => {
    selected = await selectStack();
    const cog = fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/cog/valid.tif"));
    const recorded = (await imageOutputs()).sourceGenerations;
    expect(recorded).toEqual({ [SOURCE]: expect.any(String) }); // recorded at create
    const { generation } = await gcs.putObject("pipeline-cogs", "elevation.tif", cog);

    // `up --refresh`: the refresh and the up of a pipeline in one engine command.
    const refreshed: Record<string, unknown>[] = [];
    const mark = emulator.requests().length;
    await selected.up({
        refresh: true,
        onEvent: (event) => {
            const metadata = event.resOutputsEvent?.metadata;
            if (metadata?.op === "refresh" && metadata.type.endsWith("earthengine:ExternalImage"))
                refreshed.push(metadata.new?.outputs ?? {});
        },
    });
    // What refresh found (the engine's refresh display lists input changes only).
    expect(refreshed).toEqual([expect.objectContaining({ sourceGenerations: recorded, liveSourceGenerations: { [SOURCE]: generation } })]);
    expect((await lastUpdate()).resourceChanges).toMatchObject({ update: 1 });
    expect(imports(mark).map((r) => r.body)).toEqual([expect.objectContaining({ overwrite: true })]);
    expect(await imageOutputs()).toMatchObject({
        sourceGenerations: { [SOURCE]: generation },
        liveSourceGenerations: { [SOURCE]: generation },
    });
    // The next test's first preview shows no change: nothing is left to re-import.
});

test("a killed up leaves its lock in the bucket, which a preview ignores; `pulumi cancel` releases it and the stack destroys cleanly", async () => {
    // A CI runner killing the job while the run holds the lock: its process group, then the plugins it left.
    const run = pulumiInGroup(sandbox, STACK, ["up", "--yes", "--skip-preview"]);
    await until(async () => (await bucketObjects(LOCKS)).length > 0, "the up to take its lock", 120_000);
    await killRun(sandbox, run);
    expect(await bucketObjects(LOCKS)).toHaveLength(1);

    const stack = selected ?? (await selectStack());
    // A preview takes no lock: a pull request's preview runs even now, and sees nothing to do (nor
    // any source drift left after the re-import above).
    await stack.preview({ expectNoChanges: true });
    await stack.cancel();
    expect(await bucketObjects(LOCKS)).toEqual([]);

    await stack.destroy();
    expect(await lastUpdate()).toMatchObject({ kind: "destroy", result: "succeeded" });
    expect(emulator.assets()).toEqual([]);
    expect(await bucketObjects(LOCKS)).toEqual([]);
});
