import { startEmulator } from "../../emulator";
import { checkedInputs, configureProvider, provider } from "../inProcess";
import type { Figure, Measurement } from "../registry";
import { pool } from "../stats";
import { adcThroughEmulator } from "./callsPerCommand";

// google-auth-library refreshes a token 5 minutes before it expires, so `expires_in` of
// 300 + USABLE_SECONDS makes each token usable for USABLE_SECONDS.
const EAGER_REFRESH_SECONDS = 300;
const USABLE_SECONDS = 2;

/**
 * Token fetches through the real ADC path (google-auth-library -> gcp-metadata -> the emulator's
 * GCE metadata routes) in this process: waves of concurrent creates, each wave after the first
 * started once the token has expired. Target: one fetch for the first wave whatever its
 * concurrency, then one refresh per expiry.
 */
export const tokenFetches: Measurement = {
    name: "tokenFetches",
    summary: "ADC token fetches from the emulated GCE metadata server: one per run, one refresh per expiry",
    figures: ["tokenFetches.{firstWave,run,refreshesPerExpiry}"],
    async run({ config, log }) {
        const emulator = await startEmulator({ metadataTokenLifetimeSeconds: EAGER_REFRESH_SECONDS + USABLE_SECONDS });
        const env = adcThroughEmulator(emulator.port);
        const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
        Object.assign(process.env, env);
        try {
            // No earthengine:accessToken or credentials: Application Default Credentials.
            await configureProvider({ "earthengine:endpoint": emulator.url });
            const perWave = config.concurrency;
            const afterWave: number[] = [];
            for (let wave = 0; wave < config.tokenWaves; wave++) {
                if (wave > 0) await new Promise((resolve) => setTimeout(resolve, (USABLE_SECONDS + 0.5) * 1000));
                log(`tokenFetches: wave ${wave + 1} of ${config.tokenWaves}, ${perWave} concurrent creates`);
                await pool(perWave, perWave, async (i) => void (await provider.create(await checkedInputs(i, `token_w${wave}`))));
                afterWave.push(emulator.metadataTokensIssued());
            }
            const total = afterWave[afterWave.length - 1];
            const expiries = config.tokenWaves - 1;
            const probes = emulator.metadataRequests().filter((r) => r.path.replace(/\/$/, "") === "/computeMetadata/v1/instance").length;
            const figures: Figure[] = [
                {
                    name: "tokenFetches.firstWave",
                    value: afterWave[0],
                    unit: "fetches",
                    note: `${perWave} concurrent creates (${perWave * 2} calls) on one fresh ADC client (target 1); ${probes} availability probe(s)`,
                },
                {
                    name: "tokenFetches.run",
                    value: total,
                    unit: "fetches",
                    note: `${config.tokenWaves} waves, token usable ${USABLE_SECONDS} s (target ${config.tokenWaves})`,
                },
            ];
            if (expiries > 0) {
                figures.push({
                    name: "tokenFetches.refreshesPerExpiry",
                    value: (total - afterWave[0]) / expiries,
                    unit: "fetches",
                    note: `${total - afterWave[0]} refreshes over ${expiries} expiries (target 1)`,
                });
            }
            return figures;
        } finally {
            for (const [k, v] of Object.entries(saved)) {
                if (v === undefined) delete process.env[k];
                else process.env[k] = v;
            }
            await emulator.close();
        }
    },
};
