#!/usr/bin/env node
// Installs one version of the Pulumi Node.js SDK, with this package's other runtime dependencies,
// into a version-keyed cache outside the repository, and prints the directory whose node_modules
// holds them. The e2e tests run programs beside it to prove the `@pulumi/pulumi` range's floor.
//
//   node scripts/install-sdk.js 3.216.0
//
// The cache is the one install-pulumi.sh uses: $PULUMI_EARTHENGINE_CACHE, else
// $XDG_CACHE_HOME/pulumi-earthengine, else ~/.cache/pulumi-earthengine. The install goes to a
// staging directory that is renamed into place, so a directory that exists is complete.
const { execFileSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const version = process.argv[2];
if (!/^\d+\.\d+\.\d+$/.test(version ?? "")) {
    process.stderr.write("usage: node scripts/install-sdk.js <@pulumi/pulumi version, e.g. 3.216.0>\n");
    process.exit(2);
}

const root = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const dependencies = { ...pkg.dependencies, "@pulumi/pulumi": version };
const manifest = {
    name: "pulumi-earthengine-sdk-cache",
    private: true,
    description: `@pulumi/pulumi ${version} beside the runtime dependencies of pulumi-earthengine (written by scripts/install-sdk.js)`,
    dependencies,
    // protobufjs's postinstall only prints advice about version ranges; nothing here needs it.
    allowScripts: { protobufjs: false },
};

const cacheRoot =
    process.env.PULUMI_EARTHENGINE_CACHE ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-earthengine");
const key = crypto.createHash("sha256").update(JSON.stringify(dependencies)).digest("hex").slice(0, 12);
const target = path.join(cacheRoot, `nodejs-sdk-${version}-${key}`);

if (!fs.existsSync(target)) {
    const staging = `${target}.staging-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    fs.writeFileSync(path.join(staging, "package.json"), `${JSON.stringify(manifest, null, 4)}\n`);
    process.stderr.write(`install-sdk: installing @pulumi/pulumi@${version} into ${target}\n`);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
        cwd: staging,
        stdio: ["ignore", "inherit", "inherit"],
    });
    try {
        fs.renameSync(staging, target);
    } catch (error) {
        // Another process finished the same install first; its copy is as good as ours.
        fs.rmSync(staging, { recursive: true, force: true });
        if (!fs.existsSync(target)) throw error;
    }
}
process.stdout.write(`${target}\n`);
