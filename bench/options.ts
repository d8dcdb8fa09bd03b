// The bench's command line: parsed and checked before a run starts (a full run is 20 minutes).
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../test/e2e/support/sdk";
import { type BenchConfig, FULL, QUICK } from "./registry";

export const USAGE = `usage: npm run bench [-- options]
  --quick                  quick mode: a smoke test (1 pair, N <= 100), as CI runs it
  --only NAME,...          only these measurements (see --list)
  --pairs K                interleaved pairs per ratio (full mode: 3; the engine at scale: 1)
  --engine-images N,...    stack sizes for the engine figures (full mode: 100,200,400,1000)
  --batch-images N,...     images in the one set of the batch figures (full mode: 1000,2500,5000,10000)
  --out FILE               where results go (default bench/results.json); its directory must exist
  --list                   the measurements and their figures
  --help                   this text`;

/** A usage error: printed with the usage, exit 2, before anything runs. */
export class UsageError extends Error {}

export interface Options {
    config: BenchConfig;
    out: string;
    only?: string[];
    /** The settings changed from the mode's, recorded in results.json (empty: the mode as published). */
    overrides: Record<string, unknown>;
    list: boolean;
    help: boolean;
}

/**
 * The bench's command line (`args` without node and the script) as a run's settings; throws a
 * UsageError naming the problem before anything runs. `measurements`: the names `--only` accepts.
 */
export function parseBenchArgs(args: string[], measurements: string[]): Options {
    let values: ReturnType<typeof parseOptions>;
    try {
        values = parseOptions(args);
    } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const config: BenchConfig = { ...(values.quick ? QUICK : FULL) };
    const overrides: Record<string, unknown> = {};
    if (values["engine-images"] !== undefined) {
        const sizes = values["engine-images"].split(",");
        config.engineImages = sizes.map(Number);
        if (!sizes.every(isCount)) throw new UsageError("--engine-images takes whole numbers of at least 1, such as 100,200");
        overrides.engineImages = config.engineImages;
    }
    if (values["batch-images"] !== undefined) {
        const sizes = values["batch-images"].split(",");
        config.batchImages = sizes.map(Number);
        if (!sizes.every(isCount)) throw new UsageError("--batch-images takes whole numbers of at least 1, such as 1000");
        overrides.batchImages = config.batchImages;
    }
    if (values.pairs !== undefined) {
        config.pairs = Number(values.pairs);
        config.scalePairs = config.pairs;
        if (!isCount(values.pairs)) throw new UsageError("--pairs takes a whole number of at least 1");
        overrides.pairs = config.pairs;
    }
    const only = values.only?.split(",");
    const unknown = only?.filter((name) => !measurements.includes(name));
    if (unknown?.length)
        throw new UsageError(`unknown measurement ${unknown.map((n) => JSON.stringify(n)).join(", ")}; use ${measurements.join(", ")}`);
    if (only) overrides.only = only;
    if (values.out === "") throw new UsageError("--out takes a file path");
    const out = path.resolve(values.out);
    if (!values.list && !values.help) checkWritable(out);
    return { config, out, only, overrides, list: values.list, help: values.help };
}

/** A whole number of at least 1 written in digits (not `1e2`, `0x3` or ` 5`). */
function isCount(text: string): boolean {
    return /^[1-9]\d*$/.test(text);
}

function parseOptions(args: string[]) {
    return parseArgs({
        args,
        options: {
            quick: { type: "boolean", default: false },
            out: { type: "string", default: path.join(REPO_ROOT, "bench/results.json") },
            only: { type: "string" },
            "engine-images": { type: "string" },
            "batch-images": { type: "string" },
            pairs: { type: "string" },
            list: { type: "boolean", default: false },
            help: { type: "boolean", default: false },
        },
    }).values;
}

/** Fails before a 20-minute run, not after it: the directory must exist and `out` be a writable file. */
function checkWritable(out: string): void {
    const dir = path.dirname(out);
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${out}: ${dir} is not a directory`);
    try {
        fs.accessSync(dir, fs.constants.W_OK);
        if (fs.existsSync(out)) {
            if (!fs.statSync(out).isFile()) throw new UsageError(`--out ${out}: not a file`);
            fs.accessSync(out, fs.constants.W_OK);
        }
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`--out ${out}: cannot write there (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
}

/** What the bench prints when it stops on `error` (exit 2): the message, and the usage after a usage error. */
export function failureText(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return error instanceof UsageError ? `${message}\n${USAGE}` : message;
}
