import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runImport } from "../../cli/import/command";
import { declare } from "../../cli/import/declarations";
import { lineProgress } from "../../cli/import/progress";
import { walkTree } from "../../cli/import/walk";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { EarthEngineClient, resolveSettings } from "../../provider/earthengine";
import { PROJECT, ROOT, seedOverRest, writeSeedState } from "../fixtures/import/archive";

// The import's walk against the emulator: reads only, every page, a GET only where the listing lacks
// what a declaration needs, and the same files from the same tree.
let emulator: RunningEmulator;
let dir: string;
const SCENES = 7;

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ee-import-walk-"));
    writeSeedState(path.join(dir, "state.json"));
    emulator = await startEmulator({ statePath: path.join(dir, "state.json") });
    await seedOverRest(emulator.url, SCENES);
});

afterAll(async () => {
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
});

const client = () =>
    EarthEngineClient.fromSettings(resolveSettings({ endpoint: emulator.url, accessToken: "walk-token", maxRetries: "0" }, {}), PROJECT);

test("the walk reads every page, GETs only the image the listing gave without tilesets, and writes nothing", async () => {
    emulator.clearRequests();
    const progress: string[] = [];
    const view = lineProgress((line) => progress.push(line), 5);
    const { tree, calls } = await walkTree(client(), ROOT, {
        recursive: true,
        readIam: true,
        pageSize: 2,
        onProgress: (p) => view.update(p),
    });
    const requests = emulator.requests();
    expect(requests.filter((r) => r.method !== "GET" && !r.path.endsWith(":getIamPolicy"))).toEqual([]);
    // Root: 5 children (3 pages of 2), scenes: 7 images (4 pages), dem: 2 (1 page), sub: 1 (1 page).
    expect(calls.listPages).toBe(3 + 4 + 1 + 1);
    // The root, and the ingested image (listed without tilesets; the GET shows it has none).
    expect(requests.filter((r) => r.method === "GET" && !r.path.endsWith(":listAssets")).map((r) => r.path)).toEqual([
        `/v1alpha/${ROOT}`,
        `/v1alpha/${ROOT}/ingested_dem`,
    ]);
    // Every asset but the images inside collections, which cannot hold a policy of their own.
    expect(calls.iamReads).toBe(1 + 5 + 1);
    expect(tree.kind === "asset" && tree.root.children?.map((c) => c.asset.name).sort()).toEqual(
        ["dem", "ingested_dem", "parcels", "scenes", "sub"].map((n) => `${ROOT}/${n}`),
    );
    // 16 assets: one plain line per 5 done (the counts found so far depend on the order answers came in).
    expect(progress.map((line) => line.replace(/of \d+ assets found so far \(\d+ requests\)/, "of N"))).toEqual([
        "walked 5 of N",
        "walked 10 of N",
        "walked 15 of N",
    ]);
});

test("two imports of the same tree write byte-identical files, and no file holds the access token", async () => {
    const read = (out: string) =>
        Object.fromEntries(
            fs
                .readdirSync(out, { recursive: true })
                .map(String)
                .filter((f) => fs.statSync(path.join(out, f)).isFile())
                .sort()
                .map((f) => [f, fs.readFileSync(path.join(out, f), "utf8")]),
        );
    const outs = [path.join(dir, "first"), path.join(dir, "second")];
    const saved = { ...process.env };
    Object.assign(process.env, { EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: "secret-walk-token-93f1" });
    try {
        for (const out of outs) {
            await runImport(
                {
                    assetName: ROOT,
                    recursive: true,
                    out,
                    format: "ts",
                    batchThreshold: 5,
                    protect: true,
                    iam: "binding",
                    config: {},
                    progress: "lines",
                },
                () => undefined,
            );
        }
    } finally {
        process.env = saved;
    }
    const [first, second] = outs.map(read);
    expect(second).toEqual(first);
    expect(Object.keys(first)).toContain("data/archive.scenes.json");
    expect(JSON.stringify(first)).not.toContain("secret-walk-token-93f1");
});

test("an import refuses to write into a directory of other files or of another asset's import, and rewrites an earlier import of the same asset", async () => {
    const other = path.join(dir, "other");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, "package.json"), "{}");
    const request = {
        assetName: ROOT,
        recursive: false,
        out: other,
        format: "ts" as const,
        batchThreshold: 5,
        protect: true,
        iam: "none" as const,
        config: {},
    };
    const saved = { ...process.env };
    Object.assign(process.env, { EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: "walk-token" });
    try {
        await expect(runImport(request, () => undefined)).rejects.toThrow(
            /other is not empty and holds no earlier import \(no import-report.md\)/,
        );
        expect(fs.readFileSync(path.join(other, "package.json"), "utf8")).toBe("{}");
        const earlier = path.join(dir, "earlier");
        await runImport({ ...request, out: earlier }, () => undefined);
        fs.writeFileSync(path.join(earlier, "data", "archive.gone.json"), "{}");
        await runImport({ ...request, out: earlier }, () => undefined);
        expect(fs.readdirSync(path.join(earlier, "data")).sort()).toEqual(["archive.dem.json", "archive.scenes.json"]);
        // An earlier import of another asset is not replaced: its program and data stay as they were.
        const program = fs.readFileSync(path.join(earlier, "index.ts"), "utf8");
        await expect(runImport({ ...request, assetName: `${ROOT}/scenes`, out: earlier }, () => undefined)).rejects.toThrow(
            new RegExp(`earlier holds another import \\("Import of ${ROOT}", not "Import of ${ROOT}/scenes"\\): choose another --out`),
        );
        expect(fs.readFileSync(path.join(earlier, "index.ts"), "utf8")).toBe(program);
    } finally {
        process.env = saved;
    }
});

test("a project root lists the assets at its root; without --recursive a folder there is declared, not read", async () => {
    const { tree, calls } = await walkTree(client(), `projects/${PROJECT}`, { recursive: false, readIam: false });
    expect(tree).toEqual({
        kind: "project",
        project: PROJECT,
        children: [{ asset: expect.objectContaining({ name: ROOT, type: "FOLDER" }) }],
    });
    expect(calls).toEqual({ listPages: 1, gets: 0, iamReads: 0 });
    expect(declare(tree, { protect: true, batchThreshold: 500, iam: "none" }).resources).toEqual([
        { type: "Folder", name: "archive", assetName: ROOT, notWalked: true },
    ]);
});
