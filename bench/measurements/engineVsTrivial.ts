import { startEmulator } from "../../emulator";
import { BenchEngine, type BenchStack, type ResourceKind } from "../engine";
import type { Figure, Measurement } from "../registry";
import { figureLines, fitLinearQuadratic, interleavedPairs, median } from "../stats";

interface KindRun {
    upSeconds: number;
    previewSeconds: number;
    /** Peak VmHWM of the dynamic-provider process over the up and the no-change preview. */
    peakRssBytes: number;
    bytesPerResource: number;
    providerBytes: number;
}

const TYPE_SUFFIX: Record<ResourceKind, string> = {
    external: "earthengine:ExternalImage",
    trivial: "bench:Trivial",
    batch: "earthengine:ExternalImageSet",
    trivialBatch: "bench:TrivialSet",
};
const CALLS_PER_CREATE = 2; // importExternal, then GET (callsPerCommand.create)
const MIB = 1024 * 1024;

/**
 * One `up` of N resources of a kind, a no-change preview, the state's size, then a destroy
 * (untimed) unless `last`: the last run leaves its resources in the stack, whose backend goes with
 * the sandbox (an engine command fewer per kind).
 */
async function runKind(stack: BenchStack, kind: ResourceKind, n: number, parallel: number, last = false): Promise<KindRun> {
    await stack.declare({ kind, count: n, revision: "r1", file: "a.tif" });
    const up = await stack.up(parallel);
    const preview = await stack.preview(parallel);
    const state = await stack.stateBytes(TYPE_SUFFIX[kind]);
    if (state.resources !== n) throw new Error(`${kind}: ${state.resources} resources in state, expected ${n}`);
    if (!last) await stack.destroy(parallel);
    return {
        upSeconds: up.seconds,
        previewSeconds: preview.seconds,
        peakRssBytes: Math.max(up.peakRssBytes, preview.peakRssBytes),
        bytesPerResource: state.bytesPerResource,
        providerBytes: state.providerBytes,
    };
}

/**
 * `pulumi up` of N ExternalImages vs N trivial dynamic resources with the same inputs (the
 * engine's own floor) and vs the network floor N x 2 calls x latency / parallel; the no-change
 * preview; state size; the dynamic-provider process's peak RSS and its excess over the trivial one.
 */
