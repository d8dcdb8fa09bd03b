import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { API_VERSIONS, type ApiVersion } from "../api";
import { requireBearerToken } from "./auth";
import { discoveryDocument } from "./discovery";
import { ApiError, invalidArgument } from "./errors";
import { checkFaultPlan, type FaultAction, type FaultInjector } from "./faultPlan";
import { checkFault, type FaultQueue } from "./faults";
import { type GceMetadataServer, METADATA_PREFIX } from "./gceMetadata";
import { bodyForLog, parseJsonBody, type ReceivedBody, readBody, sendError, sendJson } from "./http";
import type { RecordedRequest, RequestLog } from "./requestLog";
import { dispatch } from "./routes";
import type { AssetStore } from "./store";
import { grantToken } from "./token";

/** The state one emulator serves. */
export interface EmulatorState {
    store: AssetStore;
    log: RequestLog;
    faults: FaultQueue;
    /** The GCE metadata server's token routes, for Application Default Credentials. */
    metadata: GceMetadataServer;
    /** Milliseconds every API call waits before it is answered, like a round trip to Google (default 0). */
    latencyMs: number;
    /** Random faults, latency and the concurrency cap (POST /_emulator/faultPlan). */
    injector: FaultInjector;
    /** Clears assets, the request log and faults (POST /_emulator/reset). */
    reset(): void;
}

/**
 * Idle keep-alive connections stay open longer than HTTP clients keep them (undici: 4 s, or the
 * server's hint minus 1 s), so a client never sends on a connection the server is closing: resets
 * happen only when injected.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 120_000;

/**
 * The HTTP server: `/_emulator/*` test routes without auth and unlogged; every other request is
 * an API call that is logged with its answer. The concurrency cap, then injected faults answer
 * before anything else, like a failing front end, so the call is not executed (except
 * apply-then-drop, which executes it and then cuts the connection).
 */
export function createEmulatorServer(state: EmulatorState): Server {
    const server = createServer((request, response) => {
        handle(state, request, response).catch((error: unknown) => {
            // Only reached if writing the response itself failed; nothing left to tell the client.
            response.destroy(error instanceof Error ? error : undefined);
        });
    });
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 5_000;
    return server;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function handle(state: EmulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://emulator");
    const method = (request.method ?? "GET").toUpperCase();
    const body = await readBody(request);
    if (url.pathname.startsWith("/_emulator/")) return handleTestRoute(state, method, url.pathname, body, response);
    if (url.pathname.startsWith(METADATA_PREFIX)) return state.metadata.handle(request, url, response);
    const client = clientRoute(method, url, request.headers.host, body);
    if (client) return sendJson(response, client.status, client.body);
    if (state.latencyMs > 0) await delay(state.latencyMs);

    const query = Object.fromEntries(url.searchParams);
    const header = request.headers["x-goog-user-project"];
    const userProject = Array.isArray(header) ? header[0] : header;
    let status = 200;
    let action: FaultAction = { kind: "none" };
    const overCap = state.injector.enter();
    try {
        if (overCap) throw overCap;
        const drawn = state.injector.draw(method, url.pathname);
        if (drawn.latencyMs > 0) await delay(drawn.latencyMs);
        action = state.faults.take(method, url.pathname) ?? drawn.action;
        if (action.kind === "error") throw action.error;
        if (action.kind === "reset") {
            status = 0;
            // A TCP reset before anything is executed.
            request.socket.resetAndDestroy();
            return;
        }
        requireBearerToken(request.headers.authorization);
        const result = dispatch(state.store, { method, path: decodePath(url.pathname), query, body });
        if (action.kind === "applyThenDrop") {
            // Executed, then the connection closes without an answer.
            request.socket.destroy();
            return;
        }
        sendJson(response, status, result);
    } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError(500, `Internal error in the emulator: ${String(error)}`);
        status = apiError.httpStatus;
        if (action.kind === "applyThenDrop") request.socket.destroy();
        else sendError(response, apiError);
    } finally {
        state.injector.leave();
        const entry: RecordedRequest = { method, path: url.pathname, query, status };
        if (overCap) entry.fault = "concurrencyCap";
        else if (action.kind !== "none") entry.fault = action.kind === "error" ? "status" : action.kind;
        if (userProject !== undefined) entry.userProject = userProject;
        const logged = bodyForLog(body);
        if (logged !== undefined) entry.body = logged;
        state.log.record(entry);
    }
}

function handleTestRoute(state: EmulatorState, method: string, path: string, body: ReceivedBody, response: ServerResponse): void {
    try {
        sendJson(response, 200, testRouteAnswer(state, `${method} ${path}`, body));
    } catch (error) {
        sendError(response, error instanceof ApiError ? error : new ApiError(500, String(error)));
    }
}

function testRouteAnswer(state: EmulatorState, route: string, body: ReceivedBody): unknown {
    switch (route) {
        case "GET /_emulator/requests":
            return { requests: state.log.list(), maxConcurrent: state.injector.maxConcurrent };
        case "DELETE /_emulator/requests":
            // The log alone: assets, faults and the fault plan stay (POST /_emulator/reset clears everything).
            state.log.clear();
            return {};
        case "GET /_emulator/faultPlan":
            return state.injector.current();
        case "POST /_emulator/faultPlan":
            state.injector.configure(checkFaultPlan(parseJsonBody(body)));
            return {};
        case "GET /_emulator/assets":
            return { assets: state.store.all() };
        case "POST /_emulator/reset":
            state.reset();
            return {};
        case "POST /_emulator/faults":
            state.faults.add(checkFault(parseJsonBody(body)));
            return {};
        default:
            throw new ApiError(
                404,
                `No emulator test route ${route}; there are GET and DELETE /_emulator/requests, GET /_emulator/assets, POST /_emulator/reset, POST /_emulator/faults and GET/POST /_emulator/faultPlan.`,
            );
    }
}

/**
 * What official clients fetch besides API calls, without auth and unlogged, as at Google: the
 * discovery document (`GET /$discovery/rest?version=v1`) and the OAuth token endpoint
 * (`POST /token`) that a service-account key's `token_uri` names.
 */
function clientRoute(
    method: string,
    url: URL,
    host: string | undefined,
    body: ReceivedBody,
): { status: number; body: unknown } | undefined {
    const path = url.pathname.replace(/^\/%24/, "/$");
    if (method === "GET" && path === "/$discovery/rest") {
        const version = url.searchParams.get("version") ?? "";
        if (!API_VERSIONS.includes(version as ApiVersion)) {
            const error = new ApiError(404, `No discovery document for version '${version}'; there are ${API_VERSIONS.join(", ")}.`);
            return { status: 404, body: error.body() };
        }
        return { status: 200, body: discoveryDocument(version as ApiVersion, `http://${host ?? "127.0.0.1"}`) };
    }
    if (method === "POST" && path === "/token") return grantToken(body.text);
    return undefined;
}

function decodePath(path: string): string {
    try {
        return decodeURIComponent(path);
    } catch {
        throw invalidArgument(`The URL path ${path} is not valid percent-encoding.`);
    }
}
