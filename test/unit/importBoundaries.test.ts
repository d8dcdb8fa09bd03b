import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The emulator is Google's stand-in and api/ is Google's contract: neither may share the
// provider's code (a stand-in that shares our validation agrees with our mistakes).
const ROOT = path.join(__dirname, "..", "..");
// Static (`from "x"`), side-effect (`import "x"`), dynamic (`import("x")`, also a template literal) and require.
const IMPORT = /(?:\bfrom\s+|\bimport\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)["'`]([^"'`]+)["'`]/g;

/** The top-level folders each side may not reach; the package's own entries are the sdk and provider. */
const FORBIDDEN: Record<string, readonly string[]> = { emulator: ["provider", "sdk"], api: ["provider", "sdk", "emulator"] };

/** `file: specifier` for every import under `root/dir` that resolves into a folder it may not reach. */
function forbiddenImports(root: string, dir: string): string[] {
    const folders = FORBIDDEN[dir] ?? ["provider", "sdk"];
    const local = new RegExp(`^(${folders.join("|")})(/|$)`);
    const out: string[] = [];
    const files = fs
        .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name));
    for (const file of files) {
        for (const [, specifier] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
            const target = specifier.startsWith(".") ? path.relative(root, path.resolve(path.dirname(file), specifier)) : specifier;
            if (local.test(target) || /^pulumi-earthengine(\/(provider|sdk)(\/|$)|$)/.test(target)) {
                out.push(`${path.relative(root, file)}: ${specifier}`);
            }
        }
    }
    return out;
}

test.each(["emulator", "api"])("%s/ imports nothing from provider/ or sdk/ (api/ nothing from emulator/ either)", (dir) => {
    expect(forbiddenImports(ROOT, dir)).toEqual([]);
});

test("the rule sees a forbidden import, also in a nested folder (it can fail)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "boundaries-"));
    try {
        fs.mkdirSync(path.join(root, "emulator", "rules"), { recursive: true });
        fs.writeFileSync(path.join(root, "emulator", "rules", "probe.ts"), 'import { validateManifest } from "../../provider/manifest";\n');
        fs.writeFileSync(path.join(root, "emulator", "sideEffect.ts"), 'import "../provider";\nconst m = import(`../sdk/inputs`);\n');
        fs.writeFileSync(path.join(root, "emulator", "package.ts"), 'import { ExternalImage } from "pulumi-earthengine";\n');
        fs.writeFileSync(path.join(root, "emulator", "fine.ts"), 'import { CONTRACT } from "../api";\n');
        fs.mkdirSync(path.join(root, "api"));
        fs.writeFileSync(path.join(root, "api", "probe.ts"), 'import { startEmulator } from "../emulator";\n');
        expect(forbiddenImports(root, "emulator").sort()).toEqual([
            "emulator/package.ts: pulumi-earthengine",
            "emulator/rules/probe.ts: ../../provider/manifest",
            "emulator/sideEffect.ts: ../provider",
            "emulator/sideEffect.ts: ../sdk/inputs",
        ]);
        expect(forbiddenImports(root, "api")).toEqual(["api/probe.ts: ../emulator"]);
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
});

// provider/'s shared folders, from the ground up (README "Development"): each imports only the ones
// before it, never a later one nor a kind, so arrows point down and no import circle can form.
const PROVIDER_LAYERS = ["values", "manifest", "earthengine", "cloudStorage", "preflight", "resource"] as const;

/** `file: specifier` for every import in a shared folder of `root/provider` that reaches a later folder or a kind. */
function upwardImports(root: string): string[] {
    const out: string[] = [];
    PROVIDER_LAYERS.forEach((layer, level) => {
        const dir = path.join(root, "provider", layer);
        if (!fs.existsSync(dir)) return;
        const files = fs
            .readdirSync(dir, { withFileTypes: true, recursive: true })
            .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
            .map((entry) => path.join(entry.parentPath, entry.name));
        for (const file of files) {
            for (const [, specifier] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
                if (!specifier.startsWith(".")) continue;
                const [top, folder] = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep);
                if (top !== "provider" || folder === layer) continue;
                const target = PROVIDER_LAYERS.indexOf(folder as (typeof PROVIDER_LAYERS)[number]);
                if (target < 0 || target > level) out.push(`${path.relative(root, file)}: ${specifier}`);
            }
        }
    });
    return out;
}

test("provider/'s shared folders import only the ones below them (values, manifest, earthengine, cloudStorage, preflight, resource)", () => {
    expect(upwardImports(ROOT)).toEqual([]);
});

test("the layering rule sees an import up, into a kind, and a type-only one (it can fail)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "layers-"));
    try {
        for (const dir of ["values", "manifest", "cloudStorage"]) fs.mkdirSync(path.join(root, "provider", dir), { recursive: true });
        fs.writeFileSync(path.join(root, "provider", "values", "up.ts"), 'import { x } from "../manifest/schema";\n');
        fs.writeFileSync(path.join(root, "provider", "values", "peer.ts"), 'import { y } from "./up";\n');
        fs.writeFileSync(path.join(root, "provider", "manifest", "kind.ts"), 'import { folderKind } from "../folder/kind";\n');
        fs.writeFileSync(path.join(root, "provider", "manifest", "down.ts"), 'import { quote } from "../values/failures";\n');
        fs.writeFileSync(path.join(root, "provider", "cloudStorage", "type.ts"), 'import type { Finding } from "../preflight/rules";\n');
        expect(upwardImports(root).sort()).toEqual([
            "provider/cloudStorage/type.ts: ../preflight/rules",
            "provider/manifest/kind.ts: ../folder/kind",
            "provider/values/up.ts: ../manifest/schema",
        ]);
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
});
