import * as fs from "node:fs";
import * as path from "node:path";
import { setWarningSink } from "../../provider/preflight";
import type * as fakeGcs from "../../scripts/fake-gcs";
import { REPO_ROOT } from "../../test/e2e/support/engine";
import { configureProvider, manifestFor, provider } from "../inProcess";
import type { Figure, Measurement } from "../registry";
import { interleavedPairs, median, pool, timed } from "../stats";

/**
 * The cost of preflight at preview: `check` of N new images (each its own COG in fake-gcs-server,
 * so every check makes one ranged read of its start) with `earthengine:preflight` = error, against
 * the same checks with preflight off, in interleaved pairs at the engine's parallelism. Each run
 * configures the provider afresh, so no header comes from the previous run's cache.
 */
export const preflight: Measurement = {
    name: "preflight",
    summary: "check of N new images with COG preflight vs without: ratio and extra seconds",
    figures: ["preflight.ratio", "preflight.extraSeconds"],
    async run({ config, log }) {
        const n = config.preflightImages;
        // scripts/ is plain JavaScript (CommonJS) beside the repository root.
        const { startFakeGcs } = require(path.join(REPO_ROOT, "scripts/fake-gcs.js")) as typeof fakeGcs;
        const gcs = await startFakeGcs();
        const previous = setWarningSink(() => {});
        try {
            await gcs.createBucket("bench-bucket");
            const cog = fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/cog/valid.tif"));
            log(`preflight: writing ${n} COGs to fake-gcs-server`);
            await pool(n, 16, async (i) => void (await gcs.putObject("bench-bucket", `${i}/a.tif`, cog)));
            const checkAll = (mode: string) => async () => {
                await configureProvider({
                    "earthengine:endpoint": "http://127.0.0.1:1",
                    "earthengine:accessToken": "bench-token",
                    "earthengine:cloudStorageEndpoint": gcs.endpoint,
                    "earthengine:preflight": mode,
                });
                return (
                    await timed(() =>
                        pool(n, config.concurrency, async (i) => {
                            const result = await provider.check({}, { imageManifest: manifestFor(i) });
                            if (result.failures?.length) throw new Error(`preflight bench: ${JSON.stringify(result.failures[0])}`);
                        }),
                    )
                ).seconds;
            };
            log(`preflight: ${config.pairs} pair(s) of ${n} checks with and without preflight`);
            const pairs = await interleavedPairs(config.pairs, checkAll("error"), checkAll("off"));
            const ratios = pairs.map((p) => p.subject / p.baseline);
            const extra = pairs.map((p) => p.subject - p.baseline);
            const figures: Figure[] = [
                {
                    name: "preflight.ratio",
                    value: median(ratios),
                    unit: "x",
                    note: `check of ${n} new images with preflight / without (median of ${pairs.length} interleaved pair(s), ${config.concurrency} at once)`,
                    samples: ratios,
                },
                {
                    name: "preflight.extraSeconds",
                    value: median(extra),
                    unit: "s",
                    note: `seconds preflight adds to the checks of ${n} new images (one 64 KiB ranged read per image, carrying its generation and size; one bucket lookup)`,
                    samples: extra,
                },
            ];
            return figures;
        } finally {
            setWarningSink(previous);
            await gcs.stop();
        }
    },
};
