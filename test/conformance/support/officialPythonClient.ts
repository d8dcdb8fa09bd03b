import { execFile, execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

/**
 * Google's official Python client (`earthengine-api`, pinned in scripts/setup-python-client.sh,
 * in a cached venv outside the repository) and its `earthengine` CLI, pointed at an emulator
 * the documented way: a CLI configuration file (`EE_CONFIG_FILE`) with `url`, `project`,
 * `account` and `private_key` (a service-account JSON key whose `token_uri` is the emulator's
 * token route). The key is generated here at run time and never written to the repository.
 */
export interface PythonClient {
    /** The folder with the configuration file and the key. */
    dir: string;
    keyFile: string;
    /** Runs `earthengine ARGS...`; resolves with stdout, rejects with the CLI's output on failure. */
    earthengine(...args: string[]): Promise<string>;
    /** Runs `python SCRIPT ARGS...` in the venv; resolves with stdout. */
    python(script: string, ...args: string[]): Promise<string>;
    remove(): void;
}

const run = promisify(execFile);
const REPO = path.join(__dirname, "../../..");
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
    const exec = async (file: string, args: string[]) => {
        try {
            return (await run(file, args, { env, cwd: dir, timeout: TIMEOUT_MS })).stdout;
        } catch (error) {
            const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
            throw new Error(`${path.basename(file)} ${args.join(" ")} failed:\n${stdout}${stderr}`.slice(0, 4000));
        }
    };
    return {
        dir,
        keyFile,
        earthengine: (...args) => exec(path.join(bin, "earthengine"), args),
        python: (script, ...args) => exec(path.join(bin, "python"), [script, ...args]),
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
