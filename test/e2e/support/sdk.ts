import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The checkout's root: the nearest directory above this file with the install script (this file may run compiled under dist/). */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "scripts/install-pulumi.sh"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no scripts/install-pulumi.sh above ${start}`);
    }
}

interface PackageJson {
    name: string;
    version: string;
    dependencies: Record<string, string>;
    files: string[];
    scripts: Record<string, string>;
}

export function readPackageJson(dir: string): PackageJson {
    return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
}

/** The oldest `@pulumi/pulumi` the package's dependency range admits (the range must be a caret range). */
export function sdkFloor(): string {
    const range = readPackageJson(REPO_ROOT).dependencies["@pulumi/pulumi"];
    const floor = /^\^(\d+\.\d+\.\d+)$/.exec(range)?.[1];
    if (floor === undefined) throw new Error(`package.json should declare @pulumi/pulumi as a caret range, not "${range}"`);
    return floor;
}

/** The `@pulumi/pulumi` the repository develops with (the lockfile's). */
export function repoSdkVersion(): string {
    return readPackageJson(path.join(REPO_ROOT, "node_modules/@pulumi/pulumi")).version;
}

/** Where globalSetup hands the cached install of `@pulumi/pulumi@version` to the workers. */
export const SDK_DIR_ENV = (version: string): string => `PULUMI_EARTHENGINE_TEST_SDK_${version.replaceAll(".", "_")}`;

/** The cached directory whose node_modules holds `@pulumi/pulumi@version` and the package's other dependencies. */
export function installSdk(version: string): string {
    const installed = process.env[SDK_DIR_ENV(version)];
    if (installed) return installed;
    const out = execFileSync("node", [path.join(REPO_ROOT, "scripts/install-sdk.js"), version], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
    });
    return out.trim().split("\n").pop() ?? "";
}

/**
 * Lays out `projectDir/node_modules` as `npm install` would for a program on `@pulumi/pulumi@version`:
 * the cached SDK install, hard-linked (copied across file systems), beside a copy of the built
 * package (scripts/install-self.js). Symbolic links would not do: the SDK's closure serializer
 * resolves the package from the SDK's own real path to find its `exports` map.
 */
export function installBesideSdk(projectDir: string, version: string): void {
    const cached = path.join(installSdk(version), "node_modules");
    const nodeModules = path.join(projectDir, "node_modules");
    fs.mkdirSync(projectDir, { recursive: true });
    try {
        execFileSync("cp", ["-al", cached, nodeModules], { stdio: "ignore" });
    } catch {
        fs.rmSync(nodeModules, { recursive: true, force: true });
        fs.cpSync(cached, nodeModules, { recursive: true, verbatimSymlinks: true });
    }
    execFileSync("node", [path.join(REPO_ROOT, "scripts/install-self.js"), nodeModules], { stdio: "inherit" });
}

/**
 * Packs the built package as `npm pack` does for publishing, into `destDir`; returns the tarball's
 * path. `npm test` builds first; `prepare` is skipped here so packing does not rebuild.
 */
export function packPackage(destDir: string): string {
    if (!fs.existsSync(path.join(REPO_ROOT, "dist/sdk/index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destDir], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
    });
    const [packed] = JSON.parse(out) as { filename: string }[];
    return path.join(destDir, packed.filename);
}

/** Where globalSetup hands the tarball it packed once to the workers. */
export const PACKED_ENV = "PULUMI_EARTHENGINE_TEST_PACKED";

/**
 * The package as `npm pack` ships it: the tarball globalSetup packed for this jest run, else one
 * packed now into `destDir`. Read-only for its users: npm installs from it, nothing writes to it.
 */
export function packedPackage(destDir: string): string {
    return process.env[PACKED_ENV] || packPackage(destDir);
}

/** Every installed copy of `@pulumi/pulumi` under `projectDir/node_modules`, as "<path>@<version>" (links not followed). */
export function pulumiSdkCopies(projectDir: string): string[] {
    const copies: string[] = [];
    const visit = (nodeModules: string): void => {
        if (!fs.existsSync(nodeModules)) return;
        for (const entry of fs.readdirSync(nodeModules, { withFileTypes: true })) {
            if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
            const dirs = entry.name.startsWith("@")
                ? fs
                      .readdirSync(path.join(nodeModules, entry.name), { withFileTypes: true })
                      .filter((d) => d.isDirectory())
                      .map((d) => `${entry.name}/${d.name}`)
                : [entry.name];
            for (const name of dirs) {
                const dir = path.join(nodeModules, name);
                if (name === "@pulumi/pulumi") copies.push(`${path.relative(projectDir, dir)}@${readPackageJson(dir).version}`);
                visit(path.join(dir, "node_modules"));
            }
        }
    };
    visit(path.join(projectDir, "node_modules"));
    return copies;
}
