#!/usr/bin/env node
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "./index";

/** What the command line asked for. */
export type CliRequest = { kind: "run"; options: EmulatorOptions } | { kind: "help" };

/** A command line the CLI cannot run; the message says what to change. */
export class CliUsageError extends Error {
    override name = "CliUsageError";
}

export const USAGE = `Usage: pulumi-earthengine-emulator [--port N] [--host H] [--state FILE]

A local Earth Engine REST API for tests, demos and offline development.
  --port N       TCP port to listen on (default 0: a free port, printed at start)
  --host H       interface to listen on (default 127.0.0.1; the provider speaks plain http only to loopback)
  --state FILE   keep assets in this JSON file across restarts
  --help         show this help`;

const FLAGS = ["--port", "--host", "--state"] as const;

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
            throw new CliUsageError(
                `${flag} needs a value, for example ${flag === "--port" ? "--port 8085" : flag === "--host" ? "--host 127.0.0.1" : "--state ./emulator-state.json"}`,
            );
        }
        if (flag === "--port") options.port = portOf(value);
        else if (flag === "--host") options.host = value;
        else options.statePath = value;
    }
    return { kind: "run", options };
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

async function main(): Promise<void> {
    let emulator: RunningEmulator | undefined;
    try {
        emulator = await runCli(process.argv.slice(2));
    } catch (error) {
        const usage = error instanceof CliUsageError;
        console.error(`pulumi-earthengine-emulator: ${(error as Error).message}${usage ? `\n\n${USAGE}` : ""}`);
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

if (require.main === module) void main();