export const engineVsTrivial: Measurement = {
    name: "engineUpVsFloorRatio",
    summary: "pulumi up / preview of N ExternalImages vs N trivial dynamic resources; state bytes; provider peak RSS",
    figures: [
        "engineUpVsFloorRatio.{trivial,network}.nN",
        "enginePreviewSeconds.nN",
        "peakRssBytes.nN",
        "peakRssExcessBytes.nN",
        "stateBytesPerResource",
        "providerBytes",
        "engineUpFittedSeconds.nN",
    ],
    async run({ config, log }) {
        const emulator = await startEmulator({ latencyMs: config.latencyMs });
        const engine = await BenchEngine.start({ EARTHENGINE_ENDPOINT: emulator.url, GOOGLE_OAUTH_ACCESS_TOKEN: "" });
        const figures: Figure[] = [];
        let logged = 0;
        const ups: { n: number; y: number }[] = [];
        try {
            const secret = { "earthengine:accessToken": { value: "bench-token", secret: true } };
            // Untimed: the first engine runs of a fresh PULUMI_HOME and plugin cache are slower for
            // either kind. Quick mode (one pair, a smoke test) skips it to keep CI short.
            if (config.mode === "full") {
                const warm = await engine.stack("warm-up", secret, { inline: config.inlinePrograms });
                for (const kind of ["external", "trivial"] as const) await runKind(warm, kind, 1, config.concurrency);
            }
            for (const n of config.engineImages) {
                const inline = { inline: config.inlinePrograms };
                const stacks = {
                    external: await engine.stack(`external-${n}`, secret, inline),
                    trivial: await engine.stack(`trivial-${n}`, {}, inline),
                };
                log(`engineUpVsFloorRatio: ${config.scalePairs} pair(s) of up/preview/destroy of ${n} resources`);
                const pairs = await interleavedPairs(
                    config.scalePairs,
                    (last) => runKind(stacks.external, "external", n, config.concurrency, last),
                    (last) => runKind(stacks.trivial, "trivial", n, config.concurrency, last),
                );
                const ratio = (pick: (r: KindRun) => number) => pairs.map((p) => pick(p.subject) / pick(p.baseline));
                const network = (n * CALLS_PER_CREATE * config.latencyMs) / 1000 / config.concurrency;
                const upRatios = ratio((r) => r.upSeconds);
                const networkRatios = pairs.map((p) => p.subject.upSeconds / network);
                const previewRatios = ratio((r) => r.previewSeconds);
                const excess = pairs.map((p) => p.subject.peakRssBytes - p.baseline.peakRssBytes);
                const at = `n${n}`;
                ups.push({ n, y: median(pairs.map((p) => p.subject.upSeconds)) });
                figures.push(
                    {
                        name: `engineUpVsFloorRatio.trivial.${at}`,
                        value: median(upRatios),
                        unit: "x",
                        note: `up of ${n} ExternalImages vs ${n} trivial; trivial ${median(pairs.map((p) => p.baseline.upSeconds)).toFixed(1)} s`,
                        samples: upRatios,
                    },
                    {
                        name: `engineUpVsFloorRatio.network.${at}`,
                        value: median(networkRatios),
                        unit: "x",
                        note: `up vs ${n} x ${CALLS_PER_CREATE} calls x ${config.latencyMs} ms / ${config.concurrency} = ${network.toFixed(2)} s`,
                        samples: networkRatios,
                    },
                    {
                        name: `enginePreviewSeconds.${at}`,
                        value: median(pairs.map((p) => p.subject.previewSeconds)),
                        unit: "s",
                        note: `no-change preview of ${n} ExternalImages; ${median(previewRatios).toFixed(2)}x the trivial preview`,
                        samples: pairs.map((p) => p.subject.previewSeconds),
                    },
                    {
                        name: `peakRssBytes.${at}`,
                        value: median(pairs.map((p) => p.subject.peakRssBytes)),
                        unit: "bytes",
                        note: `dynamic-provider VmHWM; trivial ${(median(pairs.map((p) => p.baseline.peakRssBytes)) / MIB).toFixed(0)} MiB`,
                        samples: pairs.map((p) => p.subject.peakRssBytes),
                    },
                    {
                        name: `peakRssExcessBytes.${at}`,
                        value: median(excess),
                        unit: "bytes",
                        note: `over the trivial provider (target < 20 MiB): ${(median(excess) / MIB).toFixed(1)} MiB`,
                        samples: excess,
                    },
                );
                if (n === config.engineImages[0]) {
                    const last = pairs[pairs.length - 1];
                    figures.push(
                        {
                            name: "stateBytesPerResource",
                            value: last.subject.bytesPerResource,
                            unit: "bytes",
                            note: `one ExternalImage in the exported state; trivial ${last.baseline.bytesPerResource.toFixed(0)} bytes`,
                        },
                        {
                            name: "providerBytes",
                            value: last.subject.providerBytes,
                            unit: "bytes",
                            note: `its __provider; trivial ${last.baseline.providerBytes} bytes`,
                        },
                    );
                }
                for (const line of figureLines(figures.slice(logged))) log(line);
                logged = figures.length;
            }
            if (ups.length >= 2) figures.push(...fittedUps(ups));
            for (const line of figureLines(figures.slice(logged))) log(line);
            return figures;
        } finally {
            engine.close();
            await emulator.close();
        }
    },
};

/** Sizes past the measured ones at which the fitted per-image up is given (issue 20: the curve beyond 1,000). */
const FITTED_SIZES = [2500, 5000, 10000];

/** The per-image up fitted to a·N + b·N² over the measured sizes, at FITTED_SIZES. */
function fittedUps(ups: { n: number; y: number }[]): Figure[] {
    const { a, b } = fitLinearQuadratic(ups);
    const measured = ups.map((p) => `${p.y.toFixed(1)} s at ${p.n}`).join(", ");
    return FITTED_SIZES.map((n) => ({
        name: `engineUpFittedSeconds.n${n}`,
        value: a * n + b * n * n,
        unit: "s",
        note: `up of ${n} ExternalImages (one resource each), fitted a·N + b·N² with a = ${(a * 1000).toFixed(1)} ms, b = ${(b * 1e6).toFixed(2)} µs from ${measured}`,
    }));
}
