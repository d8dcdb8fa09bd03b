import { readFileSync } from "node:fs";

/**
 * Whether the Pulumi engine that started this provider process is still there, so that a provider
 * left behind by a killed `pulumi up` stops starting Earth Engine writes instead of importing the
 * rest of its queue (a dynamic provider runs in a process group of its own and outlives the engine).
 *
 * The engine starts the plugin `pulumi-resource-pulumi-nodejs`, a `/bin/sh` script that runs
 * `node .../dynamic-provider` without `exec`: the engine is this process's parent, or its parent's
 * parent when the parent is that script. When the engine dies its child is re-parented (to init or
 * a subreaper), so the parent's pid (and, through the script, the script's parent's pid in
 * `/proc/<pid>/stat`) changes from the value recorded at start. Only that change counts as gone:
 * an unreadable `/proc` (not Linux) leaves the script check out and never stops a write.
 */
export interface ProcessView {
    /** This process's parent pid now (`process.ppid`, read afresh by Node each time). */
    parentPid(): number;
    /** The parent pid of `pid` and its command name, or undefined when it cannot be read. */
    describe(pid: number): { parentPid: number; command: string } | undefined;
}

/**
 * Whether a parent with this command name is a wrapper between the engine and the provider: the
 * plugin script (Linux names a process run through `#!` after the script, cut to 15 characters:
 * `pulumi-resource`) or a shell.
 */
function isWrapper(command: string): boolean {
    return command.startsWith("pulumi-resource") || ["sh", "dash", "bash", "ash", "busybox"].includes(command);
}

/** Reads `/proc/<pid>/stat`: `pid (comm) state ppid ...`; comm may hold spaces and parentheses. */
export function procStat(pid: number, read: (path: string) => string = (path) => readFileSync(path, "utf8")) {
    try {
        const stat = read(`/proc/${pid}/stat`);
        const open = stat.indexOf("(");
        const close = stat.lastIndexOf(")");
        const parentPid = Number(stat.slice(close + 2).split(" ")[1]);
        if (open < 0 || close < open || !Number.isInteger(parentPid)) return undefined;
        return { parentPid, command: stat.slice(open + 1, close) };
    } catch {
        return undefined;
    }
}

export const LIVE_PROCESS: ProcessView = { parentPid: () => process.ppid, describe: (pid) => procStat(pid) };

export interface EngineWatch {
    /** True once the engine that started this process is gone; then no new write may start. */
    engineGone(): boolean;
}

/** Records the engine's place now (call it once, at the provider process's start). */
export function watchEngine(view: ProcessView = LIVE_PROCESS): EngineWatch {
    const parent = view.parentPid();
    const parentInfo = view.describe(parent);
    // The wrapper's own parent is the engine; otherwise the parent itself is.
    const grandparent = parentInfo && isWrapper(parentInfo.command) ? parentInfo.parentPid : undefined;
    let gone = false;
    return {
        engineGone() {
            if (gone) return true;
            if (view.parentPid() !== parent) gone = true;
            else if (grandparent !== undefined) {
                const now = view.describe(parent);
                gone = now !== undefined && now.parentPid !== grandparent;
            }
            return gone;
        },
    };
}

/** The watch of this process, recorded when the provider's code is first loaded. */
export const PROCESS_ENGINE_WATCH: EngineWatch = watchEngine();

/**
 * Thrown instead of starting an Earth Engine write once the engine is gone. Nothing was sent; the
 * next `up` after the recovery in the README adopts what earlier writes made.
 */
export class EngineGoneError extends Error {
    override name = "EngineGoneError";
    constructor(method: string, url: string) {
        super(
            `not sent: ${method} ${url}: the Pulumi engine that started this provider is gone (killed), so no new Earth Engine write is started; follow the README's "Recovering from an interrupted up"`,
        );
    }
}
