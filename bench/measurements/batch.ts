import { startEmulator } from "../../emulator";
import { DEFAULT_LIMITS } from "../../provider/earthengine/limiter";
import { BenchEngine, type BenchStack, type Declaration, type TimedCommand } from "../engine";
import type { Figure, Measurement } from "../registry";
import { figureLines, interleavedPairs, median } from "../stats";

const PARENT = "projects/bench-project/assets/batch";
const LIST_PAGE = 1000;
const CHANGED = 10;
const TYPE = { batch: "earthengine:ExternalImageSet", trivialBatch: "bench:TrivialSet" } as const;

interface BatchRun {
    up: TimedCommand;
    preview: TimedCommand;
    change: TimedCommand;
    refresh: TimedCommand;
    destroy: TimedCommand;
    /** Earth Engine calls of the no-change refresh (0 for the trivial resource). */
    refreshCalls: number;
    stateBytes: number;
}

/**
 * Service time of `writes` requests made by a minimal client at the provider's default limits
 * (20 in flight, 50 started a second) with `latencyMs` each, then `reads` sequential listing pages.
 */
function serviceSeconds(writes: number, reads: number, latencyMs: number): number {
    const byConcurrency = (Math.ceil(writes / DEFAULT_LIMITS.maxConcurrentRequests) * latencyMs) / 1000;
    const byRate = writes / DEFAULT_LIMITS.maxRequestsPerSecond;
    return Math.max(byConcurrency, byRate) + (reads * latencyMs) / 1000;
}

/** Out of band, as an operator would: the folder the set's images go in. */
async function ensureParent(url: string): Promise<void> {
    const response = await fetch(`${url}/v1alpha/projects/bench-project/assets?assetId=batch`, {
        method: "POST",
        headers: { authorization: "Bearer bench", "content-type": "application/json" },
        body: JSON.stringify({ type: "FOLDER" }),
    });
    if (!response.ok && response.status !== 409) throw new Error(`could not create ${PARENT}: ${response.status}`);
}

/** One create-all up, a no-change preview, a change of CHANGED images, a no-change refresh, the state, a destroy. */
async function runBatch(
    stack: BenchStack,
    kind: keyof typeof TYPE,
    n: number,
    parallel: number,
    requestCount: () => number,
): Promise<BatchRun> {
    const declaration: Declaration = { kind, count: n, revision: "r1", file: "a.tif", parent: PARENT };
    await stack.declare(declaration);
    const up = await stack.up(parallel);
    const preview = await stack.preview(parallel);
    await stack.declare({ ...declaration, revision: "r2", changed: CHANGED });
    const change = await stack.up(parallel);
    const before = requestCount();
    const refresh = await stack.refresh(parallel);
    const refreshCalls = requestCount() - before;
    const state = await stack.stateBytes(TYPE[kind]);
    const destroy = await stack.destroy(parallel);
    return { up, preview, change, refresh, destroy, refreshCalls, stateBytes: state.bytesPerResource };
}

/**
 * Batch mode (one ExternalImageSet of N images) against its floor: the engine's time for one
 * trivial dynamic resource holding the same images, measured in the same pair, plus the service
 * time of the writes a minimal client makes at the provider's default limits (issue 20).
 */
