import { read } from "./rss";

// Linux reports utime and stime in USER_HZ ticks, 100 a second on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) of this process's children that have exited and been waited for,
 * with everything they waited for in turn: the kernel's `cutime + cstime` (fields 16 and 17 of
 * `/proc/self/stat`). Taken before and after one engine command, the difference is the Pulumi CLI's
 * CPU with its language host, program and plugins (the CLI waits for each), exact and without
 * sampling: for an up of 20 images it gave 6.47 s where sampling each process's `/proc/<pid>/stat`
 * every 50 ms gave 6.28 s (the sampler loses each process's last interval, and cost CPU itself).
 * Unlike a wall-clock time, it does not grow when other work shares the cores: two commands' CPU
 * seconds compare their work on a loaded machine. Nothing else may exit from this process meanwhile.
 */
export function waitedChildrenCpuSeconds(): number {
    const stat = read("/proc/self/stat");
    if (stat === undefined) throw new Error("cannot read /proc/self/stat: the bench's CPU figures need Linux's /proc");
    // Fields after the parenthesised command name: state is the 3rd field, cutime the 16th, cstime the 17th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}
