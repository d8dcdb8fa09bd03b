/** What a benchmark run is asked to do; quick mode keeps CI short, full mode gives the published figures. */
export interface BenchConfig {
    mode: "quick" | "full";
    /** Interleaved pairs per ratio; the figure is their median. */
    pairs: number;
    /**
     * Pairs for the engine at scale (per-image stacks, batch sets): one in both modes, so that full
     * mode stays under 60 minutes on 2 cores (a 10,000-image pair alone takes several minutes).
     */
    scalePairs: number;
    /** Emulator latency per API call, milliseconds (a round trip to Google). */
    latencyMs: number;
    /** Requests in flight at once: the provider floor's pool size and the engine's `--parallel`. */
    concurrency: number;
    /** Images the provider creates per timed run in providerVsFloorRatio. */
    providerImages: number;
    /** Stack sizes for the engine figures (one set of figures per N; with 2 or more, up times fitted to a·N + b·N²). */
    engineImages: number[];
    /** Images in the stack whose Earth Engine calls are counted. */
    callImages: number;
    /** Images in the one ExternalImageSet of the batch figures (one set of figures per N). */
    batchImages: number[];
    /** Waves of concurrent creates in the token-expiry run; each wave after the first follows an expiry. */
    tokenWaves: number;
    /** New images whose checks the preflight figure times, with and without preflight. */
    preflightImages: number;
    /** Assets in the tree `pulumi-earthengine import` walks (folders of 100: a collection of 50 images and 48 images beside it). */
    importAssets: number;
    /**
     * Whether the timed engine figures (batch, engineUpVsFloorRatio) run their program inline (the
     * Automation API runs bench/program in the bench's process, `newInlineStack`) instead of in the
     * node process the language host starts for each command, as `pulumi up` does. Quick mode: true
     * (CI's smoke test; that process costs 3-4 CPU-s an up or preview, the same on both sides of a
     * pair); full mode: false, so the published figures are `pulumi up`'s.
     */
    inlinePrograms: boolean;
}

/** One number of the benchmark, as printed and as written to bench/results.json. */
export interface Figure {
    /** Dotted name, first part the figure family (for example `callsPerCommand.create`). */
    name: string;
    value: number;
    unit: string;
    /** What was compared or counted, in a few words. */
    note: string;
    /** Per-pair values when the figure is a median of interleaved pairs. */
    samples?: number[];
}

export interface BenchContext {
    config: BenchConfig;
    /** Progress to stderr. */
    log(message: string): void;
}

/** A named measurement. Add one by writing a file in bench/measurements and listing it in bench/measurements/index.ts. */
export interface Measurement {
    name: string;
    /** One line for `--list` and the README. */
    summary: string;
    /** The figures it produces, for `--list` (`nN`: one per stack size N). */
    figures: string[];
    run(context: BenchContext): Promise<Figure[]>;
    /**
     * Left out of a quick run unless named with --only: its quick size still takes minutes on a
     * loaded machine, past the CI test's budget.
     */
    fullModeOnly?: boolean;
}

export const QUICK: BenchConfig = {
    mode: "quick",
    pairs: 1,
    scalePairs: 1,
    latencyMs: 100,
    concurrency: 20,
    providerImages: 100,
    engineImages: [20],
    callImages: 5,
    batchImages: [200],
    tokenWaves: 2,
    preflightImages: 100,
    importAssets: 200,
    inlinePrograms: true,
};

export const FULL: BenchConfig = {
    mode: "full",
    pairs: 3,
    scalePairs: 1,
    latencyMs: 100,
    concurrency: 20,
    providerImages: 500,
    engineImages: [100, 200, 400, 1000],
    callImages: 20,
    batchImages: [1000, 2500, 5000, 10000],
    tokenWaves: 3,
    preflightImages: 1000,
    importAssets: 10_000,
    inlinePrograms: false,
};
