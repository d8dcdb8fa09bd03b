import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { inputsOf, loadCorpus } from "../fixtures/hostile/corpus";
import { backendDir, createSandbox, type EngineSandbox, newStack, REPO_ROOT } from "./support/engine";

// Hostile inputs and credentials through the real engine: what reaches the user's terminal, the
// state and the emulator.
jest.setTimeout(20 * 60_000);

const CORPUS = loadCorpus();
const corpusInputs = (name: string) => {
    const found = CORPUS.find((c) => c.name === name);
    if (!found) throw new Error(`no corpus case ${name}`);
    return inputsOf(found);
};
const DEM = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/e2e/dem.json"), "utf8"));
// What the terminal may receive for a failed preview of these inputs (megabytes before the bounds).
const MAX_TERMINAL_BYTES = 64 * 1024;

let emulator: RunningEmulator;
const sandboxes: EngineSandbox[] = [];

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(async () => {
    for (const sandbox of sandboxes) sandbox.cleanup();
    await emulator?.close();
});

/** A stack of the hostile program declaring `declared`, with `env` for the engine and program. */
async function stackFor(stackName: string, declared: Record<string, unknown>, env: Record<string, string> = {}): Promise<Stack> {
    return (await sandboxedStack(stackName, declared, env)).stack;
}

/** Every file the file backend wrote (state, its backups and history), as one text. */
function backendText(sandbox: EngineSandbox): string {
    const dir = backendDir(sandbox);
    return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
        .join("\n");
}

async function sandboxedStack(
    stackName: string,
    declared: Record<string, unknown>,
    env: Record<string, string> = {},
): Promise<{ stack: Stack; sandbox: EngineSandbox }> {
    fs.mkdirSync(path.join(REPO_ROOT, ".pulumi-local"), { recursive: true });
    const inputsFile = path.join(fs.mkdtempSync(path.join(REPO_ROOT, ".pulumi-local", "inputs-")), "inputs.json");
    fs.writeFileSync(inputsFile, JSON.stringify(declared));
    const sandbox = await createSandbox(path.join(__dirname, "hostile-program"), {
        EARTHENGINE_ENDPOINT: emulator.url,
        HOSTILE_INPUTS: inputsFile,
        ...env,
    });
    sandboxes.push({
        ...sandbox,
        cleanup: () => {
            sandbox.cleanup();
            fs.rmSync(path.dirname(inputsFile), { recursive: true, force: true });
        },
    });
    return { stack: await newStack(sandbox, stackName), sandbox };
}

/** Everything the engine printed for `action`, and its error message if it failed. */
async function run(action: (onOutput: (out: string) => void) => Promise<unknown>): Promise<{ output: string; error?: string }> {
    let output = "";
    try {
        await action((out) => {
            output += out;
        });
        return { output };
    } catch (error) {
        return { output, error: error instanceof Error ? error.message : String(error) };
    }
}

// What `check` answers for every corpus case (bounded failures with their paths, the 20,000-character
// asset name included) is test/unit/hostile.test.ts; the program's refusal of a __proto__ key is
// test/unit/programChecks.test.ts. Here, the largest case: what the engine prints of those failures
// (it prints a top-level input's whole value, so a failure there would flood the terminal).
describe("hostile inputs through pulumi preview", () => {
    test("500 bad bands among 5,000 tilesets (44 MB through preview before): bounded failures with their paths reach the terminal, and nothing reaches Earth Engine", async () => {
        const stack = await stackFor(
            "hostile",
            { hostile: corpusInputs("500 bad bands among 5,000 tilesets (44 MB through preview before)") },
            { GOOGLE_OAUTH_ACCESS_TOKEN: "hostile-token" },
        );
        const mark = emulator.requests().length;
        const { output, error } = await run((onOutput) => stack.preview({ onOutput }));
        expect(error).toBeDefined();
        const terminal = output + (error ?? "");
        expect(Buffer.byteLength(terminal)).toBeLessThanOrEqual(MAX_TERMINAL_BYTES);
        for (const text of ["imageManifest.bands[0].tilesetId", "and 480 more problems"]) expect(terminal).toContain(text);
        expect(emulator.requests().slice(mark)).toEqual([]);
    });
});

