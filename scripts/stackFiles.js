// The files of a self-managed file backend, and a stack's settings file, read and written as the Pulumi
// CLI does without starting it (each start costs about half a CPU-second): for `npm run soak` and the
// e2e support (test/e2e/support/engine.ts). Types in stackFiles.d.ts.
const fs = require("node:fs");
const path = require("node:path");
const { dump, load } = require("js-yaml");

/**
 * The stack's latest deployment as the file backend in `backendDir` stored it: what `pulumi stack
 * export` prints as `deployment` (secrets as ciphertext).
 */
function storedDeployment(backendDir, stackName) {
    const stacks = path.join(backendDir, ".pulumi/stacks");
    for (const project of fs.readdirSync(stacks)) {
        const file = path.join(stacks, project, `${stackName}.json`);
        if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")).checkpoint.latest ?? {};
    }
    throw new Error(`no state for stack ${stackName} under ${stacks}`);
}

/** The newest of a backend's `<stack>-<unix nanoseconds>.history.json` names (any directory prefix), if any. */
function newestHistoryFile(names) {
    const stamp = (name) => BigInt(name.slice(name.lastIndexOf("-") + 1, -".history.json".length));
    return names
        .filter((name) => name.endsWith(".history.json"))
        .reduce((newest, name) => (newest === undefined || stamp(name) > stamp(newest) ? name : newest), undefined);
}

/**
 * The stack's last update, refresh or destroy as the file backend in `backendDir` recorded it: what
 * `pulumi stack history` shows first. The backend keeps one `<stack>-<unix nanoseconds>.history.json`
 * per command under `.pulumi/history/<project>/<stack>/`.
 */
function storedLastUpdate(backendDir, stackName) {
    const history = path.join(backendDir, ".pulumi/history");
    for (const project of fs.readdirSync(history)) {
        const dir = path.join(history, project, stackName);
        if (!fs.existsSync(dir)) continue;
        const last = newestHistoryFile(fs.readdirSync(dir));
        if (last !== undefined) return JSON.parse(fs.readFileSync(path.join(dir, last), "utf8"));
    }
    throw new Error(`no history for stack ${stackName} under ${history}`);
}

/** The name of the project in `workDir` (its Pulumi.yaml's `name`). */
function projectName(workDir) {
    return load(fs.readFileSync(path.join(workDir, "Pulumi.yaml"), "utf8")).name;
}

/**
 * Adds plain `values` to `Pulumi.<stack>.yaml` in `workDir`, as `pulumi config set --plaintext` does:
 * keys without a namespace go under the project's name; the file's other settings stay.
 */
function writePlainConfig(workDir, stackName, values) {
    const file = path.join(workDir, `Pulumi.${stackName}.yaml`);
    const settings = fs.existsSync(file) ? load(fs.readFileSync(file, "utf8")) : undefined;
    const project = projectName(workDir);
    const config = { ...settings?.config };
    for (const [key, value] of Object.entries(values)) config[key.includes(":") ? key : `${project}:${key}`] = value;
    fs.writeFileSync(file, dump({ ...settings, config }, { lineWidth: -1 }));
}

module.exports = { storedDeployment, newestHistoryFile, storedLastUpdate, projectName, writePlainConfig };
