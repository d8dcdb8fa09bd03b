import * as fs from "node:fs";
import * as path from "node:path";
import { failureText, parseBenchArgs, USAGE, UsageError } from "../../bench/options";
import { FULL, QUICK } from "../../bench/registry";
import { REPO_ROOT } from "../e2e/support/sdk";

// The bench's command line, parsed as `npm run bench -- ARGS` does, without starting a run.
const NAMES = ["callsPerCommand", "providerVsFloorRatio", "tokenFetches"];
const parse = (...args: string[]) => parseBenchArgs(args, NAMES);

test("no options: full mode, writing bench/results.json, nothing overridden", () => {
    expect(parse()).toEqual({
        config: FULL,
        out: path.join(REPO_ROOT, "bench/results.json"),
        only: undefined,
        overrides: {},
        list: false,
        help: false,
    });
});

test("--quick is the mode CI runs, as published (no overrides)", () => {
    const options = parse("--quick", "--out", path.join(REPO_ROOT, "results.json"));
    expect(options.config).toEqual(QUICK);
    expect(options.overrides).toEqual({});
});

test("--engine-images, --pairs and --only change the mode's settings and are recorded as overrides", () => {
    const options = parse("--quick", "--engine-images", "10,20", "--pairs", "2", "--only", "tokenFetches,callsPerCommand");
    expect(options.config).toEqual({ ...QUICK, engineImages: [10, 20], pairs: 2, scalePairs: 2 });
    expect(options.only).toEqual(["tokenFetches", "callsPerCommand"]);
    expect(options.overrides).toEqual({ engineImages: [10, 20], pairs: 2, only: ["tokenFetches", "callsPerCommand"] });
});

test("--batch-images sets the batch figures' sizes and is recorded as an override", () => {
    const options = parse("--batch-images", "1000,2500");
    expect(options.config.batchImages).toEqual([1000, 2500]);
    expect(options.overrides).toEqual({ batchImages: [1000, 2500] });
});

test("--help and --list do not need a writable --out", () => {
    expect(parse("--help", "--out", "/nonexistent-ee-bench/dir/results.json").help).toBe(true);
    expect(parse("--list", "--out", "/nonexistent-ee-bench/dir/results.json").list).toBe(true);
});

// A bad option must stop the run before it starts (a full run is 20 minutes), naming the problem.
test.each([
    [["--out", "/nonexistent-ee-bench/dir/results.json"], "/nonexistent-ee-bench/dir is not a directory"],
    [["--out", path.join(REPO_ROOT, "package.json/results.json")], "package.json is not a directory"],
    [["--out", REPO_ROOT], "not a file"],
    [["--pairs", "0"], "--pairs takes a whole number of at least 1"],
    [["--pairs", "2.5"], "--pairs takes a whole number of at least 1"],
    [["--engine-images", "10,x"], "--engine-images takes whole numbers of at least 1"],
    [["--engine-images", "1e2"], "--engine-images takes whole numbers of at least 1"],
    [["--batch-images", "1e3"], "--batch-images takes whole numbers of at least 1"],
    [["--out", ""], "--out takes a file path"],
    [["--only", "nosuch,tokenFetches"], 'unknown measurement "nosuch"; use callsPerCommand, providerVsFloorRatio, tokenFetches'],
    [["--fast"], "Unknown option '--fast'"],
    [["--pairs"], "--pairs <value>' argument missing"],
])("bench %j is a usage error naming the problem", (args, message) => {
    let error: unknown;
    try {
        parse(...args);
    } catch (e) {
        error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    // What the bench prints before exiting 2: the problem, then the usage.
    expect(failureText(error)).toBe(`${(error as Error).message}\n${USAGE}`);
    expect(fs.existsSync("/nonexistent-ee-bench")).toBe(false);
});

test("a failure that is not a usage error is printed without the usage", () => {
    expect(failureText(new Error("engine exploded"))).toBe("engine exploded");
});
