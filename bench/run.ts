#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only NAME,...] [-- --out FILE] [-- --engine-images 100,200]`; see bench/README.md.
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
    /** Per measurement: its figures' names, its seconds, and its error if it failed. */
    measurements: Record<string, { summary: string; seconds: number; figures: string[]; error?: string }>;
    figures: Record<string, Omit<Figure, "name">>;
}

function parse(): { config: BenchConfig; out: string; only?: string[]; list: boolean } {
    const { values } = parseArgs({
        options: {
            quick: { type: "boolean", default: false },
            out: { type: "string", default: path.join(REPO_ROOT, "bench/results.json") },
            only: { type: "string" },
            "engine-images": { type: "string" },
            pairs: { type: "string" },
            list: { type: "boolean", default: false },
        },
    });
    const config: BenchConfig = { ...(values.quick ? QUICK : FULL) };
    if (values["engine-images"]) config.engineImages = values["engine-images"].split(",").map(Number);
    if (values.pairs) config.pairs = Number(values.pairs);
    if (config.engineImages.some((n) => !Number.isInteger(n) || n < 1))
        throw new Error("--engine-images takes whole numbers, such as 100,200");
    if (!Number.isInteger(config.pairs) || config.pairs < 1) throw new Error("--pairs takes a whole number, at least 1");
    const only = values.only?.split(",");
    const unknown = only?.filter((name) => !MEASUREMENTS.some((m) => m.name === name));
    if (unknown?.length) throw new Error(`unknown measurement ${unknown.join(", ")}; use ${MEASUREMENTS.map((m) => m.name).join(", ")}`);
    return { config, out: path.resolve(values.out), only, list: values.list };
}

function formatValue(figure: Figure): string {
    if (figure.unit === "bytes")
        return figure.value >= 1024 * 1024 ? `${(figure.value / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(figure.value)} B`;
    if (figure.unit === "x") return `${figure.value.toFixed(3)}x`;
    if (figure.unit === "s") return `${figure.value.toFixed(2)} s`;
    return `${Number.isInteger(figure.value) ? figure.value : figure.value.toFixed(2)} ${figure.unit}`;
}

async function main(): Promise<number> {
    const { config, out, only, list } = parse();
    if (list) {
        for (const m of MEASUREMENTS) console.log(`${m.name.padEnd(24)} ${m.summary}`);
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
    console.log(`${config.mode} benchmark, node ${process.version}, ${results.cores} cores, ${results.seconds.toFixed(0)} s`);
    console.log(table.toString());
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`written to ${path.relative(process.cwd(), out) || out}`);
    return failed ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(2);
    },
);
