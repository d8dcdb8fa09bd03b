import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { BenchEngine, type Declaration } from "../engine";
import type { Figure, Measurement } from "../registry";

/** Environment for Application Default Credentials through the emulator's GCE metadata routes, and nothing else. */
export function adcThroughEmulator(emulatorPort: number): Record<string, string> {
    return {
        GCE_METADATA_HOST: `127.0.0.1:${emulatorPort}`,
        // A directory that is never created: no gcloud application_default_credentials.json.
        CLOUDSDK_CONFIG: path.join(os.tmpdir(), "ee-bench-no-gcloud-config"),
        GOOGLE_APPLICATION_CREDENTIALS: "",
        GOOGLE_OAUTH_ACCESS_TOKEN: "",
        METADATA_SERVER_DETECTION: "",
    };
}

const COMMANDS = ["preview", "create", "noChangeUp", "patch", "reimport", "refresh", "destroy"] as const;

/**
 * Earth Engine requests per image for each engine command, from the emulator's request log, and
 * the access tokens each command's provider process fetched through the real ADC path.
 */
export const callsPerCommand: Measurement = {
    name: "callsPerCommand",
    summary: "Earth Engine requests per image for each engine command, and ADC token fetches per command",
    figures: ["callsPerCommand.{preview,create,noChangeUp,patch,reimport,refresh,destroy}", "tokenFetches.perEngineCommand"],
    async run({ config, log }) {
        const n = config.callImages;
        const emulator = await startEmulator();
        const engine = await BenchEngine.start({ EARTHENGINE_ENDPOINT: emulator.url, ...adcThroughEmulator(emulator.port) });
        try {
            // Requests and token fetches are the provider's, whichever process runs the program: inline saves 7 node starts.
            const stack = await engine.stack("calls", {}, { inline: true });
            const declaration: Declaration = { kind: "external", count: n, revision: "r1", file: "a.tif" };
            const steps: Record<(typeof COMMANDS)[number], () => Promise<unknown>> = {
                preview: () => stack.declare(declaration).then(() => stack.preview(config.concurrency)),
                create: () => stack.up(config.concurrency),
                noChangeUp: () => stack.up(config.concurrency),
                patch: () => stack.declare({ ...declaration, revision: "r2" }).then(() => stack.up(config.concurrency)),
                reimport: () => stack.declare({ ...declaration, revision: "r2", file: "b.tif" }).then(() => stack.up(config.concurrency)),
                refresh: () => stack.refresh(config.concurrency),
                destroy: () => stack.destroy(config.concurrency),
            };
            const figures: Figure[] = [];
            let maxTokens = 0;
            for (const command of COMMANDS) {
                log(`callsPerCommand: ${command} of ${n} images`);
                const [calls, tokens] = [emulator.requests().length, emulator.metadataTokensIssued()];
                await steps[command]();
                const made = emulator.requests().slice(calls);
                const fetched = emulator.metadataTokensIssued() - tokens;
                maxTokens = Math.max(maxTokens, fetched);
                const methods = [...new Set(made.map((c) => c.method))].join("+") || "none";
                figures.push({
                    name: `callsPerCommand.${command}`,
                    value: made.length / n,
                    unit: "calls/image",
                    note: `${made.length} calls (${methods}) for ${n} images; ${fetched} token fetch(es)`,
                });
            }
            figures.push({
                name: "tokenFetches.perEngineCommand",
                value: maxTokens,
                unit: "fetches",
                note: "most ADC token fetches by one engine command's provider process (target 1)",
            });
            return figures;
        } finally {
            engine.close();
            await emulator.close();
        }
    },
};
