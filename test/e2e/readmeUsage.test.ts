import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pulumiBinDir, REPO_ROOT } from "./support/engine";
import { packedPackage, pulumiSdkCopies } from "./support/sdk";

// The README's Usage section, run as written: its shell blocks are read from README.md, so the
// README and this test cannot drift apart. Two substitutions: the clone URL placeholder (this
// checkout's committed HEAD stands in for the repository), and the line that builds and packs the
// clone (`npm ci && npm pack`, 60 CPU-seconds) copies in the tarball the e2e global setup packed from
// this checkout instead: CI's own checkout is a fresh clone that ran `npm ci`, and packaging.test.ts
// checks that tarball's contents. The environment stands in for a
// fresh machine's: a home of its own (so `pulumi login --local` writes nowhere real), with npm's
// cache and the Pulumi CLI cache pointed at this machine's warm ones, as a second run would find them.
jest.setTimeout(15 * 60_000);

const README = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
const CLONE_PLACEHOLDER = "<this repository's URL>";
const BUILD_AND_PACK = "(cd pulumi-earthengine && npm ci && npm pack)";
const EMULATOR_PORT = 8085; // the README's

/** The fenced `sh` blocks of the README section whose heading is `heading`, up to the next `##`/`###` heading. */
function shellBlocks(heading: string): string[] {
    const start = README.indexOf(`\n${heading}\n`);
    if (start < 0) throw new Error(`README.md has no "${heading}" section`);
    const rest = README.slice(start + heading.length + 2);
    const end = rest.search(/^#{2,3} /m);
    const section = end < 0 ? rest : rest.slice(0, end);
    return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

interface Run {
    status: number | null;
    output: string;
}

/** Runs `script` with bash in its own process group, which is killed afterwards (the emulator the script starts with `&` included). */
function bash(script: string, cwd: string, env: Record<string, string>): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn("bash", ["-c", script], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.on("error", reject);
        // On exit, not close: a process the script left behind would hold its output open.
        child.on("exit", (status) => {
            try {
                process.kill(-(child.pid as number), "SIGTERM");
            } catch {
                // the group is already gone
            }
            resolve({ status, output });
        });
    });
}

test("README Usage: the blocks parse as setup, emulator and Google, with one clone placeholder", () => {
    const blocks = shellBlocks("## Usage");
    expect(blocks).toHaveLength(3);
    expect(blocks[0].split(CLONE_PLACEHOLDER)).toHaveLength(2);
    expect(blocks[0].split("\n").filter((line) => line.startsWith(BUILD_AND_PACK))).toHaveLength(1);
    expect(blocks[1]).toMatch(/pulumi-earthengine-emulator --port 8085 &/);
    expect(blocks[2]).toMatch(/pulumi stack init google/);
});

