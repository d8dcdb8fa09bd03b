import { type ProcessView, procStat, watchEngine } from "../../provider/earthengine/engineWatch";

/** A process table that tests can change: pid → [parent pid, command]. */
function table(self: number, entries: Record<number, [number, string]>) {
    const rows = new Map(Object.entries(entries).map(([pid, row]) => [Number(pid), row]));
    const view: ProcessView = {
        parentPid: () => self,
        describe: (pid) => {
            const row = rows.get(pid);
            return row ? { parentPid: row[0], command: row[1] } : undefined;
        },
    };
    return {
        view,
        reparent(pid: number, parent: number) {
            const row = rows.get(pid);
            if (row) rows.set(pid, [parent, row[1]]);
        },
        setSelf(parent: number) {
            self = parent;
        },
    };
}

describe("watchEngine: has the engine that started this provider gone?", () => {
    test("engine -> provider: gone once this process is re-parented (the engine died)", () => {
        const t = table(100, { 100: [50, "pulumi"] });
        const watch = watchEngine(t.view);
        expect(watch.engineGone()).toBe(false);
        t.setSelf(1);
        expect(watch.engineGone()).toBe(true);
        t.setSelf(100); // never comes back
        expect(watch.engineGone()).toBe(true);
    });

    test.each(["pulumi-resource", "sh", "bash"])(
        "engine -> %s (the plugin script) -> provider: gone once the script is re-parented",
        (command) => {
            const t = table(200, { 200: [100, command], 100: [50, "pulumi"] });
            const watch = watchEngine(t.view);
            expect(watch.engineGone()).toBe(false);
            t.reparent(200, 1);
            expect(watch.engineGone()).toBe(true);
        },
    );

    test("a parent that is not a shell is the engine: its own parent changing is not a death", () => {
        const t = table(100, { 100: [50, "pulumi"] });
        const watch = watchEngine(t.view);
        t.reparent(100, 1); // whoever started pulumi went away; pulumi still runs
        expect(watch.engineGone()).toBe(false);
    });

    test("an unreadable process table (not Linux) never stops a write", () => {
        const t = table(200, {});
        const watch = watchEngine(t.view);
        expect(watch.engineGone()).toBe(false);
    });

    test("this test process, whose parent lives, is not orphaned", () => {
        expect(watchEngine().engineGone()).toBe(false);
    });
});

describe("procStat", () => {
    test("reads the parent pid and command, even with spaces and parentheses in the command", () => {
        expect(procStat(7, () => "7 (a) b (c)) S 42 7 7 0 -1")).toEqual({ parentPid: 42, command: "a) b (c)" });
    });

    test("undefined when the file cannot be read or parsed", () => {
        expect(
            procStat(7, () => {
                throw new Error("ENOENT");
            }),
        ).toBeUndefined();
        expect(procStat(7, () => "garbage")).toBeUndefined();
    });

    test("this process's own entry names its parent (Linux)", () => {
        if (process.platform !== "linux") return;
        expect(procStat(process.pid)?.parentPid).toBe(process.ppid);
    });
});
