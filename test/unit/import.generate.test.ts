import * as fs from "node:fs";
import * as path from "node:path";
import { generateProject } from "../../cli/import/command";
import { type CollectionDeclaration, type Declarations, declare } from "../../cli/import/declarations";
import { PULUMI_SDK_FOR_NODE_20 } from "../../cli/import/project";
import { DECLARATIONS_PROGRAM } from "../../cli/import/renderJson";
import type { WalkedTree } from "../../cli/import/walk";
import { mergeEntry } from "../../sdk/timeseries/entries";

// The generator: a walked tree (a fixture file) to the files of a Pulumi project, with no I/O.
const FIXTURES = path.join(__dirname, "../fixtures/import");
const tree = (): WalkedTree => JSON.parse(fs.readFileSync(path.join(FIXTURES, "tree.json"), "utf8"));
const ROOT = "projects/p/assets/archive";
const request = { assetName: ROOT, recursive: true, format: "ts" as const, batchThreshold: 500, protect: true, iam: "binding" as const };
const options = { protect: true, batchThreshold: 500, iam: "binding" as const };

const collection = (d: Declarations, name: string) => d.resources.find((r) => r.name === name) as CollectionDeclaration;

test("the same tree gives byte-identical files, whatever order the listing gave", () => {
    const first = generateProject(declare(tree(), options), request);
    const shuffled = tree();
    if (shuffled.kind === "asset") shuffled.root.children?.reverse();
    for (const c of (shuffled as { root: { children: { children?: unknown[] }[] } }).root.children) c.children?.reverse();
    expect(generateProject(declare(shuffled, options), request)).toEqual(first);
    expect(Object.keys(first).sort()).toEqual([
        ".gitignore",
        "Pulumi.yaml",
        "data/archive.scenes.json",
        "data/archive.sub.images.json",
        "import-report.md",
        "index.ts",
        "package.json",
        "tsconfig.json",
    ]);
});

