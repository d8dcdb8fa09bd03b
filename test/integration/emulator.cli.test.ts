import { CliUsageError, parseCliArgs, runCli } from "../../emulator/cli";
import { call } from "../fixtures/emulator/api";

// The pulumi-earthengine-emulator command: its arguments, and what it prints once listening.
describe("parseCliArgs", () => {
    test("without arguments runs on an ephemeral loopback port without a state file", () => {
        expect(parseCliArgs([])).toEqual({ kind: "run", options: {} });
    });

    test("reads --port, --host and --state, as separate or =-joined values", () => {
        expect(parseCliArgs(["--port", "8085", "--host=::1", "--state=./ee.json"])).toEqual({
            kind: "run",
            options: { port: 8085, host: "::1", statePath: "./ee.json" },
        });
    });

    test("reads a fault plan from --faults, with --seed and --max-concurrent", () => {
        const plan = { rules: [{ method: "POST", probabilities: { "429": 0.1, applyThenDrop: 0.02 }, latencyMs: 40 }] };
        expect(parseCliArgs(["--faults", JSON.stringify(plan), "--seed", "7", "--max-concurrent=40"])).toEqual({
            kind: "run",
            options: { faultPlan: { ...plan, seed: 7, maxConcurrentRequests: 40 } },
        });
    });

    test("--help asks for the usage text", () => {
        expect(parseCliArgs(["--port", "1", "--help"])).toEqual({ kind: "help" });
    });

    test.each([
        [["--port", "http"], /--port takes a whole number from 0 to 65535, got "http"/],
        [["--port", "70000"], /--port takes a whole number/],
        [["--port"], /--port needs a value/],
        [["--state", "--port", "1"], /--state needs a value/],
        [["--verbose"], /unknown argument "--verbose"/],
        [["--faults", "{not json"], /--faults: .*JSON/],
        [
            ["--faults", '{"rules":[{"probabilities":{"429":0.7,"503":0.7}}]}'],
            /--faults: rules\[0\]\.probabilities add up to 1.4; at most 1/,
        ],
        [["--faults", "@/nonexistent/plan.json"], /--faults: .*ENOENT/],
        [["--max-concurrent", "0"], /--max-concurrent takes a whole number, at least 1/],
    ])("refuses %j with a message saying what to change", (argv, message) => {
        expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
        expect(() => parseCliArgs(argv)).toThrow(message);
    });
});

describe("runCli", () => {
    test("prints the URL it listens on and the environment that points the provider at it", async () => {
        const lines: string[] = [];
        const emulator = await runCli(["--port", "0"], { log: (line) => lines.push(line), error: (line) => lines.push(line) });
        try {
            expect(emulator).toBeDefined();
            const url = emulator?.url ?? "";
            expect(lines).toEqual([
                `Earth Engine emulator listening on ${url}`,
                expect.stringContaining(`export EARTHENGINE_ENDPOINT=${url} GOOGLE_OAUTH_ACCESS_TOKEN=emulator`),
            ]);
            expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
            expect((await call(url, "GET", "/v1alpha/projects/p:listAssets")).status).toBe(200);
        } finally {
            await emulator?.close();
        }
    });

    test("--help prints the usage and starts nothing", async () => {
        const lines: string[] = [];
        expect(await runCli(["--help"], { log: (line) => lines.push(line), error: (line) => lines.push(line) })).toBeUndefined();
        expect(lines.join("\n")).toMatch(/^Usage: pulumi-earthengine emulator/);
    });
});