export const batch: Measurement = {
    name: "batch",
    summary: "batch mode: one ExternalImageSet of N images vs one trivial resource holding them plus the writes' service time",
    figures: [
        "batch.upVsFloorRatio.nN",
        "batch.changeVsFloorRatio.nN",
        "batch.refreshVsFloorRatio.nN",
        "batch.destroyVsFloorRatio.nN",
        "batch.previewSeconds.nN",
        "batch.previewCpuRatio.nN",
        "batch.refreshCalls.nN",
        "batch.stateBytes.nN",
        "batch.peakRssBytes.nN",
    ],
    async run({ config, log }) {
        const emulator = await startEmulator({ latencyMs: config.latencyMs });
        const engine = await BenchEngine.start({ EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: "" });
        const figures: Figure[] = [];
        let logged = 0;
        const latency = config.latencyMs;
        try {
            await ensureParent(emulator.url);
            const secret = { "earthengine:accessToken": { value: "bench-token", secret: true } };
            const count = () => emulator.requests().length;
            for (const n of config.batchImages) {
                const stacks = {
                    batch: await engine.stack(`batch-${n}`, secret, { inline: config.inlinePrograms }),
                    trivial: await engine.stack(`trivial-batch-${n}`, {}, { inline: config.inlinePrograms }),
                };
                log(`batch: ${config.scalePairs} pair(s) of up/preview/change/refresh/destroy of one set of ${n} images`);
                const pairs = await interleavedPairs(
                    config.scalePairs,
                    () => runBatch(stacks.batch, "batch", n, config.concurrency, count),
                    () => runBatch(stacks.trivial, "trivialBatch", n, config.concurrency, count),
                );
                const pages = Math.ceil(n / LIST_PAGE);
                const floors = {
                    up: serviceSeconds(n, pages, latency),
                    change: serviceSeconds(CHANGED, 0, latency),
                    refresh: (pages * latency) / 1000,
                    destroy: serviceSeconds(n, 0, latency),
                };
                const ratio = (pick: (r: BatchRun) => TimedCommand, service: number) =>
                    pairs.map((p) => pick(p.subject).seconds / (pick(p.baseline).seconds + service));
                const at = `n${n}`;
                const ratioFigure = (name: string, pick: (r: BatchRun) => TimedCommand, service: number, what: string): Figure => {
                    const samples = ratio(pick, service);
                    const engineSeconds = median(pairs.map((p) => pick(p.baseline).seconds));
                    return {
                        name: `batch.${name}.${at}`,
                        value: median(samples),
                        unit: "x",
                        note: `${what} vs trivial ${engineSeconds.toFixed(1)} s + service ${service.toFixed(2)} s`,
                        samples,
                    };
                };
                const previewRatio = median(pairs.map((p) => p.subject.preview.seconds / p.baseline.preview.seconds));
                const previewCpu = pairs.map((p) => p.subject.preview.cpuSeconds / p.baseline.preview.cpuSeconds);
                const last = pairs[pairs.length - 1];
                figures.push(
                    ratioFigure("upVsFloorRatio", (r) => r.up, floors.up, `create-all up of ${n} (${n} imports + ${pages} listing pages)`),
                    ratioFigure(
                        "changeVsFloorRatio",
                        (r) => r.change,
                        floors.change,
                        `up changing ${CHANGED} of ${n} (${CHANGED} patches)`,
                    ),
                    ratioFigure("refreshVsFloorRatio", (r) => r.refresh, floors.refresh, `no-change refresh of ${n}`),
                    ratioFigure("destroyVsFloorRatio", (r) => r.destroy, floors.destroy, `destroy of ${n} (${n} deletes)`),
                    {
                        name: `batch.previewSeconds.${at}`,
                        value: median(pairs.map((p) => p.subject.preview.seconds)),
                        unit: "s",
                        note: `no-change preview of ${n}; ${previewRatio.toFixed(2)}x the trivial resource's (target <= 1.2x)`,
                        samples: pairs.map((p) => p.subject.preview.seconds),
                    },
                    {
                        name: `batch.previewCpuRatio.${at}`,
                        value: median(previewCpu),
                        unit: "x",
                        note: `CPU seconds of the no-change preview of ${n} (CLI, program, provider) vs the trivial resource's, ${median(pairs.map((p) => p.subject.preview.cpuSeconds)).toFixed(1)} s vs ${median(pairs.map((p) => p.baseline.preview.cpuSeconds)).toFixed(1)} s: the preview target on a shared machine, where wall-clock time follows the load (target <= 1.2x)`,
                        samples: previewCpu,
                    },
                    {
                        name: `batch.refreshCalls.${at}`,
                        value: median(pairs.map((p) => p.subject.refreshCalls)),
                        unit: "calls",
                        note: `Earth Engine calls of a no-change refresh of ${n} (${(median(pairs.map((p) => p.subject.refreshCalls)) / n).toFixed(4)} per image)`,
                    },
                    {
                        name: `batch.stateBytes.${at}`,
                        value: last.subject.stateBytes,
                        unit: "bytes",
                        note: `the set in the exported state (${(last.subject.stateBytes / n).toFixed(0)} B/image); the trivial resource ${last.baseline.stateBytes} B`,
                    },
                    {
                        name: `batch.peakRssBytes.${at}`,
                        value: median(pairs.map((p) => Math.max(p.subject.up.peakRssBytes, p.subject.refresh.peakRssBytes))),
                        unit: "bytes",
                        note: `dynamic-provider VmHWM over the up and the refresh; trivial ${(median(pairs.map((p) => p.baseline.up.peakRssBytes)) / 1048576).toFixed(0)} MiB`,
                    },
                );
                for (const line of figureLines(figures.slice(logged))) log(line);
                logged = figures.length;
            }
            return figures;
        } finally {
            engine.close();
            await emulator.close();
        }
    },
};
