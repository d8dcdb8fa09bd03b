import type { AddressInfo } from "node:net";
import type { EarthEngineAsset } from "../provider/earthengine/types";
import { FaultInjector, type FaultPlan } from "./faultPlan";
import { FaultQueue, type FaultSpec } from "./faults";
import { type RecordedRequest, RequestLog } from "./requestLog";
import { createEmulatorServer } from "./server";
import { AssetStore } from "./store";

export type { FaultOutcome, FaultPlan, FaultRule } from "./faultPlan";
export type { FaultSpec } from "./faults";
export type { RecordedRequest } from "./requestLog";

/** Where and how the emulator runs. */
export interface EmulatorOptions {
    /** TCP port; 0 (the default) picks a free ephemeral port. */
    port?: number;
    /** Interface to listen on; default 127.0.0.1 (loopback, the only plain-http endpoint the provider accepts). */
    host?: string;
    /** JSON file to keep assets in across restarts: loaded at start if it exists, rewritten after every change. */
    statePath?: string;
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
    /** Every stored asset, sorted by name, as `assets.get` would return it. */
    assets(): EarthEngineAsset[];
    /** Makes the next matching API requests fail without being executed (see FaultSpec). */
    addFault(fault: FaultSpec): void;
    /** Replaces the random fault plan (an empty object turns it off). */
    setFaultPlan(plan: FaultPlan): void;
    /** The most API requests that were in flight at once since the start or the last reset. */
    maxConcurrent(): number;
    /** Clears assets (and the state file), the request log and pending faults. */
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
    const injector = new FaultInjector();
    if (options.faultPlan) injector.configure(options.faultPlan);
    const reset = () => {
        store.clear();
        log.clear();
        faults.clear();
        injector.reset();
    };
    const server = createEmulatorServer({ store, log, faults, injector, reset });
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
        assets: () => store.all(),
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
