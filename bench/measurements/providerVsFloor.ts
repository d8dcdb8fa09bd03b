import { type RunningEmulator, startEmulator } from "../../emulator";
import { DEFAULT_LIMITS } from "../../provider/earthengine";
import { checkedInputs, configureProvider, provider, UNLIMITED_RATE } from "../inProcess";
import type { Figure, Measurement } from "../registry";
import { interleavedPairs, median, pool, timed } from "../stats";

const TOKEN = "bench-token";

/**
 * The floor: a bare fetch loop making exactly the provider's create calls (importExternal POST,
 * then GET of the asset) with the same headers, bodies and concurrency.
 */
async function floorCreate(emulator: RunningEmulator, inputs: Record<string, unknown>): Promise<void> {
    const manifest = inputs.imageManifest as { name: string };
    const headers = { authorization: `Bearer ${TOKEN}`, accept: "application/json", "x-goog-user-project": "bench-project" };
    const post = await fetch(`${emulator.url}/v1alpha/projects/bench-project/image:importExternal`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ imageManifest: manifest, overwrite: false }),
    });
    await post.text();
    const get = await fetch(`${emulator.url}/v1alpha/${manifest.name}`, { headers });
    await get.text();
    if (!post.ok || !get.ok) throw new Error(`floor call failed: ${post.status} ${get.status}`);
}

/**
 * Provider creates vs the floor, at the configured latency and with none (where only CPU differs).
 * Both sides get the same limits: `concurrency` in flight and no rate limit, so the ratio is the
 * provider's own overhead. `.defaultLimits` then times the provider at its default limits against
 * the bound those limits set (2 calls per image at `maxRequestsPerSecond`), which is what a user
 * who changes nothing gets.
 */
export const providerVsFloor: Measurement = {
    name: "providerVsFloorRatio",
    summary: "provider.create of N images vs a raw fetch loop making the same calls, same concurrency, same run",
    figures: ["providerVsFloorRatio", "providerVsFloorRatio.noLatency", "providerVsFloorRatio.defaultLimits"],
    async run({ config, log }) {
        const n = config.providerImages;
        const emulator = await startEmulator();
        try {
            const settings = { "earthengine:endpoint": emulator.url, "earthengine:accessToken": TOKEN };
            await configureProvider({
                ...settings,
                "earthengine:maxConcurrentRequests": String(config.concurrency),
                "earthengine:maxRequestsPerSecond": UNLIMITED_RATE,
            });
            const inputs = await Promise.all(Array.from({ length: n }, (_, i) => checkedInputs(i)));
            const run = (create: (i: number) => Promise<unknown>) => async () => {
                emulator.reset();
                const { seconds } = await timed(() => pool(n, config.concurrency, async (i) => void (await create(i))));
                if (emulator.assets().length !== n) throw new Error(`expected ${n} assets, found ${emulator.assets().length}`);
                return seconds;
            };
            // Untimed: loads modules, compiles hot paths and opens connections for both sides.
            await run((i) => provider.create(inputs[i]))();
            await run((i) => floorCreate(emulator, inputs[i]))();
            const figures: Figure[] = [];
            for (const [suffix, latencyMs] of [
                ["", config.latencyMs],
                [".noLatency", 0],
            ] as const) {
                emulator.setLatency(latencyMs);
                log(`providerVsFloorRatio: ${config.pairs} pair(s) of ${n} creates at ${latencyMs} ms latency`);
                const pairs = await interleavedPairs(
                    config.pairs,
                    run((i) => provider.create(inputs[i])),
                    run((i) => floorCreate(emulator, inputs[i])),
                );
                const ratios = pairs.map((p) => p.subject / p.baseline);
                figures.push({
                    name: `providerVsFloorRatio${suffix}`,
                    value: median(ratios),
                    unit: "x",
                    note: `${n} creates, ${config.concurrency} at a time, ${latencyMs} ms latency; floor ${median(pairs.map((p) => p.baseline)).toFixed(2)} s`,
                    samples: ratios,
                });
            }

            await configureProvider(settings);
            emulator.setLatency(config.latencyMs);
            const { maxRequestsPerSecond } = DEFAULT_LIMITS;
            const boundSeconds = (2 * n) / maxRequestsPerSecond;
            log(`providerVsFloorRatio.defaultLimits: ${config.pairs} run(s) of ${n} creates at the default limits`);
            await run((i) => provider.create(inputs[i]))(); // untimed: the new limiter's first window
            const ratios: number[] = [];
            for (let p = 0; p < config.pairs; p++) ratios.push((await run((i) => provider.create(inputs[i]))()) / boundSeconds);
            figures.push({
                name: "providerVsFloorRatio.defaultLimits",
                value: median(ratios),
                unit: "x",
                note: `${n} creates at the default limits (${DEFAULT_LIMITS.maxConcurrentRequests} in flight, ${maxRequestsPerSecond} requests/s) vs ${2 * n} calls / ${maxRequestsPerSecond} per s = ${boundSeconds.toFixed(1)} s`,
                samples: ratios,
            });
            return figures;
        } finally {
            await emulator.close();
        }
    },
};
