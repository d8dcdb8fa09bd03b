import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { resourceProviders } from "../../../provider/kinds";
import { manifestWarnings } from "../../../provider/manifest/warnings";
import type { CheckFailure } from "../../../provider/values/failures";
import { type HostileCase, hostileCorpus, inputsOf } from "../../fixtures/hostile/corpus";
import { disagreement } from "../../integration/support/differential";

/** What `check`, the program's warnings and the emulator made of one hostile case: small, whatever the input's size. */
export interface Verdict {
    failures: CheckFailure[];
    warnings: { property: string; message: string }[];
    /** The checked manifest's value at the case's `expect.at`, when it names one. */
    valueAt?: unknown;
    /** Where the emulator (Google's stand-in) and check disagree, unless the difference is listed. */
    disagreement?: { provider: string; emulator: string };
}

function valueAt(value: unknown, at: (string | number)[]): unknown {
    let current = value;
    for (const segment of at)
        current =
            current !== null && typeof current === "object" && Object.hasOwn(current, segment)
                ? (current as Record<string | number, unknown>)[segment]
                : undefined;
    return current;
}

/** Runs check, the warnings and the emulator's judgement on one case; its inputs (up to hundreds of MB) are dropped on return. */
export async function judge(c: HostileCase): Promise<Verdict> {
    const news = inputsOf(c);
    const result = await resourceProviders.ExternalImage.check({}, news);
    // The program computes warnings for whatever it is given, before check runs.
    const warnings = manifestWarnings(news.imageManifest).map(({ path, message }) => ({ property: path, message }));
    const at = "at" in c.expect ? c.expect.at : undefined;
    return {
        failures: result.failures ?? [],
        warnings,
        ...(at ? { valueAt: valueAt((result.inputs as { imageManifest: unknown }).imageManifest, at) } : {}),
        disagreement: disagreement(news.imageManifest, result),
    };
}

/** Every case of the corpus (`hostileCorpus`) judged, by name. */
export async function judgeCorpus(): Promise<Record<string, Verdict>> {
    const verdicts: Record<string, Verdict> = {};
    for (const c of hostileCorpus()) verdicts[`${c.file}: ${c.name}`] = await judge(c);
    return verdicts;
}

/**
 * `judgeCorpus` in a worker thread, outside Jest's module sandbox: there every global the
 * validation touches per value (Object.create, Object.hasOwn, Array.isArray...) goes through the
 * vm context's interceptors, which made this corpus take 54 CPU-seconds instead of 26 in plain Node.
 * The worker transpiles the sources as it loads them (scripts/register-ts.js).
 */
export function judgeCorpusInWorker(): Promise<Record<string, Verdict>> {
    const root = path.join(__dirname, "../../..");
    const code = [
        `require(${JSON.stringify(path.join(root, "scripts/register-ts.js"))});`,
        `const { parentPort } = require("node:worker_threads");`,
        `require(${JSON.stringify(__filename)}).judgeCorpus().then((verdicts) => parentPort.postMessage(verdicts));`,
    ].join("\n");
    return new Promise((resolve, reject) => {
        const worker = new Worker(code, { eval: true });
        worker.once("message", (verdicts: Record<string, Verdict>) => {
            resolve(verdicts);
            void worker.terminate();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`the hostile-corpus worker exited with ${code} before answering`)));
    });
}
