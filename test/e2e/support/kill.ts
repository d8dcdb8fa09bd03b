import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { type EngineSandbox, pulumiBinDir } from "./engine";

/** The CLI run directly on `stack`, in its own process group, so the whole group can be killed like a crashed CI job. */
export function pulumiInGroup(sandbox: EngineSandbox, stack: string, args: string[]): ChildProcess {
    return spawn(path.join(pulumiBinDir(), "pulumi"), [...args, "--stack", stack, "--non-interactive"], {
        cwd: sandbox.workDir,
        env: { ...process.env, ...sandbox.envVars },
        detached: true,
        stdio: "ignore",
    });
}

/** Processes (any group) whose environment is this sandbox's: the CLI and every plugin it started. */
export function sandboxProcesses(sandbox: EngineSandbox): number[] {
    const marker = `PULUMI_HOME=${sandbox.envVars.PULUMI_HOME}`;
    return fs
        .readdirSync("/proc")
        .filter((entry) => /^\d+$/.test(entry))
        .filter((pid) => {
            try {
                return fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(marker);
            } catch {
                return false; // exited meanwhile
            }
        })
        .map(Number);
}

function commandOf(pid: number): string {
    try {
        return path.basename(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]);
    } catch {
        return "(exited)";
    }
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5 * 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/**
 * SIGKILL to the run's whole process group, as a crashed CI job gets, then to the plugins it left: the
 * engine starts them (language host, program, dynamic provider) in process groups of their own, so
 * they outlive the CLI's group, and a survivor could still finish a request mid-recovery. Each is
 * killed by its id. Returns the survivors' command names, for the log.
 */
export async function killRun(sandbox: EngineSandbox, run: ChildProcess): Promise<string[]> {
    const exited =
        run.exitCode !== null || run.signalCode !== null ? Promise.resolve() : new Promise((resolve) => run.once("exit", resolve));
    try {
        process.kill(-(run.pid as number), "SIGKILL");
    } catch {
        // the group is gone already
    }
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const survivors = sandboxProcesses(sandbox);
    const names = survivors.map(commandOf);
    for (const pid of survivors) process.kill(pid, "SIGKILL");
    await until(() => sandboxProcesses(sandbox).length === 0, "the plugins to exit", 10_000);
    return names;
}

/**
 * The README's repair after a killed run on a file backend (`find <dir> -name '*.attrs' -size 0 -delete`):
 * removes the `.attrs` sidecars the kill left empty (the CLI truncates one, then writes it; while one is
 * empty every command fails with "failed to load checkpoint: EOF", although the state is intact).
 * Returns the files removed, relative to the backend directory; none for a bucket backend.
 */
export function removeTornSidecars(sandbox: EngineSandbox): string[] {
    const url = new URL(sandbox.envVars.PULUMI_BACKEND_URL);
    if (url.protocol !== "file:") return [];
    const torn = (fs.readdirSync(url.pathname, { recursive: true }) as string[]).filter(
        (file) => file.endsWith(".attrs") && fs.statSync(path.join(url.pathname, file)).size === 0,
    );
    for (const file of torn) fs.rmSync(path.join(url.pathname, file));
    return torn;
}
