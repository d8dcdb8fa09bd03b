import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The emulator is Google's stand-in and api/ is Google's contract: neither may share the
// provider's code (a stand-in that shares our validation agrees with our mistakes).
const ROOT = path.join(__dirname, "..", "..");
const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g;

/** `file: specifier` for every import under `root/dir` that resolves into provider/ or sdk/. */
function forbiddenImports(root: string, dir: string): string[] {
    const out: string[] = [];
    const files = fs
        .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name));
    for (const file of files) {
        for (const [, specifier] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
            const target = specifier.startsWith(".") ? path.relative(root, path.resolve(path.dirname(file), specifier)) : specifier;
            if (/^(provider|sdk)(\/|$)/.test(target) || /^pulumi-earthengine\/provider/.test(target)) {
                out.push(`${path.relative(root, file)}: ${specifier}`);
            }
        }
    }
    return out;
}

test.each(["emulator", "api"])("%s/ imports nothing from provider/ or sdk/", (dir) => {
    expect(forbiddenImports(ROOT, dir)).toEqual([]);
});

test("the rule sees a forbidden import, also in a nested folder (it can fail)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "boundaries-"));
    try {
        fs.mkdirSync(path.join(root, "emulator", "rules"), { recursive: true });
        fs.writeFileSync(path.join(root, "emulator", "rules", "probe.ts"), 'import { validateManifest } from "../../provider/manifest";\n');
        fs.writeFileSync(path.join(root, "emulator", "fine.ts"), 'import { CONTRACT } from "../api";\n');
        expect(forbiddenImports(root, "emulator")).toEqual(["emulator/rules/probe.ts: ../../provider/manifest"]);
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
});
