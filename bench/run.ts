#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only NAME,...] [-- --out FILE] [-- --engine-images 100,200]`; see USAGE and bench/README.md.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import Table from "cli-table3";
import { REPO_ROOT } from "../test/e2e/support/engine";
import { MEASUREMENTS } from "./measurements";
import { type BenchConfig, type Figure, FULL, QUICK } from "./registry";

/** What bench/results.json holds. */
export interface BenchResults {
    mode: BenchConfig["mode"];
    startedAt: string;
    seconds: number;
    node: string;
    cores: number;
    config: BenchConfig;
    /** Options that changed the mode's settings (`only`, `pairs`, `engineImages`); empty for the published run. */
    overrides: Record<string, unknown>;
    /** Per measurement: its figures' names, its seconds, and its error if it failed. */
    measurements: Record<string, { summary: string; seconds: number; figures: string[]; error?: string }>;
    figures: Record<string, Omit<Figure, "name">>;
}

const USAGE = `usage: npm run bench [-- options]
  --quick                  quick mode: a smoke test (1 pair, N <= 100), as CI runs it
  --only NAME,...          only these measurements (see --list)
  --pairs K                interleaved pairs per ratio (full mode: 3)
  --engine-images N,...    stack sizes for the engine figures (full mode: 100,200,400)
  --out FILE               where results go (default bench/results.json); its directory must exist
  --list                   the measurements and their figures
  --help                   this text`;

/** A usage error: printed with the usage, exit 2, before anything runs. */
class UsageError extends Error {}

interface Options {
    config: BenchConfig;
    out: string;
    only?: string[];
    /** The settings changed from the mode's, recorded in results.json (empty: the mode as published). */
    overrides: Record<string, unknown>;
    list: boolean;
    help: boolean;
}

function parse(): Options {
    let values: ReturnType<typeof parseOptions>;
    try {
        values = parseOptions();
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
    if (values.pairs !== undefined) {
        config.pairs = Number(values.pairs);
        if (!isCount(values.pairs)) throw new UsageError("--pairs takes a whole number of at least 1");
        overrides.pairs = config.pairs;
    }
    const only = values.only?.split(",");
    const unknown = only?.filter((name) => !MEASUREMENTS.some((m) => m.name === name));
    if (unknown?.length)
        throw new UsageError(
            `unknown measurement ${unknown.map((n) => JSON.stringify(n)).join(", ")}; use ${MEASUREMENTS.map((m) => m.name).join(", ")}`,
        );
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

function parseOptions() {
    return parseArgs({
        options: {
            quick: { type: "boolean", default: false },
            out: { type: "string", default: path.join(REPO_ROOT, "bench/results.json") },
            only: { type: "string" },
            "engine-images": { type: "string" },
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

function formatValue(figure: Figure): string {
    if (figure.unit === "bytes")
        return figure.value >= 1024 * 1024 ? `${(figure.value / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(figure.value)} B`;
    if (figure.unit === "x") return `${figure.value.toFixed(3)}x`;
    if (figure.unit === "s") return `${figure.value.toFixed(2)} s`;
    return `${Number.isInteger(figure.value) ? figure.value : figure.value.toFixed(2)} ${figure.unit}`;
}

async function main(): Promise<number> {
    const { config, out, only, overrides, list, help } = parse();
    if (help) {
        console.log(USAGE);
        return 0;
    }
    if (list) {
        for (const m of MEASUREMENTS) console.log(`${m.name}\n  ${m.summary}\n  figures: ${m.figures.join(", ")}`);
        return 0;
    }
    const started = Date.now();
    const results: BenchResults = {
        mode: config.mode,
        startedAt: new Date(started).toISOString(),
        seconds: 0,
        node: process.version,
        cores: os.cpus().length,
        config,
        overrides,
        measurements: {},
        figures: {},
    };
    const log = (message: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`);
    let failed = false;
    for (const measurement of MEASUREMENTS.filter((m) => !only || only.includes(m.name))) {
        const t0 = Date.now();
        const entry: BenchResults["measurements"][string] = { summary: measurement.summary, seconds: 0, figures: [] };
        results.measurements[measurement.name] = entry;
        try {
            for (const { name, ...figure } of await measurement.run({ config, log })) {
                if (!Number.isFinite(figure.value)) throw new Error(`figure ${name} is not a finite number: ${figure.value}`);
                results.figures[name] = figure;
                entry.figures.push(name);
            }
        } catch (error) {
            failed = true;
            entry.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
            log(`${measurement.name} failed: ${entry.error}`);
        }
        entry.seconds = (Date.now() - t0) / 1000;
    }
    results.seconds = (Date.now() - started) / 1000;

    const table = new Table({
        head: ["figure", "value", "what"],
        style: { head: [], border: [] },
        wordWrap: true,
        colWidths: [40, 14, 90],
    });
    for (const [name, figure] of Object.entries(results.figures)) table.push([name, formatValue({ name, ...figure }), figure.note]);
    const changed = Object.keys(overrides).length > 0 ? ` with ${JSON.stringify(overrides)}` : "";
    console.log(`${config.mode} benchmark${changed}, node ${process.version}, ${results.cores} cores, ${results.seconds.toFixed(0)} s`);
    console.log(table.toString());
    fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`written to ${out}`);
    return failed ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        if (error instanceof UsageError) console.error(USAGE);
        process.exit(2);
    },
);
