#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { ApiError } from "./errors";
import { checkFaultPlan } from "./faultPlan";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "./index";

/** What the command line asked for. */
export type CliRequest = { kind: "run"; options: EmulatorOptions } | { kind: "help" };

/** A command line the CLI cannot run; the message says what to change. */
export class CliUsageError extends Error {
    override name = "CliUsageError";
}

export const USAGE = `Usage: pulumi-earthengine emulator [--port N] [--host H] [--state FILE] [--faults JSON|@FILE] [--seed N] [--max-concurrent N]

A local Earth Engine REST API for tests, demos and offline development (also installed as pulumi-earthengine-emulator).
  --port N       TCP port to listen on (default 0: a free port, printed at start)
  --host H       interface to listen on (default 127.0.0.1; the provider speaks plain http only to loopback)
  --state FILE   keep assets in this JSON file across restarts
  --faults PLAN  random faults: a fault plan as JSON, or @FILE holding one, for example
                 '{"rules":[{"method":"POST","probabilities":{"429":0.1,"applyThenDrop":0.02},"latencyMs":50}]}'
  --seed N       seed of the fault draws (default 1), so runs repeat
  --max-concurrent N  answer 429 RESOURCE_EXHAUSTED past N API requests in flight
  --help         show this help

Test routes beside the API: GET <url>/_emulator/requests (the request log), DELETE <url>/_emulator/requests
(clears the log alone: curl -X DELETE <url>/_emulator/requests), POST <url>/_emulator/reset (clears everything).`;

const FLAGS = ["--port", "--host", "--state", "--faults", "--seed", "--max-concurrent"] as const;
const EXAMPLES: Record<(typeof FLAGS)[number], string> = {
    "--port": "--port 8085",
    "--host": "--host 127.0.0.1",
    "--state": "--state ./emulator-state.json",
    "--faults": "--faults @faults.json",
    "--seed": "--seed 7",
    "--max-concurrent": "--max-concurrent 40",
};

/** Reads `--flag value` and `--flag=value` arguments (argv without node and the script). */
export function parseCliArgs(argv: readonly string[]): CliRequest {
    const options: EmulatorOptions = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--help" || arg === "-h") return { kind: "help" };
        const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
        if (!FLAGS.includes(flag as (typeof FLAGS)[number]))
            throw new CliUsageError(`unknown argument "${arg}"; expected ${FLAGS.join(", ")} or --help`);
        const value = inline ?? argv[++i];
        if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
            throw new CliUsageError(`${flag} needs a value, for example ${EXAMPLES[flag as (typeof FLAGS)[number]]}`);
        }
        if (flag === "--port") options.port = portOf(value);
        else if (flag === "--host") options.host = value;
        else if (flag === "--state") options.statePath = value;
        else if (flag === "--faults") options.faultPlan = { ...options.faultPlan, ...faultPlanOf(value) };
        else if (flag === "--seed") options.faultPlan = { ...options.faultPlan, seed: wholeOf(flag, value, 0) };
        else options.faultPlan = { ...options.faultPlan, maxConcurrentRequests: wholeOf(flag, value, 1) };
    }
    if (options.faultPlan) options.faultPlan = checked(() => checkFaultPlan(options.faultPlan));
    return { kind: "run", options };
}

function wholeOf(flag: string, value: string, min: number): number {
    if (!/^\d+$/.test(value) || Number(value) < min)
        throw new CliUsageError(`${flag} takes a whole number, at least ${min}, got "${value}"`);
    return Number(value);
}

function faultPlanOf(value: string): EmulatorOptions["faultPlan"] {
    const text = value.startsWith("@") ? checked(() => readFileSync(value.slice(1), "utf8")) : value;
    return checked(() => checkFaultPlan(JSON.parse(text)));
}

/** Runs `read`, turning its error (a bad file, JSON or plan) into a usage error with the same message. */
function checked<T>(read: () => T): T {
    try {
        return read();
    } catch (error) {
        throw new CliUsageError(`--faults: ${error instanceof ApiError || error instanceof Error ? error.message : String(error)}`);
    }
}

function portOf(value: string): number {
    const port = Number(value);
    if (!/^\d+$/.test(value) || port > 65535) throw new CliUsageError(`--port takes a whole number from 0 to 65535, got "${value}"`);
    return port;
}

/** Where the CLI writes; a parameter so tests can read what it prints. */
export interface CliOutput {
    log(line: string): void;
    error(line: string): void;
}

/**
 * Starts the emulator the arguments describe and prints its URL and the environment that
 * points the provider at it. Returns the running emulator, or undefined after --help.
 */
export async function runCli(argv: readonly string[], out: CliOutput = console): Promise<RunningEmulator | undefined> {
    const request = parseCliArgs(argv);
    if (request.kind === "help") {
        out.log(USAGE);
        return undefined;
    }
    const emulator = await startEmulator(request.options);
    out.log(`Earth Engine emulator listening on ${emulator.url}`);
    out.log(`Point the provider at it with: export EARTHENGINE_ENDPOINT=${emulator.url} GOOGLE_OAUTH_ACCESS_TOKEN=emulator`);
    return emulator;
}

/**
 * Runs the emulator as a command: `pulumi-earthengine-emulator ...` and `pulumi-earthengine emulator ...`
 * (`program` is the name error messages start with). Stops on SIGINT or SIGTERM.
 */
export async function emulatorMain(argv: readonly string[], program = "pulumi-earthengine-emulator"): Promise<void> {
    let emulator: RunningEmulator | undefined;
    try {
        emulator = await runCli(argv);
    } catch (error) {
        const usage = error instanceof CliUsageError;
        console.error(`${program}: ${(error as Error).message}${usage ? `\n\n${USAGE}` : ""}`);
        process.exit(usage ? 2 : 1);
    }
    if (!emulator) return;
    const running = emulator;
    const stop = () => {
        running.close().then(
            () => process.exit(0),
            () => process.exit(1),
        );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
}

if (require.main === module) void emulatorMain(process.argv.slice(2));
