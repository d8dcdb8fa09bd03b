import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";

/**
 * Google's official Python client (`earthengine-api`, pinned in scripts/setup-python-client.sh,
 * in a cached venv outside the repository) and its `earthengine` CLI, pointed at an emulator
 * the documented way: a CLI configuration file (`EE_CONFIG_FILE`) with `url`, `project`,
 * `account` and `private_key` (a service-account JSON key whose `token_uri` is the emulator's
 * token route). The key is generated here at run time and never written to the repository.
 * Commands run in one Python process per client (earthengine_driver.py): each through the CLI's
 * own entry point, so Google's code parses, authenticates and calls as a fresh process does.
 */
export interface PythonClient {
    /** The folder with the configuration file and the key. */
    dir: string;
    keyFile: string;
    /** Runs `earthengine ARGS...` (its entry point, ee.cli.eecli.main); resolves with stdout, rejects with the CLI's output on failure. */
    earthengine(...args: string[]): Promise<string>;
    /** Runs `python SCRIPT ARGS...` in the venv (as `__main__`, with sys.argv set); resolves with stdout. */
    python(script: string, ...args: string[]): Promise<string>;
    /** Ends the Python process (waits for it) and deletes `dir`. */
    remove(): Promise<void>;
}

const REPO = path.join(__dirname, "../../..");
const DRIVER = path.join(__dirname, "earthengine_driver.py");
// Generous: the first Python start on a busy machine compiles the client's modules.
const TIMEOUT_MS = 120_000;

/** Installs (first run) or finds the venv: the setup script's last line is its bin directory. */
export function pythonClientBin(): string {
    const out = execFileSync("bash", [path.join(REPO, "scripts/setup-python-client.sh")], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
    });
    return out.trim().split("\n").at(-1) ?? "";
}

export function pythonClient(url: string, project: string): PythonClient {
    const bin = pythonClientBin();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ee-python-client-"));
    const account = `conformance@${project}.iam.gserviceaccount.com`;
    const { privateKey } = generateKeyPairSync("rsa", {
        modulusLength: 2048,
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
        publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const keyFile = path.join(dir, "service-account.json");
    const key = {
        type: "service_account",
        project_id: project,
        private_key_id: "conformance",
        private_key: privateKey,
        client_email: account,
        client_id: "1",
        token_uri: `${url}/token`,
    };
    fs.writeFileSync(keyFile, JSON.stringify(key), { mode: 0o600 });
    const configFile = path.join(dir, "credentials");
    fs.writeFileSync(configFile, JSON.stringify({ url, project, account, private_key: keyFile }));
    // HOME too: the client must not read or write the developer's own configuration.
    const { GOOGLE_APPLICATION_CREDENTIALS: _adc, ...inherited } = process.env;
    const env = { ...inherited, EE_CONFIG_FILE: configFile, HOME: dir, PYTHONDONTWRITEBYTECODE: "1" };
    const driver = new Driver(path.join(bin, "python"), env, dir);
    return {
        dir,
        keyFile,
        earthengine: (...args) => driver.run({ args }, ["earthengine", ...args]),
        python: (script, ...args) => driver.run({ script, args }, [path.basename(script), ...args]),
        remove: async () => {
            await driver.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

interface Answer {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * One Python process running earthengine_driver.py, started at the first command: the commands
 * run in it one after another, each through the CLI's entry point or a script's `__main__`, as
 * separate processes would run them, without a Python start (and the client's import) each.
 * A command that outlives TIMEOUT_MS stops the process; the next command starts a new one.
 */
class Driver {
    private process?: ChildProcessWithoutNullStreams;
    private answers?: AsyncIterator<string>;
    private queue: Promise<unknown> = Promise.resolve();

    constructor(
        private readonly python: string,
        private readonly env: NodeJS.ProcessEnv,
        private readonly cwd: string,
    ) {}

    /** Runs one request; resolves with its stdout, rejects with its output when it exits non-zero. */
    run(request: { args: string[]; script?: string }, command: string[]): Promise<string> {
        const answer = this.queue.then(() => this.ask(request));
        this.queue = answer.catch(() => undefined);
        return answer.then(({ code, stdout, stderr }) => {
            if (code !== 0) throw new Error(`${command.join(" ")} failed (exit ${code}):\n${stdout}${stderr}`.slice(0, 4000));
            return stdout;
        });
    }

    /** Ends the process: its stdin closed, it leaves its loop; killed if still running a command. */
    async stop(): Promise<void> {
        const child = this.process;
        this.process = undefined;
        this.answers = undefined;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.stdin.end();
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
    }

    private async ask(request: object): Promise<Answer> {
        if (!this.process || !this.answers) {
            this.process = spawn(this.python, [DRIVER], { env: this.env, cwd: this.cwd });
            this.process.stderr.setEncoding("utf8");
            let stderr = "";
            this.process.stderr.on("data", (chunk: string) => {
                stderr = (stderr + chunk).slice(-4000);
            });
            this.process.once("exit", (code) => {
                if (code) console.error(`earthengine_driver.py exited with ${code}:\n${stderr}`);
            });
            this.answers = readline.createInterface({ input: this.process.stdout })[Symbol.asyncIterator]();
        }
        const { process: child, answers } = this;
        child.stdin.write(`${JSON.stringify(request)}\n`);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
                void this.stop();
                reject(new Error(`no answer from the Python client within ${TIMEOUT_MS} ms for ${JSON.stringify(request)}`));
            }, TIMEOUT_MS);
        });
        try {
            const line = await Promise.race([answers.next(), timeout]);
            if (line.done) throw new Error(`earthengine_driver.py exited before answering ${JSON.stringify(request)}`);
            return JSON.parse(line.value) as Answer;
        } finally {
            clearTimeout(timer);
        }
    }
}