test("shared fields are lifted into defaults, and each entry merged over them gives back the image's manifest", () => {
    const scenes = collection(declare(tree(), options), "archive/scenes");
    expect(scenes.defaults).toEqual({
        properties: { sensor: "S2" },
        tilesets: [{ id: "cog", sources: [{}], dataType: "UINT16" }],
        bands: [{ id: "red", tilesetId: "cog", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" }],
    });
    expect(scenes.images.s1).toEqual({
        uri: "gs://archive-bucket/scenes/s1.tif",
        properties: { cloud: 10, tile: "T1" },
        startTime: "2023-01-02T00:00:00Z",
        endTime: "2023-01-02T12:00:00Z",
    });
    const merged = mergeEntry("s1", scenes.defaults, scenes.images.s1);
    expect(merged).toEqual({
        ok: true,
        manifest: {
            properties: { sensor: "S2", cloud: 10, tile: "T1" },
            startTime: "2023-01-02T00:00:00Z",
            endTime: "2023-01-02T12:00:00Z",
            tilesets: [{ id: "cog", sources: [{ uris: ["gs://archive-bucket/scenes/s1.tif"] }], dataType: "UINT16" }],
            bands: [{ id: "red", tilesetId: "cog", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" }],
        },
    });
});

test("a collection above the batch threshold is generated in batch mode, one at the threshold is not", () => {
    expect(collection(declare(tree(), { ...options, batchThreshold: 2 }), "archive/scenes").batch).toBe(true);
    expect(collection(declare(tree(), { ...options, batchThreshold: 3 }), "archive/scenes").batch).toBe(false);
    expect(generateProject(declare(tree(), { ...options, batchThreshold: 2 }), request)["index.ts"]).toContain("batch: true");
});

test("parents are referenced by variable, so the engine creates them first", () => {
    const program = generateProject(declare(tree(), options), request)["index.ts"];
    expect(program).toContain('const archive = new ee.Folder("archive", { name: "projects/p/assets/archive" }, options);');
    const interpolated = ["name: pulumi.interpolate`$", "{archive.assetName}/scenes`"].join("");
    expect(program).toContain(interpolated);
    expect(program).toContain('const archiveSubImages = externalImages("archive/sub/", archiveSub.assetName, "archive.sub.images.json");');
});

test("every resource is protected unless --no-protect", () => {
    expect(generateProject(declare(tree(), options), request)["index.ts"]).toContain(
        "const options: pulumi.ResourceOptions = { protect: true };",
    );
    const unprotected = generateProject(declare(tree(), { ...options, protect: false }), { ...request, protect: false });
    expect(unprotected["index.ts"]).toContain("const options: pulumi.ResourceOptions = {};");
    expect(unprotected["index.ts"]).toContain("--no-protect");
});

test("IAM: one binding per non-owner role, members sorted and unique; owners never; --iam policy gives one AssetIamPolicy", () => {
    const iam = declare(tree(), options).resources.filter((r) => r.type === "AssetIamBinding");
    expect(iam).toEqual([
        {
            type: "AssetIamBinding",
            name: "archive:roles/viewer",
            target: "archive",
            role: "roles/viewer",
            members: ["allUsers", "group:readers@example.com"],
        },
        {
            type: "AssetIamBinding",
            name: "archive/scenes:roles/editor",
            target: "archive/scenes",
            role: "roles/editor",
            members: ["serviceAccount:ingest@p.iam.gserviceaccount.com"],
        },
        {
            type: "AssetIamBinding",
            name: "archive/sub/overview:roles/viewer",
            target: "archive/sub/overview",
            role: "roles/viewer",
            members: ["user:ana@example.com"],
        },
    ]);
    const policies = declare(tree(), { ...options, iam: "policy" }).resources.filter((r) => r.type === "AssetIamPolicy");
    expect(policies.map((p) => p.name)).toEqual(["archive:iam-policy", "archive/scenes:iam-policy", "archive/sub/overview:iam-policy"]);
    expect(JSON.stringify(policies)).not.toContain("roles/owner");
    expect(declare(tree(), { ...options, iam: "none" }).resources.filter((r) => r.type.startsWith("AssetIam"))).toEqual([]);
});

test("assets the product cannot manage are reported with the reason; folders not read are named", () => {
    const declarations = declare(tree(), options);
    expect(declarations.skipped.map((s) => `${s.assetName} ${s.type}`)).toEqual([
        `${ROOT}/ingested IMAGE`,
        `${ROOT}/model CLASSIFIER`,
        `${ROOT}/parcels TABLE`,
    ]);
    const report = generateProject(declarations, request)["import-report.md"];
    expect(report).toContain(`- \`${ROOT}/parcels\` (TABLE): a table: pulumi-earthengine does not manage tables`);
    expect(report).toContain(`- \`${ROOT}/ingested\` (IMAGE): an ingested image`);
    expect(report).toContain(
        `## Folders not read (1)\n\nDeclared, but their contents were not read: run the import with --recursive to adopt them.\n\n- \`${ROOT}/sub/deeper\``,
    );
});

test("fields Earth Engine does not return are marked not recoverable, in the program and in declarations.json", () => {
    const ts = generateProject(declare(tree(), options), request)["index.ts"];
    expect(ts).toMatch(/Not recoverable: memo, manifest-level uriPrefix and defaults, maskBands, footprints/);
    const json = generateProject(declare(tree(), options), { ...request, format: "json" });
    expect(JSON.parse(json["declarations.json"]).notRecoverable).toMatch(/memo, the manifest-level uriPrefix/);
});

test("--format json writes the declarations as data beside a fixed program that reads them", () => {
    const files = generateProject(declare(tree(), options), { ...request, format: "json" });
    const document = JSON.parse(files["declarations.json"]);
    expect(document.protect).toBe(true);
    expect(document.resources.map((r: { type: string; name: string }) => `${r.type} ${r.name}`)).toEqual([
        "Folder archive",
        "ExternalImageCollection archive/empty",
        "ExternalImageCollection archive/scenes",
        "Folder archive/sub",
        "Folder archive/sub/deeper",
        "ExternalImage archive/sub/overview",
        "AssetIamBinding archive:roles/viewer",
        "AssetIamBinding archive/scenes:roles/editor",
        "AssetIamBinding archive/sub/overview:roles/viewer",
    ]);
    // The program is fixed text; its copy in the fixtures is type-checked by `npm run lint` against the built package.
    expect(files["index.ts"].endsWith(DECLARATIONS_PROGRAM)).toBe(true);
    expect(DECLARATIONS_PROGRAM).toBe(fs.readFileSync(path.join(FIXTURES, "json-program/index.ts"), "utf8"));
    expect(Object.keys(files).filter((f) => f.startsWith("data/"))).toEqual([]);
});

test("package.json pins the @pulumi/pulumi of the templates (the last for Node.js 20), within this package's range", () => {
    const pkg = JSON.parse(generateProject(declare(tree(), options), request)["package.json"]);
    const own = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    const template = JSON.parse(fs.readFileSync(path.join(__dirname, "../../templates/earthengine-typescript/package.json"), "utf8"));
    expect(pkg.dependencies).toEqual({ "@pulumi/pulumi": PULUMI_SDK_FOR_NODE_20, "pulumi-earthengine": `^${own.version}` });
    expect(template.dependencies["@pulumi/pulumi"]).toBe(PULUMI_SDK_FOR_NODE_20);
    const floor = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(own.dependencies["@pulumi/pulumi"])?.slice(1).map(Number) ?? [];
    const pinned = PULUMI_SDK_FOR_NODE_20.split(".").map(Number);
    expect(pinned[0]).toBe(floor[0]);
    expect(pinned[1] * 1e6 + pinned[2]).toBeGreaterThanOrEqual(floor[1] * 1e6 + floor[2]);
});

test("--package sets what package.json depends on for pulumi-earthengine (a packed tarball while it is not on a registry)", () => {
    const files = generateProject(declare(tree(), options), { ...request, packageSpec: "../pulumi-earthengine-0.1.0.tgz" });
    expect(JSON.parse(files["package.json"]).dependencies["pulumi-earthengine"]).toBe("../pulumi-earthengine-0.1.0.tgz");
    expect(files["index.ts"]).toContain("--package ../pulumi-earthengine-0.1.0.tgz");
});
