import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packedPackage, pulumiSdkCopies, REPO_ROOT, readPackageJson, sdkFloor } from "./support/sdk";

// The package as `npm pack` ships it, installed the way a program on a newer SDK installs it.
jest.setTimeout(10 * 60_000);

/** A release newer than the lockfile's, from the report that found two SDK copies (it needs Node.js 22 to run; only the tree is checked). */
const NEWER_SDK = "3.265.0";

let temp: string;
let tarball: string;
beforeAll(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), "ee-pack-"));
    tarball = packedPackage(temp);
});
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

test("the tarball holds the licence, changelog, README and built code (the emulator with its API contract), and declares the SDK as a caret range", () => {
    const entries = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
    const built = [
        "dist/sdk/index.js",
        "dist/provider/shim.js",
        "dist/emulator/cli.js",
        "dist/cli/main.js",
        "dist/api/index.js",
        "dist/api/contract.json",
    ];
    for (const file of ["LICENSE", "CHANGELOG.md", "README.md", "package.json", ...built]) {
        expect(entries).toContain(`package/${file}`);
    }
    expect(entries.some((e) => e.startsWith("package/test/") || e.startsWith("package/templates/"))).toBe(false);
    const licence = fs.readFileSync(path.join(REPO_ROOT, "LICENSE"), "utf8");
    expect(licence).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(licence).toContain("END OF TERMS AND CONDITIONS");
    expect(readPackageJson(REPO_ROOT).dependencies["@pulumi/pulumi"]).toBe(`^${sdkFloor()}`);
});

test(`installed beside @pulumi/pulumi ${NEWER_SDK}, the program's tree holds exactly one copy of the SDK`, () => {
    const project = path.join(temp, "program");
    fs.mkdirSync(project);
    const manifest = { name: "newer-sdk-program", private: true, dependencies: { "@pulumi/pulumi": NEWER_SDK } };
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify(manifest));
    // The install starts from hard links to this checkout's node_modules (the lockfile's tree, dev tools
    // included), so npm extracts only what differs: the tarball, the newer SDK and what that release
    // needs (11 CPU-seconds, not 17 for a fresh install). npm then removes every package the program's
    // tree does not need, so a dependency the package uses without declaring it is gone, as it would be
    // for a consumer. Without hard links (another file system), a fresh install.
    try {
        execFileSync("cp", ["-al", path.join(REPO_ROOT, "node_modules"), path.join(project, "node_modules")], { stdio: "ignore" });
    } catch {
        fs.rmSync(path.join(project, "node_modules"), { recursive: true, force: true });
    }
    execFileSync(
        "npm",
        [
            "install",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            "--ignore-scripts",
            "--engine-strict=false",
            "--loglevel=error",
            tarball,
        ],
        { cwd: project, stdio: ["ignore", "ignore", "inherit"] },
    );
    expect(readPackageJson(path.join(project, "node_modules/pulumi-earthengine")).version).toBe(readPackageJson(REPO_ROOT).version);
    expect(pulumiSdkCopies(project)).toEqual([`node_modules/@pulumi/pulumi@${NEWER_SDK}`]);
});

test("the installed package reads a GeoTIFF header and makes its Cloud Storage client under plain Node.js CommonJS (geotiff.js needs the ESM-only quick-lru)", () => {
    const installed = path.join(temp, "program/node_modules/pulumi-earthengine/dist/provider");
    const fixture = path.join(REPO_ROOT, "test/fixtures/cog/valid.tif");
    const script = `
        const { readTiffFacts } = require(${JSON.stringify(path.join(installed, "preflight/header.js"))});
        const { createCloudStorageReader } = require(${JSON.stringify(path.join(installed, "cloudStorage/client.js"))});
        createCloudStorageReader({ endpoint: "http://127.0.0.1:9" });
        const bytes = require("node:fs").readFileSync(${JSON.stringify(fixture)});
        readTiffFacts(async (offset, length) => bytes.subarray(offset, offset + length), bytes.length)
            .then((facts) => console.log(JSON.stringify(facts)));`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: path.join(temp, "program"), encoding: "utf8" });
    expect(JSON.parse(out)).toMatchObject({ tiled: true, overviews: 1, bands: 3, dataType: "UINT8" });
});

test("the installed bins run under plain Node.js CommonJS: pulumi-earthengine (commander 14, cli-progress 3) and pulumi-earthengine-emulator", () => {
    const bin = path.join(temp, "program/node_modules/.bin");
    const help = execFileSync(path.join(bin, "pulumi-earthengine"), ["import", "--help"], { encoding: "utf8" });
    expect(help).toMatch(/^Usage: pulumi-earthengine import \[options\] <asset>/);
    expect(help).toContain("--max-concurrent-requests <value>");
    // The import module loads its progress bar library too.
    execFileSync(process.execPath, [
        "-e",
        `require(${JSON.stringify(path.join(temp, "program/node_modules/pulumi-earthengine/dist/cli/import/progress.js"))})`,
    ]);
    const emulatorHelp = execFileSync(path.join(bin, "pulumi-earthengine"), ["emulator", "--help"], { encoding: "utf8" });
    expect(emulatorHelp).toMatch(/^Usage: pulumi-earthengine emulator \[--port N\]/);
    expect(execFileSync(path.join(bin, "pulumi-earthengine-emulator"), ["--help"], { encoding: "utf8" })).toBe(emulatorHelp);
});
