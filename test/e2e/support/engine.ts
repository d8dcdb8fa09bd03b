import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import {
    type ConfigMap,
    type ConfigValue,
    LocalWorkspace,
    type LocalWorkspaceOptions,
    PulumiCommand,
    type Stack,
} from "@pulumi/pulumi/automation";
import { transformSync } from "@swc/core";
import { installedPath } from "../../../scripts/installed";
import {
    newestHistoryFile,
    projectName,
    storedDeployment as storedDeploymentIn,
    storedLastUpdate as storedLastUpdateIn,
    writePlainConfig,
} from "../../../scripts/stackFiles";
import { swcOptions } from "../../../scripts/swcOptions";

export { newestHistoryFile };

import { installBesideSdk, REPO_ROOT, repoSdkVersion } from "./sdk";

export { REPO_ROOT };

/** Where globalSetup hands the resolved CLI directory to the workers. */
export const PULUMI_BIN_ENV = "PULUMI_EARTHENGINE_TEST_PULUMI_BIN";

/** Runs scripts/install-pulumi.sh: the directory holding `pulumi`, found, cached or built (first run only). */
export function resolvePulumiBinDir(): string {
    return installedPath("install-pulumi.sh");
}

let resolvedBinDir: string | undefined;

/** The directory holding `pulumi`: resolved once per jest run by globalSetup, else once per process here. */
export function pulumiBinDir(): string {
    resolvedBinDir ??= process.env[PULUMI_BIN_ENV] || resolvePulumiBinDir();
    return resolvedBinDir;
}

export interface EngineSandbox {
    /** The program's directory: where the engine runs and node_modules resolution starts. */
    workDir: string;
    envVars: Record<string, string>;
    command: PulumiCommand;
    cleanup(): void;
}

export interface SandboxOptions {
    /**
     * Run the program beside this `@pulumi/pulumi` version instead of the repository's own: the
     * program goes to a temp directory whose node_modules holds a copy of the built package and
     * links to that SDK, installed once into the cache (see scripts/install-sdk.js).
     */
    sdkVersion?: string;
}

/**
 * A throwaway place to run the real engine on a copy of `programDir`. By default the copy goes
 * under `.pulumi-local/` (git-ignored), so it resolves pulumi-earthengine and the SDK from the
 * repository's node_modules like a consumer.
 */
export async function createSandbox(programDir: string, env: Record<string, string>, options: SandboxOptions = {}): Promise<EngineSandbox> {
    const filter = (src: string) => !/Pulumi\.[^/]+\.yaml$/.test(src) || src.endsWith("Pulumi.yaml");
    let workDir: string;
    if (options.sdkVersion === undefined || options.sdkVersion === repoSdkVersion()) {
        const local = path.join(REPO_ROOT, ".pulumi-local");
        fs.mkdirSync(local, { recursive: true });
        workDir = fs.mkdtempSync(path.join(local, `${path.basename(programDir)}-`));
    } else {
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), `${path.basename(programDir)}-sdk-${options.sdkVersion}-`));
        installBesideSdk(workDir, options.sdkVersion);
    }
    fs.cpSync(programDir, workDir, { recursive: true, filter });
    return sandboxFor(workDir, env);
}

/**
 * The engine for the project in `workDir`: file backend and PULUMI_HOME in a temp dir, the
 * CLI from the cache. `cleanup` removes both the temp dir and `workDir`.
 */
