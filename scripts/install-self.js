#!/usr/bin/env node
// Installs the freshly built package into this repository's own node_modules as a real
// directory, exactly as `npm install pulumi-earthengine` lays it out for a consumer. A symlink
// (npm's `file:.`) would make Pulumi's closure serializer see the code outside node_modules and
// copy the provider shim into state by value instead of storing a short require().
//
//   node scripts/install-self.js [NODE_MODULES_DIR]   (default: this repository's node_modules)
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const target = path.join(path.resolve(process.argv[2] ?? path.join(root, "node_modules")), pkg.name);
const staging = `${target}.staging-${process.pid}`;

fs.rmSync(staging, { recursive: true, force: true });
fs.mkdirSync(staging, { recursive: true });
fs.copyFileSync(path.join(root, "package.json"), path.join(staging, "package.json"));
for (const entry of pkg.files) {
    const from = path.join(root, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(staging, entry), { recursive: true });
}
fs.rmSync(target, { recursive: true, force: true });
fs.renameSync(staging, target);
