import { descendantsOf, read } from "./rss";

// Linux reports utime and stime in USER_HZ ticks, 100 a second on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) that this process's descendants use while it samples: the Pulumi
 * CLI, its language host and program, the plugins. Each process's `utime + stime` is read from
 * `/proc/<pid>/stat` every `intervalMs` and the last value seen counts, so a process loses at most
 * its last interval before it exits. Unlike a wall-clock time, it does not grow when other work
 * shares the cores: two commands' CPU seconds compare their work on a loaded machine.
 */
export class DescendantCpuSampler {
    private readonly base = new Map<number, number>();
    private readonly seen = new Map<number, number>();
    private timer: NodeJS.Timeout | undefined;

    constructor(private readonly intervalMs = 50) {}

    start(): void {
        // Processes already running (an earlier command's plugin still exiting) count from here.
        for (const [pid, ticks] of this.read()) this.base.set(pid, ticks);
        this.timer = setInterval(() => this.sample(), this.intervalMs);
    }

    /** CPU seconds of the descendants since `start`. */
    stop(): number {
        if (this.timer) clearInterval(this.timer);
        this.sample();
        let ticks = 0;
        for (const [pid, last] of this.seen) ticks += last - (this.base.get(pid) ?? 0);
        return ticks / TICKS_PER_SECOND;
    }

    private sample(): void {
        for (const [pid, ticks] of this.read()) this.seen.set(pid, Math.max(this.seen.get(pid) ?? 0, ticks));
    }

    private read(): [number, number][] {
        const out: [number, number][] = [];
        for (const pid of descendantsOf(process.pid)) {
            const stat = read(`/proc/${pid}/stat`);
            if (stat === undefined) continue;
            // Fields after the parenthesised command name: state is the 3rd field, utime the 14th, stime the 15th.
            const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            out.push([pid, Number(fields[11]) + Number(fields[12])]);
        }
        return out;
    }
}
