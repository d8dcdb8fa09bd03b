// fake-gcs-server (github.com/fsouza/fake-gcs-server), the Cloud Storage stand-in, started on a free
// port for the tests and the demo. The binary comes from scripts/install-fake-gcs.sh (built from Go
// modules on first use, then cached) unless PULUMI_EARTHENGINE_FAKE_GCS_BIN names it (the e2e global
// setup resolves it once and hands it to the workers that way).
//
// Flags, from fake-gcs-server's internal/config/config.go at the pinned version: `-scheme http` (Pulumi's
// gs:// backend reads STORAGE_EMULATOR_HOST as http://host:port), `-backend memory` (nothing on disk),
// `-host`/`-port` (the address; `-external-url` defaults to it), `-public-host` (the same host:port: the
// path-style reads `GET /<bucket>/<object>` that Go's client, so Pulumi's gs:// backend, sends to an
// emulator are routed only when the Host header equals it; the default storage.googleapis.com makes them
// 404), `-location` (every bucket's location,
// server-wide: a second location needs a second server) and `-log-level` (debug|info|warn|error).
const { spawn } = require("node:child_process");
const net = require("node:net");
const { installedPath } = require("./installed");

const BIN_ENV = "PULUMI_EARTHENGINE_FAKE_GCS_BIN";
const HOST = "127.0.0.1";
const DEFAULT_LOCATION = "US-CENTRAL1";
const READY_TIMEOUT_MS = 15000;

let resolvedBinary;

/** The fake-gcs-server binary: $PULUMI_EARTHENGINE_FAKE_GCS_BIN, else the install script's answer (once per process). */
function fakeGcsBinary() {
    if (resolvedBinary === undefined) {
        resolvedBinary = process.env[BIN_ENV] || installedPath("install-fake-gcs.sh");
    }
    return resolvedBinary;
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once("error", reject);
        server.listen(0, HOST, () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function check(response, what) {
    if (response.ok) return response;
    const body = (await response.text()).slice(0, 500);
    throw new Error(`fake-gcs-server: ${what} failed: HTTP ${response.status} ${body}`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns one server on `port`; resolves once it answers, rejects if it exits first or never answers. */
async function spawnServer(binary, port, location) {
    const address = `${HOST}:${port}`;
    const args = [
        "-scheme",
        "http",
        "-backend",
        "memory",
        "-host",
        HOST,
        "-port",
        String(port),
        "-public-host",
        address,
        "-location",
        location,
    ];
    args.push("-log-level", "warn");
    // Flags win over fake-gcs-server's FAKE_GCS_* variables; drop those so none changes what is not a flag.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("FAKE_GCS_")));
    const child = spawn(binary, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
        if (stderr.length < 4000) stderr += chunk;
    });
    let exited = null;
    const exit = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    exit.then((status) => {
        exited = status;
    });
    child.once("error", (error) => {
        exited = { code: null, signal: null, error };
    });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
        if (exited) {
            const detail = exited.error ? exited.error.message : `exit code ${exited.code}, signal ${exited.signal}`;
            return { child: null, failure: `fake-gcs-server (${binary}) stopped before answering (${detail}): ${stderr.trim()}` };
        }
        try {
            const response = await fetch(`http://${HOST}:${port}/storage/v1/b`);
            if (response.ok) {
                await response.arrayBuffer();
                return { child, exit };
            }
        } catch {
            // not listening yet
        }
        if (Date.now() > deadline) {
            child.kill("SIGKILL");
            throw new Error(`fake-gcs-server did not answer on ${HOST}:${port} within ${READY_TIMEOUT_MS} ms: ${stderr.trim()}`);
        }
        await sleep(50);
    }
}

/**
 * Starts fake-gcs-server over http on a free port of 127.0.0.1, in memory, every bucket in
 * `opts.location` (default US-CENTRAL1, fake-gcs-server's own default). Call `stop()` when done; the
 * server is also killed when this process exits.
 *
 * Clients: `@google-cloud/storage` 7 with `apiEndpoint: endpoint` (not STORAGE_EMULATOR_HOST, which it
 * reads as https); Pulumi's gs:// backend with STORAGE_EMULATOR_HOST=`host` and any
 * GOOGLE_OAUTH_ACCESS_TOKEN set.
 *
 * @param {{ location?: string }} [opts]
 * @returns {Promise<import("./fake-gcs").FakeGcs>}
 */
async function startFakeGcs(opts = {}) {
    const binary = fakeGcsBinary();
    const location = opts.location ?? DEFAULT_LOCATION;
    let started;
    let port;
    // The free port is free when probed; another process may take it before the server binds. Retry then.
    for (let attempt = 0; attempt < 3 && !started?.child; attempt++) {
        port = await freePort();
        started = await spawnServer(binary, port, location);
    }
    if (!started.child) throw new Error(started.failure);
    const { child, exit } = started;
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    // Neither the child nor its pipe keeps this process (a jest worker, the demo) alive. The pipe stays
    // open and drained: a Go program writing its log to a closed stderr dies of SIGPIPE.
    child.unref();
    child.stderr.unref();

    const host = `${HOST}:${port}`;
    const endpoint = `http://${host}`;
    const objectPath = (bucket, name) => `${endpoint}/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(name)}`;
    let stopped;
    return {
        host,
        endpoint,
        async createBucket(name) {
            const response = await fetch(`${endpoint}/storage/v1/b?project=fake-gcs`, {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: JSON.stringify({ name }),
            });
            await (await check(response, `creating bucket ${name}`)).arrayBuffer();
        },
        async putObject(bucket, name, bytes) {
            const url = `${endpoint}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o?uploadType=media&name=${encodeURIComponent(name)}`;
            const response = await fetch(url, {
                method: "POST",
                headers: { "content-type": "application/octet-stream" },
                body: bytes,
            });
            const object = await (await check(response, `writing gs://${bucket}/${name}`)).json();
            return { generation: String(object.generation) };
        },
        async deleteObject(bucket, name) {
            const response = await fetch(objectPath(bucket, name), { method: "DELETE" });
            await (await check(response, `deleting gs://${bucket}/${name}`)).arrayBuffer();
        },
        stop() {
            stopped ??= (async () => {
                process.removeListener("exit", killOnExit);
                child.kill("SIGTERM");
                const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
                await exit;
                clearTimeout(timer);
            })();
            return stopped;
        },
    };
}

module.exports = { startFakeGcs, fakeGcsBinary, FAKE_GCS_BIN_ENV: BIN_ENV };
