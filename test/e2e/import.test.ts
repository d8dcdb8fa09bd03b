import * as fs from "node:fs";
import * as path from "node:path";
import { runImport } from "../../cli/import/command";
import type { RecordedRequest, RunningEmulator } from "../../emulator";
import { startEmulator } from "../../emulator";
import { pythonClient } from "../conformance/support/officialPythonClient";
import { PROJECT, ROOT, seedOverRest, writeSeedState } from "../fixtures/import/archive";
import { type EngineSandbox, newStack, REPO_ROOT, sandboxFor, UNTHROTTLED } from "./support/engine";
import { callsDuring, countCalls } from "./support/events";

// `pulumi-earthengine import` on an archive made out of band (Google's earthengine CLI, the REST
// API, and kinds the emulator cannot make over REST seeded in its state file), then the
// generated program through the real engine: up adopts everything without one write, a preview
// expecting no changes passes, destroy removes what was adopted.
jest.setTimeout(10 * 60_000);

const SCENES = 210;
const BATCH_THRESHOLD = 100;
const CLI_IMAGE = `${ROOT}/cli/series/first`;

let emulator: RunningEmulator;
let sandbox: EngineSandbox;
let work: string;

/** A request that changed something: any successful call but reads (GET, getIamPolicy, sent as POST). */
const isWrite = (c: RecordedRequest) => c.status < 300 && c.method !== "GET" && !c.path.endsWith(":getIamPolicy");

beforeAll(async () => {
    fs.mkdirSync(path.join(REPO_ROOT, ".pulumi-local"), { recursive: true });
    work = fs.mkdtempSync(path.join(REPO_ROOT, ".pulumi-local", "import-"));
    const state = path.join(work, "emulator-state.json");
    writeSeedState(state);
    emulator = await startEmulator({ statePath: state });
    // One Python process for the CLI steps (the client's driver), as a team's scripts would have run them.
    const cli = pythonClient(emulator.url, PROJECT);
    const manifest = path.join(cli.dir, "first.json");
    fs.writeFileSync(
        manifest,
        JSON.stringify({ name: CLI_IMAGE, tilesets: [{ sources: [{ uris: ["gs://archive-bucket/cli/first.tif"] }] }] }),
    );
    try {
        await cli.earthengine("create", "folder", `${ROOT}/cli`);
        await cli.earthengine("create", "collection", `${ROOT}/cli/series`);
        await cli.earthengine("upload", "external_image", "--manifest", manifest);
        await cli.earthengine("acl", "set", "public", `${ROOT}/cli/series`);
    } finally {
        await cli.remove();
    }
    await seedOverRest(emulator.url, SCENES);
});

afterAll(async () => {
    await emulator?.close();
    sandbox?.cleanup();
    if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("import writes a project whose up adopts the archive with no write, previews no change, and destroys it", async () => {
    const program = path.join(work, "program");
    const env = { EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: "e2e-import-token" };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const log: string[] = [];
    const { calls: importCalls } = await callsDuring(emulator, () =>
        runImport(
            {
                assetName: ROOT,
                recursive: true,
                out: program,
                format: "ts",
                batchThreshold: BATCH_THRESHOLD,
                protect: false,
                iam: "binding",
                config: {},
            },
            (line) => log.push(line),
        ),
    ).finally(() => {
        process.env = saved;
    });
    expect(importCalls.filter(isWrite)).toEqual([]);
    expect(log[0]).toMatch(/3 folders, 3 image collections \(1 in batch mode\), 214 external images, 4 IAM resources, 2 skipped/);
    const report = fs.readFileSync(path.join(program, "import-report.md"), "utf8");
    expect(report).toContain(`\`${ROOT}/parcels\` (TABLE)`);
    expect(report).toContain(`\`${ROOT}/ingested_dem\` (IMAGE): an ingested image`);

    sandbox = await sandboxFor(program, env);
    const stack = await newStack(sandbox, "adopt");
    await stack.setAllConfig(UNTHROTTLED); // 430 requests to adopt, 214 deletes to destroy
    const { calls: upCalls } = await callsDuring(emulator, () => stack.up());
    const adoption = countCalls(upCalls);
    console.log(`adoption of ${Object.keys(emulator.assets()).length} assets: ${JSON.stringify(adoption)}`);
    expect(upCalls.filter(isWrite).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([]);
    // Every declared asset was created against one that exists: the creates met "already exists".
    expect(upCalls.filter((c) => c.method === "POST" && !c.path.endsWith(":getIamPolicy")).every((c) => c.status === 409)).toBe(true);

    // The up type-checked the generated program as Pulumi runs it (ts-node); later runs skip that CPU.
    stack.workspace.envVars.PULUMI_NODEJS_TRANSPILE_ONLY = "true";
    const { calls: previewCalls } = await callsDuring(emulator, () => stack.preview({ expectNoChanges: true }));
    expect(previewCalls.filter(isWrite)).toEqual([]);

    // The kinds the program does not manage go first, as their owner would remove them; then destroy removes the rest.
    for (const skipped of [`${ROOT}/parcels`, `${ROOT}/ingested_dem`]) {
        expect(
            (await fetch(`${emulator.url}/v1alpha/${skipped}`, { method: "DELETE", headers: { authorization: "Bearer x" } })).status,
        ).toBe(200);
    }
    await stack.destroy();
    expect(emulator.assets().map((a) => a.name)).toEqual([]);
});
