import type { AddressInfo } from "node:net";
import type { EarthEngineAsset, IamPolicy } from "../api";
import { FaultInjector, type FaultPlan } from "./faultPlan";
import { FaultQueue, type FaultSpec } from "./faults";
import { GceMetadataServer, type MetadataRequest } from "./gceMetadata";
import { type RecordedRequest, RequestLog } from "./requestLog";
import { createEmulatorServer } from "./server";
import { AssetStore } from "./store";

export type { FaultOutcome, FaultPlan, FaultRule } from "./faultPlan";
export type { FaultSpec } from "./faults";
export type { MetadataRequest } from "./gceMetadata";
export type { RecordedRequest } from "./requestLog";

/** Where and how the emulator runs. */
export interface EmulatorOptions {
    /** TCP port; 0 (the default) picks a free ephemeral port. */
    port?: number;
    /** Interface to listen on; default 127.0.0.1 (loopback, the only plain-http endpoint the provider accepts). */
    host?: string;
    /** JSON file to keep assets in across restarts: loaded at start if it exists, rewritten after every change. */
    statePath?: string;
    /** Milliseconds each API call waits before it is answered (a simulated round trip); default 0. */
    latencyMs?: number;
    /** `expires_in` of the tokens the metadata routes issue, in seconds; default 3599. */
    metadataTokenLifetimeSeconds?: number;
    /** Random faults, latency and a concurrency cap from the start (see FaultPlan). */
    faultPlan?: FaultPlan;
}

/** A started emulator. */
export interface RunningEmulator {
    /** Base URL for `earthengine:endpoint` / `EARTHENGINE_ENDPOINT`, such as `http://127.0.0.1:40123`. */
    url: string;
    /** The port it listens on. */
    port: number;
    /** Every API call so far (method, path, query, status, consumer project, body), oldest first. */
    requests(): RecordedRequest[];
    /** Empties the request log alone, keeping assets, faults and the fault plan (DELETE /_emulator/requests). */
    clearRequests(): void;
    /** Every stored asset, sorted by name, as `assets.get` would return it. */
    assets(): EarthEngineAsset[];
    /** The IAM policy stored for an asset, as `assets.getIamPolicy` would return it. */
    policy(name: string): IamPolicy;
    /** Requests to the GCE metadata routes (`/computeMetadata/v1/...`), oldest first. */
    metadataRequests(): MetadataRequest[];
    /** Access tokens the metadata routes issued so far. */
    metadataTokensIssued(): number;
    /** Sets `expires_in` of the tokens issued from now on, in seconds. */
    setMetadataTokenLifetime(seconds: number): void;
    /** Sets the milliseconds each API call waits from now on. */
    setLatency(ms: number): void;
    /** Makes the next matching API requests fail without being executed (see FaultSpec). */
    addFault(fault: FaultSpec): void;
    /** Replaces the random fault plan (an empty object turns it off). */
    setFaultPlan(plan: FaultPlan): void;
    /** The most API requests that were in flight at once since the start or the last reset. */
    maxConcurrent(): number;
    /** Clears assets (and the state file), the request logs and pending faults. */
    reset(): void;
    /** Stops listening and drops open connections. */
    close(): Promise<void>;
}

/** Starts a local Earth Engine REST API emulator on loopback. Rejects if the state file is unreadable or the port is taken. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const host = options.host ?? "127.0.0.1";
    const store = new AssetStore(options.statePath);
    const log = new RequestLog();
    const faults = new FaultQueue();
    const metadata = new GceMetadataServer();
    if (options.metadataTokenLifetimeSeconds !== undefined) metadata.tokenLifetimeSeconds = options.metadataTokenLifetimeSeconds;
    const injector = new FaultInjector();
    if (options.faultPlan) injector.configure(options.faultPlan);
    const reset = () => {
        store.clear();
        log.clear();
        faults.clear();
        metadata.clear();
        injector.reset();
    };
    const state = { store, log, faults, metadata, injector, latencyMs: options.latencyMs ?? 0, reset };
    const server = createEmulatorServer(state);
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const port = (server.address() as AddressInfo).port;
    return {
        url: `http://${urlHost(host)}:${port}`,
        port,
        requests: () => log.list(),
        clearRequests: () => log.clear(),
        assets: () => store.all(),
        policy: (name) => store.policies.get(name),
        metadataRequests: () => metadata.requests(),
        metadataTokensIssued: () => metadata.tokensIssued(),
        setMetadataTokenLifetime: (seconds) => {
            metadata.tokenLifetimeSeconds = seconds;
        },
        setLatency: (ms) => {
            state.latencyMs = ms;
        },
        addFault: (fault) => faults.add(fault),
        setFaultPlan: (plan) => injector.configure(plan),
        maxConcurrent: () => injector.maxConcurrent,
        reset,
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.close((error) => (error ? reject(error) : resolve()));
                // fetch keeps connections alive; without this, close() would wait for them to time out.
                server.closeAllConnections();
            }),
    };
}

/** A host clients can connect to: a wildcard address means this machine, and IPv6 needs brackets. */
function urlHost(host: string): string {
    if (host === "0.0.0.0") return "127.0.0.1";
    if (host === "::") return "[::1]";
    return host.includes(":") ? `[${host}]` : host;
}
