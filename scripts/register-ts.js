// Runs TypeScript sources with plain Node, without a compile step: each `.ts` file is transpiled
// as it is required (typescript's transpileModule with this repository's tsconfig.json options, no
// type-check; `npm run lint` type-checks). The quick bench in CI runs this way, where
// `npm run bench` compiles with tsconfig.bench.json first:
//
//   node -r ./scripts/register-ts.js bench/run.ts --quick
//
// Transpiling is most of such a process's start (the quick bench loads 165 sources: 5 of its 6.5
// CPU-seconds), so each output is kept in the system's temp directory under a hash of all it is
// made from: typescript's version, tsconfig.json, the file's path in the repository and its text.
// A fresh clone of the same sources (CI) reuses it; a change to any of them misses it. typescript
// itself is loaded only on a miss.
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const configFile = path.join(root, "tsconfig.json");
const cacheDir = path.join(os.tmpdir(), "pulumi-earthengine-register-ts");
const cacheSalt = `${require("typescript/package.json").version}\0${fs.readFileSync(configFile, "utf8")}`;

let compiler;
/** typescript and the options it transpiles with, loaded on the first cache miss. */
function loadCompiler() {
    if (compiler) return compiler;
    const ts = require("typescript");
    const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
    if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
    const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
    compiler = { ts, compilerOptions: { ...options, isolatedModules: true, sourceMap: false, inlineSourceMap: true, declaration: false } };
    return compiler;
}

/** The file transpiled: from the cache, or made and stored there (written whole, then renamed, so a reader never sees part of it). */
function transpiled(filename) {
    const source = fs.readFileSync(filename, "utf8");
    // The output names its source relative to the repository (the inline source map), never absolutely.
    const key = crypto
        .createHash("sha256")
        .update(`${cacheSalt}\0${path.relative(root, filename)}\0${source}`)
        .digest("hex");
    const cached = path.join(cacheDir, `${key}.js`);
    try {
        return fs.readFileSync(cached, "utf8");
    } catch {
        const { ts, compilerOptions } = loadCompiler();
        const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
        try {
            fs.mkdirSync(cacheDir, { recursive: true });
            const partial = `${cached}.${process.pid}.tmp`;
            fs.writeFileSync(partial, outputText);
            fs.renameSync(partial, cached);
        } catch {
            // A read-only or full temp directory costs only the next run's transpile.
        }
        return outputText;
    }
}

process.setSourceMapsEnabled(true);
// Node tries extensions in the order they were registered, so `.ts` goes first: a source such as
// api/contract.ts must win over the api/contract.json beside it (the compiled contract.js would).
const registered = { ...require.extensions };
for (const ext of Object.keys(registered)) delete require.extensions[ext];
require.extensions[".ts"] = (module, filename) => module._compile(transpiled(filename), filename);
Object.assign(require.extensions, registered);
