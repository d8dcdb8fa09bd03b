import * as fs from "node:fs";

/**
 * Samples the peak resident set (`VmHWM`, the kernel's own high-water mark) of this process's
 * descendants whose command line matches, every `intervalMs`, until stopped. The kernel keeps the
 * peak, so a sample shortly before the process exits already holds its highest value.
 */
export class PeakRssSampler {
    private readonly peaks = new Map<number, number>();
    private timer: NodeJS.Timeout | undefined;

    constructor(
        private readonly matches: (commandLine: string) => boolean,
        private readonly intervalMs = 50,
    ) {}

    start(): void {
        this.timer = setInterval(() => this.sample(), this.intervalMs);
    }

    /** The highest VmHWM, in bytes, of any matching process seen (0 if none was seen). */
    stop(): { peakBytes: number; processes: number } {
        if (this.timer) clearInterval(this.timer);
        this.sample();
        return { peakBytes: Math.max(0, ...this.peaks.values()), processes: this.peaks.size };
    }

    private sample(): void {
        for (const pid of descendantsOf(process.pid)) {
            const commandLine = read(`/proc/${pid}/cmdline`)?.split("\0").join(" ");
            if (!commandLine || !this.matches(commandLine)) continue;
            const hwm = /^VmHWM:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "");
            if (hwm) this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, Number(hwm[1]) * 1024));
        }
    }
}

/** The dynamic-provider plugin: node running @pulumi/pulumi's cmd/dynamic-provider. */
export const isDynamicProvider = (commandLine: string): boolean => /(^|\/)node\s.*cmd\/dynamic-provider/.test(commandLine);

/**
 * The processes under `root` (children, their children, ...), from each thread's
 * `/proc/<pid>/task/<tid>/children`: the cost follows the descendants, not every process on the
 * machine (a scan of all of /proc twenty times a second took a tenth of a core while CI ran).
 */
export function descendantsOf(root: number): number[] {
    const out: number[] = [];
    const queue = childrenOf(root);
    while (queue.length > 0) {
        const pid = queue.shift() as number;
        out.push(pid);
        queue.push(...childrenOf(pid));
    }
    return out;
}

function childrenOf(pid: number): number[] {
    let threads: string[];
    try {
        threads = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
        return []; // exited meanwhile
    }
    return threads.flatMap((tid) =>
        (read(`/proc/${pid}/task/${tid}/children`) ?? "")
            .split(" ")
            .filter((child) => child !== "")
            .map(Number),
    );
}

/** A /proc file's text, or undefined if the process is gone. */
export function read(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
}
