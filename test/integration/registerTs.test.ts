import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../e2e/support/sdk";

// scripts/register-ts.js keeps each transpiled source in the temp directory, keyed by what it is made
// from (the quick bench's start is mostly transpiling). What must hold: a changed source is never
// run from a stale entry, and an unchanged one is served without loading the compiler (swc) at all.
const REGISTER = path.join(REPO_ROOT, "scripts/register-ts.js");

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ee-register-ts-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `file` through register-ts with its own temp directory (so its own cache): what it printed. */
function run(file: string): { value: string; compilerLoaded: boolean } {
    const out = execFileSync(process.execPath, ["-r", REGISTER, file], {
        env: { ...process.env, TMPDIR: path.join(dir, "tmp") },
        encoding: "utf8",
    });
    return JSON.parse(out);
}

test("a source is transpiled once, served from the cache unchanged, and transpiled again when its text changes", () => {
    fs.mkdirSync(path.join(dir, "tmp"));
    const file = path.join(dir, "program.ts");
    const source = (value: string) =>
        `const value: string = ${JSON.stringify(value)};\n` +
        `const compilerLoaded = Object.keys(require.cache).some((k) => k.endsWith("/node_modules/@swc/core/index.js"));\n` +
        "console.log(JSON.stringify({ value, compilerLoaded }));\n";
    const entries = () => fs.readdirSync(path.join(dir, "tmp/pulumi-earthengine-register-ts"));

    fs.writeFileSync(file, source("first"));
    expect(run(file)).toEqual({ value: "first", compilerLoaded: true });
    expect(entries()).toHaveLength(1);
    expect(run(file)).toEqual({ value: "first", compilerLoaded: false });

    fs.writeFileSync(file, source("second"));
    expect(run(file)).toEqual({ value: "second", compilerLoaded: true });
    expect(entries()).toHaveLength(2);
    expect(entries().every((name) => name.endsWith(".js"))).toBe(true);
});
