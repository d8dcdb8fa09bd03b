import * as v8 from "node:v8";
import * as vm from "node:vm";
import { startEmulator } from "../../emulator";
import { checkedInputs, configureProvider, provider, UNLIMITED_RATE } from "../inProcess";
import type { Measurement } from "../registry";
import { pool } from "../stats";

/** A full garbage collection, without starting Node with --expose-gc. */
function collectGarbage(): void {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    gc();
    gc();
}

/**
 * What the provider keeps per create: the JS heap after a full collection, before and after
 * `pairs` rounds of `providerImages` creates (each round on a reset emulator, so only the
 * provider's own memory can grow). Peak RSS (`peakRssExcessBytes`) also counts garbage not yet
 * collected; this figure says whether anything is retained, which an archive of 10,000 images
 * would multiply.
 */
export const retainedHeap: Measurement = {
    name: "retainedHeapBytesPerCreate",
    summary: "JS heap kept per provider.create after a full GC, over rounds of creates on a reset emulator",
    figures: ["retainedHeapBytesPerCreate"],
    async run({ config, log }) {
        const n = config.providerImages;
        const emulator = await startEmulator();
        try {
            await configureProvider({
                "earthengine:endpoint": emulator.url,
                "earthengine:accessToken": "bench-token",
                "earthengine:maxRequestsPerSecond": UNLIMITED_RATE,
            });
            const round = async (r: number) => {
                emulator.reset();
                await pool(n, config.concurrency, async (i) => void (await provider.create(await checkedInputs(i, `heap${r}_`))));
            };
            await round(0); // untimed warm-up: modules, compiled code, the connection pool
            collectGarbage();
            const before = process.memoryUsage().heapUsed;
            const rounds = Math.max(2, config.pairs);
            log(`retainedHeapBytesPerCreate: ${rounds} rounds of ${n} creates`);
            for (let r = 1; r <= rounds; r++) await round(r);
            emulator.reset();
            collectGarbage();
            const after = process.memoryUsage().heapUsed;
            const creates = rounds * n;
            return [
                {
                    name: "retainedHeapBytesPerCreate",
                    value: (after - before) / creates,
                    unit: "bytes",
                    note: `heap after a full GC: ${(before / 2 ** 20).toFixed(1)} MiB, then ${(after / 2 ** 20).toFixed(1)} MiB after ${creates} more creates`,
                },
            ];
        } finally {
            await emulator.close();
        }
    },
};