test("README Usage: clone, pack, pulumi new from the template, then up and destroy against the emulator, as written", async () => {
    const [setup, againstEmulator, againstGoogle] = shellBlocks("## Usage");
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "ee-readme-"));
    const home = path.join(temp, "home");
    fs.mkdirSync(home);
    const env: Record<string, string> = {
        PATH: `${process.env.PATH}`
            .split(":")
            .filter((dir) => dir !== pulumiBinDir())
            .join(":"), // the README puts the CLI on PATH
        HOME: home,
        // `pulumi login` records the current backend under the passwd user's ~/.pulumi whatever HOME says:
        // a PULUMI_HOME of the test's own keeps the machine's login untouched.
        PULUMI_HOME: path.join(home, ".pulumi"),
        npm_config_cache: path.join(os.homedir(), ".npm"),
        npm_config_prefer_offline: "true",
        npm_config_update_notifier: "false",
        // The caches stay the machine's: the installers pick PULUMI_EARTHENGINE_CACHE, else XDG_CACHE_HOME's
        // folder, whose XDG default would otherwise follow HOME into the temp dir.
        XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"),
        ...(process.env.PULUMI_EARTHENGINE_CACHE ? { PULUMI_EARTHENGINE_CACHE: process.env.PULUMI_EARTHENGINE_CACHE } : {}),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
        METADATA_SERVER_DETECTION: "none", // no probe of a real metadata server from a test
    };
    try {
        // Setup and the emulator run, then one Google-bound step: its preview must stop on the missing
        // credentials with the ways in, before any call (`gcloud` is not on these machines, so that line is left out).
        const googleSteps = againstGoogle
            .split("\n")
            .filter((line) => !line.startsWith("gcloud "))
            .join("\n");
        const script = [
            // Job control as in the user's terminal, so the README's `kill %1` stops the emulator's whole job (npx and node).
            "set -euo pipefail -m",
            "trap 'kill %1 2>/dev/null || true' EXIT",
            setup
                .replace(CLONE_PLACEHOLDER, REPO_ROOT)
                .split("\n")
                .map((line) => (line.startsWith(BUILD_AND_PACK) ? `cp "${packedPackage(temp)}" pulumi-earthengine/` : line))
                .join("\n"),
            againstEmulator,
            `curl -sf http://127.0.0.1:${EMULATOR_PORT}/_emulator/requests > "${temp}/requests.json"`,
            "kill %1",
            "unset EARTHENGINE_ENDPOINT GOOGLE_OAUTH_ACCESS_TOKEN",
            // The up above type-checked the same index.ts through ts-node; the Google step's preview skips
            // that second check (seconds of CPU), as the other engine suites' later runs do.
            "export PULUMI_NODEJS_TRANSPILE_ONLY=true",
            `( ${googleSteps} ) > "${temp}/google.log" 2>&1 && echo "google preview passed" || echo "google preview failed as expected"`,
        ].join("\n");
        const run = await bash(script, temp, env);
        if (run.status !== 0) throw new Error(`the README's Usage commands exited ${run.status}:\n${run.output.slice(-6000)}`);

        const projectDir = path.join(temp, "my-images");
        expect(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")).toMatch(/^name: my-images$/m);
        // npm 11 lists the tarball's own `prepare` (for any non-registry source); nothing else goes unreviewed.
        const unreviewed = [...run.output.matchAll(/^npm warn install-scripts {3}(\S+)/gm)].map((m) => m[1]);
        expect(unreviewed.filter((name) => !name.startsWith("pulumi-earthengine@"))).toEqual([]);
        expect(pulumiSdkCopies(projectDir)).toEqual(["node_modules/@pulumi/pulumi@3.248.0"]); // the program's copy, not a second one

        // up registered the template's image, destroy deleted it: the emulator's log holds both.
        const log: { requests: { method: string; path: string; status: number }[] } = JSON.parse(
            fs.readFileSync(path.join(temp, "requests.json"), "utf8"),
        );
        const calls = log.requests.filter((r) => r.status === 200).map((r) => `${r.method} ${r.path.replace(/^\/v1\w*/, "")}`);
        expect(calls).toContain("POST /projects/my-project/image:importExternal");
        expect(calls).toContain("DELETE /projects/my-project/assets/dem");

        const google = fs.readFileSync(path.join(temp, "google.log"), "utf8");
        expect(run.output).toContain("google preview failed as expected");
        expect(google).toMatch(/GOOGLE_OAUTH_ACCESS_TOKEN/);
        expect(google).toMatch(/gcloud auth application-default login/);
        expect(google).not.toMatch(/MetadataLookupWarning/);
        // Once, on the resource: no second copy echoed on the stack, no stack trace.
        expect(google.match(/No Google credentials found/g) ?? []).toHaveLength(2); // the resource's line and its diagnostic
        expect(google).not.toMatch(/ConfigurationError:|\n\s+at /);
    } finally {
        fs.rmSync(temp, { recursive: true, force: true });
    }
});