describe("credentials never reach state, engine output or error messages", () => {
    const TOKEN = "ya29.scan-me-token-5c1e0a";
    const ENV_TOKEN = "ya29.environment-token-9b7d";
    // One image that imports, and one whose parent folder is missing, so the provider reports an error.
    const DECLARED = {
        dem: { imageManifest: DEM },
        orphan: { imageManifest: { ...DEM, name: "projects/e2e-project/assets/no-such-folder/dem" } },
    };

    /** Runs `up`, then returns what the engine printed and every file of state it wrote. */
    async function scan(
        stackName: string,
        env: Record<string, string>,
        config: Record<string, { value: string; secret: boolean }>,
        secrets: string[],
    ) {
        const { stack, sandbox } = await sandboxedStack(stackName, DECLARED, env);
        for (const [key, value] of Object.entries(config)) await stack.setConfig(key, value);
        const up = await run((onOutput) => stack.up({ onOutput }));
        for (const secret of secrets) {
            expect(up.output).not.toContain(secret);
            expect(up.error ?? "").not.toContain(secret);
        }
        return { up, state: backendText(sandbox) };
    }

    // One stack for both: the config's token is used (stack config wins over the environment, as a
    // whole: test/unit/credentials.test.ts), and the environment's sits in both the program's and the
    // provider's processes all the while.
    test("a token as secret config, another in the environment: ciphertext in state, neither in state, output or errors", async () => {
        const mark = emulator.requests().length;
        const { up, state } = await scan(
            "secret-token",
            { GOOGLE_OAUTH_ACCESS_TOKEN: ENV_TOKEN },
            { "earthengine:accessToken": { value: TOKEN, secret: true } },
            [TOKEN, ENV_TOKEN],
        );
        expect(up.error).toContain("Could not create projects/e2e-project/assets/no-such-folder/dem");
        expect(state).not.toContain(TOKEN);
        expect(state).not.toContain(ENV_TOKEN);
        expect(up.output).not.toContain("is set as plain config");
        expect(
            emulator
                .requests()
                .slice(mark)
                .some((r) => r.method === "POST"),
        ).toBe(true);
    });

    test("a token as plain config warns in the program, and never reaches output or errors (state keeps it, as documented)", async () => {
        const { up, state } = await scan("plain-token", {}, { "earthengine:accessToken": { value: TOKEN, secret: false } }, [TOKEN]);
        expect(state).toContain(TOKEN); // the engine records stack config as the provider's inputs: what the warning is for
        expect(up.output).toContain("earthengine:accessToken is set as plain config");
        expect(up.error).toContain("Could not create projects/e2e-project/assets/no-such-folder/dem");
    });

    // A well-formed key in secret config is the same ciphertext to the engine as the token above; that it
    // wins over the environment's token, and that its failed token exchange names neither, is
    // test/integration/provider.test.ts ("configure").
    test("malformed credentials fail the run, naming the setting and never echoing it, in output or state", async () => {
        const { stack, sandbox } = await sandboxedStack("bad-key", { dem: { imageManifest: DEM } });
        const secret = '{"type": "service_account", "private_key": "not-a-key-SECRET-4242"';
        await stack.setConfig("earthengine:credentials", { value: secret, secret: true });
        const { output, error } = await run((onOutput) => stack.up({ onOutput }));
        expect(error).toBeDefined();
        expect(`${output}${error}`).toContain("earthengine:credentials is not valid JSON");
        expect(`${output}${error}`).not.toContain("SECRET-4242");
        // Told on the resource, not echoed again on the stack by the dynamic-provider host.
        expect(output).not.toContain("ConfigurationError:");
        expect(backendText(sandbox)).not.toContain("SECRET-4242");
    });
});
