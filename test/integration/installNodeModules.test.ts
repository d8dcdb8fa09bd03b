import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../e2e/support/sdk";

// scripts/install-node-modules.sh, which .ci/run installs with, on a project of small dependencies
// (local tarballs, so npm ci runs offline in about a second). What must hold: a snapshot is used
// only for the same dependencies; a damaged or unwritable cache costs an npm ci, never the run.
const SCRIPT = path.join(REPO_ROOT, "scripts/install-node-modules.sh");
const BUILD = "node -e \"require('fs').writeFileSync('built', '')\"";

let dir: string;
let cache: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ee-install-node-modules-"));
    cache = path.join(dir, "cache");
    // Each a tarball as npm pack lays it out (a package/ folder), made with tar: npm's start costs more.
    for (const name of ["dep", "other"]) {
        const dep = path.join(dir, name, "package");
        fs.mkdirSync(dep, { recursive: true });
        fs.writeFileSync(path.join(dep, "package.json"), JSON.stringify({ name, version: "1.0.0" }));
        fs.writeFileSync(path.join(dep, "index.js"), "module.exports = 1;\n");
        execFileSync("tar", ["-czf", path.join(dir, `${name}-1.0.0.tgz`), "-C", path.join(dir, name), "package"]);
    }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tarball = (name: string) => `file:${path.join(dir, `${name}-1.0.0.tgz`)}`;

/**
 * A checkout of the fake project in a new directory (as CI's fresh clone of a commit): package.json
 * with `fields`, and the lockfile of `lockFrom` (a checkout with the same dependencies) or a new one.
 */
function checkout(name: string, fields: Record<string, unknown> = {}, lockFrom?: string): string {
    const project = path.join(dir, name);
    fs.mkdirSync(path.join(project, "scripts"), { recursive: true });
    fs.copyFileSync(SCRIPT, path.join(project, "scripts/install-node-modules.sh"));
    const pkg = {
        name: "fake",
        version: "1.0.0",
        dependencies: { dep: tarball("dep") },
        scripts: { build: BUILD, prepare: "npm run build" },
        ...fields,
    };
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify(pkg, null, 2));
    if (lockFrom) fs.copyFileSync(path.join(lockFrom, "package-lock.json"), path.join(project, "package-lock.json"));
    else execFileSync("npm", ["install", "--package-lock-only", "--silent", "--no-audit", "--no-fund"], { cwd: project, stdio: "ignore" });
    return project;
}

/** Runs the script in `project`: what it printed (both streams), once node_modules and the build's mark are checked. */
function install(project: string, cacheDir = cache): string {
    const out = execFileSync("bash", ["-c", "bash scripts/install-node-modules.sh 2>&1"], {
        cwd: project,
        env: { ...process.env, PULUMI_EARTHENGINE_CACHE: cacheDir },
        encoding: "utf8",
    });
    expect(fs.existsSync(path.join(project, "node_modules/dep/index.js"))).toBe(true);
    expect(fs.existsSync(path.join(project, "built"))).toBe(true);
    return out;
}

const snapshotDir = () => path.join(cache, "node_modules");
const snapshots = () => fs.readdirSync(snapshotDir()).filter((name) => name.includes(".tar."));

test("npm ci once, then the snapshot for the same dependencies; npm ci for others, for a damaged snapshot, and with an unwritable cache", () => {
    const first = checkout("first");
    expect(install(first)).toMatch(/node_modules kept for the next run/);
    const [snapshot] = snapshots();

    // Another commit that changed only a script: the same dependencies, so the snapshot.
    expect(install(checkout("script-changed", { scripts: { build: BUILD, prepare: "npm run build", test: "jest" } }, first))).toMatch(
        /unpacking the snapshot/,
    );

    // A dependency added: npm ci, and a second snapshot.
    const added = checkout("dependency-added", { devDependencies: { other: tarball("other") } });
    expect(install(added)).toMatch(/node_modules kept for the next run/);
    expect(fs.existsSync(path.join(added, "node_modules/other/index.js"))).toBe(true);
    expect(snapshots()).toHaveLength(2);

    // A damaged snapshot (cut short): removed, npm ci, and a whole one kept in its place.
    const whole = path.join(snapshotDir(), snapshot);
    fs.truncateSync(whole, Math.floor(fs.statSync(whole).size / 2));
    const output = install(checkout("damaged", {}, first));
    expect(output).toMatch(/would not unpack whole; removing it and running npm ci/);
    expect(output).toMatch(/node_modules kept for the next run/);
    expect(install(checkout("after-damage", {}, first))).toMatch(/unpacking the snapshot/);

    // A snapshot that unpacks but holds no node_modules (an empty archive): removed likewise.
    execFileSync("bash", [
        "-c",
        `tar -cf - --files-from /dev/null | zstd -q -f -o "${path.join(snapshotDir(), snapshot)}" || tar -czf "${path.join(snapshotDir(), snapshot)}" --files-from /dev/null`,
    ]);
    expect(install(checkout("emptied", {}, first))).toMatch(/would not unpack whole; removing it and running npm ci/);

    // A cache that cannot be written: the install still succeeds.
    const notADirectory = path.join(dir, "a-file");
    fs.writeFileSync(notADirectory, "");
    expect(install(checkout("unwritable", {}, first), notADirectory)).toMatch(/could not keep a snapshot/);
});
