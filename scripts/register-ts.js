// Runs TypeScript sources with plain Node, without a compile step: each `.ts` file is transpiled
// as it is required (swc with scripts/swcOptions.js, as the tests are; no type-check: `npm run lint`
// type-checks). `npm run bench` runs the bench this way, and so does CI's quick bench
// (test/e2e/bench.test.ts runs the command package.json's `bench` script names):
//
//   node -r ./scripts/register-ts.js bench/run.ts --quick
//
// Each output is kept in the system's temp directory under a hash of all it is made from: swc's
// version, its options, the file's path in the repository and its text. A fresh clone of the same
// sources (CI) reuses it; a change to any of them misses it. swc itself is loaded only on a miss.
// (With typescript's transpileModule, transpiling was most of the quick bench's start: 5 of its 6.5
// CPU-seconds for 165 sources.)
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { swcOptions } = require("./swcOptions");

const root = path.join(__dirname, "..");
const cacheDir = path.join(os.tmpdir(), "pulumi-earthengine-register-ts");
const options = swcOptions("typescript");
const cacheSalt = `${require("@swc/core/package.json").version}\0${JSON.stringify(options)}`;

/** The file transpiled: from the cache, or made and stored there (written whole, then renamed, so a reader never sees part of it). */
function transpiled(filename) {
    const source = fs.readFileSync(filename, "utf8");
    // The output names its source relative to the repository (the inline source map), never absolutely.
    const relative = path.relative(root, filename);
    const key = crypto.createHash("sha256").update(`${cacheSalt}\0${relative}\0${source}`).digest("hex");
    const cached = path.join(cacheDir, `${key}.js`);
    try {
        return fs.readFileSync(cached, "utf8");
    } catch {
        const { code } = require("@swc/core").transformSync(source, { ...options, filename: relative });
        try {
            fs.mkdirSync(cacheDir, { recursive: true });
            const partial = `${cached}.${process.pid}.tmp`;
            fs.writeFileSync(partial, code);
            fs.renameSync(partial, cached);
        } catch {
            // A read-only or full temp directory costs only the next run's transpile.
        }
        return code;
    }
}

process.setSourceMapsEnabled(true);
// Node tries extensions in the order they were registered, so `.ts` goes first: a source such as
// api/contract.ts must win over the api/contract.json beside it (the compiled contract.js would).
const registered = { ...require.extensions };
for (const ext of Object.keys(registered)) delete require.extensions[ext];
require.extensions[".ts"] = (module, filename) => module._compile(transpiled(filename), filename);
Object.assign(require.extensions, registered);
