// Runs TypeScript sources with plain Node, without a compile step: each `.ts` file is transpiled
// as it is required (typescript's transpileModule with this repository's tsconfig.json options, no
// type-check; `npm run lint` type-checks). The quick bench in CI runs this way, where
// `npm run bench` compiles with tsconfig.bench.json first:
//
//   node -r ./scripts/register-ts.js bench/run.ts --quick
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const configFile = path.join(__dirname, "..", "tsconfig.json");
const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, path.dirname(configFile));
const compilerOptions = { ...options, isolatedModules: true, sourceMap: false, inlineSourceMap: true, declaration: false };

process.setSourceMapsEnabled(true);
// Node tries extensions in the order they were registered, so `.ts` goes first: a source such as
// api/contract.ts must win over the api/contract.json beside it (the compiled contract.js would).
const registered = { ...require.extensions };
for (const ext of Object.keys(registered)) delete require.extensions[ext];
require.extensions[".ts"] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
};
Object.assign(require.extensions, registered);
