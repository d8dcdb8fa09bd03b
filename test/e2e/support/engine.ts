import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";

/** The checkout's root: the nearest directory above this file with the install script (this file may run compiled under dist/). */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "scripts/install-pulumi.sh"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no scripts/install-pulumi.sh above ${start}`);
    }
}

/** The directory holding `pulumi`, built (or found) by the install script; cached after the first run. */
export function pulumiBinDir(): string {
    const out = execFileSync("bash", [path.join(REPO_ROOT, "scripts/install-pulumi.sh")], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
    });
    const lines = out.trim().split("\n");
    return lines[lines.length - 1];
}

export interface EngineSandbox {
    /** A copy of the program inside the repository, so it resolves pulumi-earthengine from node_modules like a consumer. */
    workDir: string;
    envVars: Record<string, string>;
    command: PulumiCommand;
    cleanup(): void;
}

/**
 * A throwaway place to run the real engine: file backend and PULUMI_HOME in temp dirs, the
 * program copied under `.pulumi-local/` (git-ignored) so node_modules resolution works.
 */
export async function createSandbox(programDir: string, env: Record<string, string>): Promise<EngineSandbox> {
    const binDir = pulumiBinDir();
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "ee-e2e-"));
    const local = path.join(REPO_ROOT, ".pulumi-local");
    fs.mkdirSync(local, { recursive: true });
    const workDir = fs.mkdtempSync(path.join(local, `${path.basename(programDir)}-`));
    fs.cpSync(programDir, workDir, { recursive: true, filter: (src) => !/Pulumi\.[^/]+\.yaml$/.test(src) || src.endsWith("Pulumi.yaml") });
    fs.mkdirSync(path.join(temp, "backend"));
    const envVars: Record<string, string> = {
        PATH: `${binDir}:${process.env.PATH ?? ""}`,
        PULUMI_HOME: path.join(temp, "home"),
        PULUMI_BACKEND_URL: `file://${path.join(temp, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        ...env,
    };
    const command = await PulumiCommand.get({ root: path.dirname(binDir) });
    return {
        workDir,
        envVars,
        command,
        cleanup() {
            fs.rmSync(temp, { recursive: true, force: true });
            fs.rmSync(workDir, { recursive: true, force: true });
        },
    };
}

export async function newStack(sandbox: EngineSandbox, stackName: string): Promise<Stack> {
    return LocalWorkspace.createStack(
        { stackName, workDir: sandbox.workDir },
        { envVars: sandbox.envVars, pulumiCommand: sandbox.command },
    );
}