export async function sandboxFor(workDir: string, env: Record<string, string>): Promise<EngineSandbox> {
    const binDir = pulumiBinDir();
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "ee-e2e-"));
    fs.mkdirSync(path.join(temp, "backend"));
    const envVars: Record<string, string> = {
        PATH: `${binDir}:${process.env.PATH ?? ""}`,
        PULUMI_HOME: path.join(temp, "home"),
        PULUMI_BACKEND_URL: `file://${path.join(temp, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        ...env,
    };
    const command = await pulumiCommand(binDir);
    return {
        workDir,
        envVars,
        command,
        cleanup() {
            fs.rmSync(temp, { recursive: true, force: true });
            fs.rmSync(workDir, { recursive: true, force: true });
        },
    };
}

let commandFor: { binDir: string; command: Promise<PulumiCommand> } | undefined;

/** The Automation API's handle on the CLI in `binDir`: getting one runs `pulumi version` (0.6 CPU-s), so once per suite, not per sandbox. */
function pulumiCommand(binDir: string): Promise<PulumiCommand> {
    if (commandFor?.binDir !== binDir) commandFor = { binDir, command: PulumiCommand.get({ root: path.dirname(binDir) }) };
    return commandFor.command;
}

/**
 * A stack of the sandbox's project. Its up, refresh and destroy skip the three CLI runs the
 * Automation API adds after each to fill the result's `outputs` and `summary` (each starts the Go
 * CLI and derives the passphrase's key: about 1.7 CPU-seconds per up on a CI machine, a fifth of the
 * up itself; `pulumi up` in a terminal runs none of them, so the bench's timings leave them out too).
 * Their results hold `outputs: {}` and no `summary`; a test that reads them asks after the command:
 * `await stack.outputs()`, `await stack.info()`.
 */
export async function newStack(sandbox: EngineSandbox, stackName: string): Promise<Stack> {
    const stack = await LocalWorkspace.createStack({ stackName, workDir: sandbox.workDir }, workspaceOptions(sandbox));
    return withoutCliQueries(stack, sandbox.workDir);
}

/**
 * A stack whose program the Automation API runs in this process (an inline program), not in a
 * node process the language host starts for each command. The engine, the CLI and the dynamic
 * provider's process are the same as `newStack`'s; what changes is where the program's JavaScript
 * runs: here, where `@pulumi/pulumi` is already loaded, instead of a new process that loads it
 * again (about 2.5 CPU-seconds of every up and preview on a CI machine). The program is the
 * sandbox's `index.js` or `index.ts`, run anew each command with a `require` that resolves from its
 * directory; its `module.exports` are the stack's outputs (when it exports a function, what that
 * returns). The program must be one file (a relative `require` of code throws; `.json` data is
 * fine) and must not read `process.env` or `process.cwd()` (this process's, not the sandbox's) or
 * depend on its own process (exit codes, uncaught errors); a sandbox with its own `@pulumi/pulumi`
 * (`sdkVersion`) is refused. Suites about those use `newStack`. A program error thrown here fails
 * the suite as Jest's uncaught error, not the command.
 */
export async function newInlineStack(sandbox: EngineSandbox, stackName: string): Promise<Stack> {
    const stack = await LocalWorkspace.createStack({ stackName, ...inlineProgram(sandbox.workDir) }, workspaceOptions(sandbox));
    return withoutCliQueries(stack, sandbox.workDir);
}

/** An existing stack of the sandbox's project (one the CLI made, say), from now on with its program run inline as `newInlineStack`'s. */
export async function selectInlineStack(sandbox: EngineSandbox, stackName: string): Promise<Stack> {
    const stack = await LocalWorkspace.selectStack({ stackName, ...inlineProgram(sandbox.workDir) }, workspaceOptions(sandbox));
    return withoutCliQueries(stack, sandbox.workDir);
}

/** The Automation API's workspace options for the sandbox: its directory, environment and CLI. */
function workspaceOptions(sandbox: EngineSandbox): LocalWorkspaceOptions {
    return { workDir: sandbox.workDir, envVars: sandbox.envVars, pulumiCommand: sandbox.command };
}

/**
 * The project in `workDir` as an inline program: its name from Pulumi.yaml, and a function that runs
 * its `index.js` (or `index.ts`, transpiled without a type-check, as the tests are and as
 * `PULUMI_NODEJS_TRANSPILE_ONLY` runs it) anew each time.
 */
function inlineProgram(workDir: string): { projectName: string; program: () => Promise<Record<string, unknown>> } {
    // A sandbox with node_modules of its own (createSandbox's sdkVersion) holds a second @pulumi/pulumi:
    // its resources would register with a runtime the Automation API never started.
    if (fs.existsSync(path.join(workDir, "node_modules")))
        throw new Error(`${workDir} has its own node_modules (another @pulumi/pulumi): run it with newStack, not inline`);
    const javascript = path.join(workDir, "index.js");
    const entry = fs.existsSync(javascript) ? javascript : path.join(workDir, "index.ts");
    const source = (): string => {
        const text = fs.readFileSync(entry, "utf8");
        if (entry === javascript) return text;
        return transformSync(text, { ...swcOptions("typescript"), filename: entry }).code;
    };
    // As the language host does: a module that exports a function is the program's main, called and awaited.
    // Only the entry file runs anew: a module it requires from its folder would run once (required
    // modules are cached), so declarations there would vanish from the second command on. Data (.json) is fine.
    const load = createRequire(entry);
    const programRequire = (id: string): unknown => {
        if (id.startsWith(".") && !id.endsWith(".json"))
            throw new Error(`inline program ${entry} requires ${id}: an inline program is one file; run it with newStack`);
        return load(id);
    };
    const program = async () => {
        const module: { exports: unknown } = { exports: {} };
        const run = new Function("exports", "require", "module", "__filename", "__dirname", source());
        run(module.exports, programRequire, module, entry, workDir);
        const outputs = typeof module.exports === "function" ? await module.exports() : module.exports;
        return (outputs ?? {}) as Record<string, unknown>;
    };
    return { projectName: projectName(workDir), program };
}

/**
 * The same stack of an inline one (`newInlineStack`), with its program run as `newStack`'s are: in
 * the process the language host starts. For a step about that process's own behaviour, such as how
 * it prints a program error.
 */
export async function withLanguageHost(sandbox: EngineSandbox, stack: Stack): Promise<Stack> {
    const hosted = await LocalWorkspace.selectStack({ stackName: stack.name, workDir: sandbox.workDir }, workspaceOptions(sandbox));
    return withoutCliQueries(hosted, sandbox.workDir);
}

/**
 * `stack` (an existing one, from `LocalWorkspace.selectStack`) as `newStack` makes them: plain
 * config written without the CLI, and no result queries after up, refresh and destroy.
 */
export function withoutCliQueries(stack: Stack, workDir: string): Stack {
    writingPlainConfig(stack, workDir);
    return withoutResultQueries(stack);
}

/**
 * The stack's `setConfig` and `setAllConfig` write plain values straight into `Pulumi.<stack>.yaml`,
 * as `pulumi config set --plaintext` does, without starting the CLI (about 0.4 CPU-seconds a run on
 * a CI machine; the suites set config before most steps). Secrets and `--path` keys still go through
 * the CLI: it encrypts with the stack's passphrase and parses paths.
 */
function writingPlainConfig(stack: Stack, workDir: string): void {
    const setConfig = stack.setConfig.bind(stack);
    const setAllConfig = stack.setAllConfig.bind(stack);
    stack.setConfig = (key: string, value: ConfigValue, path?: boolean) =>
        value.secret || path ? setConfig(key, value, path) : Promise.resolve(writePlainConfig(workDir, stack.name, { [key]: value.value }));
    stack.setAllConfig = async (config: ConfigMap, path?: boolean) => {
        if (path) return setAllConfig(config, path);
        const secrets = Object.fromEntries(Object.entries(config).filter(([, value]) => value.secret));
        if (Object.keys(secrets).length > 0) await setAllConfig(secrets);
        writePlainConfig(
            workDir,
            stack.name,
            Object.fromEntries(Object.entries(config).flatMap(([key, value]) => (value.secret ? [] : [[key, value.value]]))),
        );
    };
}

/** The stack, its `outputs()` and `info()` answering nothing while one of its up, refresh or destroy runs (Stack calls them at the end). */
function withoutResultQueries(stack: Stack): Stack {
    const outputs = stack.outputs.bind(stack);
    const info = stack.info.bind(stack);
    let running = 0;
    const quiet =
        <A extends unknown[], R>(command: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
            running++;
            try {
                return await command(...args);
            } finally {
                running--;
            }
        };
    stack.up = quiet(stack.up.bind(stack));
    stack.refresh = quiet(stack.refresh.bind(stack));
    stack.destroy = quiet(stack.destroy.bind(stack));
    stack.outputs = () => (running > 0 ? Promise.resolve({}) : outputs());
    stack.info = (showSecrets) => (running > 0 ? Promise.resolve(undefined) : info(showSecrets));
    return stack;
}

/**
 * Stack config that lifts the provider's default limit of 50 requests a second (to 10,000), for a suite
 * whose subject is not the limits: at 50 a second, import's adoption of 214 images (a 409 and a GET
 * each) and their destroy waited 10 s without work, holding a jest worker. The calls the suites assert
 * are the same either way; the limits themselves are shown by the bench
 * (`providerVsFloorRatio.defaultLimits`, `importWalk`) and test/integration/retry.test.ts ("limiter").
 * `await stack.setAllConfig(UNTHROTTLED)`: plain config, written without the CLI.
 */
export const UNTHROTTLED: ConfigMap = { "earthengine:maxRequestsPerSecond": { value: "10000" } };

/** One resource of a stored deployment, as `pulumi stack export` prints it. */
export interface StoredResource {
    urn: string;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    delete?: boolean;
}

/**
 * The stack's latest deployment as the sandbox's file backend stored it: what `pulumi stack
 * export` prints (secrets as ciphertext), read without starting the CLI (about 0.6 CPU-seconds a
 * start on a CI machine).
 */
export function storedDeployment(sandbox: EngineSandbox, stackName: string): { resources?: StoredResource[] } {
    return storedDeploymentIn(backendDir(sandbox), stackName) as { resources?: StoredResource[] };
}

/** The stack's outputs as the backend stored them (what `pulumi stack output --json` prints, secrets as ciphertext), without starting the CLI. */
export function storedStackOutputs(sandbox: EngineSandbox, stackName: string): Record<string, unknown> {
    return storedDeployment(sandbox, stackName).resources?.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs ?? {};
}

/** What the backend recorded of one engine command: the fields of `stack.info()` the suites read. */
export interface StoredUpdate {
    kind: string;
    result: string;
    resourceChanges?: Record<string, number>;
}

/**
 * The stack's last update, refresh or destroy as the sandbox's file backend recorded it: what
 * `stack.info()` returns (`pulumi stack history`), read without starting the CLI.
 */
export function storedLastUpdate(sandbox: EngineSandbox, stackName: string): StoredUpdate {
    return storedLastUpdateIn(backendDir(sandbox), stackName);
}

/** The sandbox's file backend: the directory PULUMI_BACKEND_URL names. */
export function backendDir(sandbox: EngineSandbox): string {
    return new URL(sandbox.envVars.PULUMI_BACKEND_URL).pathname;
}
