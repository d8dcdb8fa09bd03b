#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only NAME,...] [-- --out FILE] [-- --engine-images 100,200]`; see USAGE and bench/README.md.
import * as fs from "node:fs";
import * as os from "node:os";
import Table from "cli-table3";
import { waitedChildrenCpuSeconds } from "./cpu";
import { MEASUREMENTS } from "./measurements";
import { failureText, parseBenchArgs, USAGE } from "./options";
import type { BenchConfig, Figure } from "./registry";

/** What bench/results.json holds. */
export interface BenchResults {
    mode: BenchConfig["mode"];
    startedAt: string;
    seconds: number;
    node: string;
    cores: number;
    config: BenchConfig;
    /** Options that changed the mode's settings (`only`, `pairs`, `engineImages`, `batchImages`); empty for the published run. */
    overrides: Record<string, unknown>;
    /**
     * Per measurement: its figures' names, its seconds, its CPU seconds (this process and the
     * processes it waited for: the engine commands, fake-gcs-server), and its error if it failed.
     */
    measurements: Record<string, { summary: string; seconds: number; cpuSeconds: number; figures: string[]; error?: string }>;
    figures: Record<string, Omit<Figure, "name">>;
}

function formatValue(figure: Figure): string {
    if (figure.unit === "bytes")
        return figure.value >= 1024 * 1024 ? `${(figure.value / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(figure.value)} B`;
    if (figure.unit === "x") return `${figure.value.toFixed(3)}x`;
    if (figure.unit === "s") return `${figure.value.toFixed(2)} s`;
    return `${Number.isInteger(figure.value) ? figure.value : figure.value.toFixed(2)} ${figure.unit}`;
}

/** CPU seconds of this process and of the children it has waited for, so far. */
function cpuSeconds(): number {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6 + waitedChildrenCpuSeconds();
}

async function main(): Promise<number> {
    const { config, out, only, overrides, list, help } = parseBenchArgs(
        process.argv.slice(2),
        MEASUREMENTS.map((m) => m.name),
    );
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
    // A measurement marked fullModeOnly runs in quick mode only when named with --only.
    const chosen = MEASUREMENTS.filter((m) => (only ? only.includes(m.name) : !(config.mode === "quick" && m.fullModeOnly)));
    for (const measurement of chosen) {
        const t0 = Date.now();
        const cpu0 = cpuSeconds();
        const entry: BenchResults["measurements"][string] = { summary: measurement.summary, seconds: 0, cpuSeconds: 0, figures: [] };
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
        entry.cpuSeconds = cpuSeconds() - cpu0;
        log(`${measurement.name}: ${entry.seconds.toFixed(1)} s, ${entry.cpuSeconds.toFixed(1)} CPU-s`);
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
        console.error(failureText(error));
        process.exit(2);
    },
);
