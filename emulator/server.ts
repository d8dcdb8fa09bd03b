import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { API_VERSIONS, type ApiVersion } from "../provider/earthengine/types";
import { requireBearerToken } from "./auth";
import { discoveryDocument } from "./discovery";
import { ApiError, invalidArgument } from "./errors";
import { checkFault, type FaultQueue } from "./faults";
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
    /** Clears assets, the request log and faults (POST /_emulator/reset). */
    reset(): void;
}

/**
 * The HTTP server: `/_emulator/*` test routes without auth and unlogged; every other request is
 * an API call that is logged with its answer. An injected fault answers before anything else,
 * like a failing front end, so the call is not executed.
 */
export function createEmulatorServer(state: EmulatorState): Server {
    return createServer((request, response) => {
        handle(state, request, response).catch((error: unknown) => {
            // Only reached if writing the response itself failed; nothing left to tell the client.
            response.destroy(error instanceof Error ? error : undefined);
        });
    });
}

async function handle(state: EmulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://emulator");
    const method = (request.method ?? "GET").toUpperCase();
    const body = await readBody(request);
    if (url.pathname.startsWith("/_emulator/")) return handleTestRoute(state, method, url.pathname, body, response);
    const client = clientRoute(method, url, request.headers.host, body);
    if (client) return sendJson(response, client.status, client.body);

    const query = Object.fromEntries(url.searchParams);
    const header = request.headers["x-goog-user-project"];
    const userProject = Array.isArray(header) ? header[0] : header;
    let status = 200;
    try {
        const fault = state.faults.take(method, url.pathname);
        if (fault) throw fault;
        requireBearerToken(request.headers.authorization);
        const result = dispatch(state.store, { method, path: decodePath(url.pathname), query, body });
        sendJson(response, status, result);
    } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError(500, `Internal error in the emulator: ${String(error)}`);
        status = apiError.httpStatus;
        sendError(response, apiError);
    } finally {
        const entry: RecordedRequest = { method, path: url.pathname, query, status };
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
            return { requests: state.log.list() };
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
                `No emulator test route ${route}; there are GET /_emulator/requests, GET /_emulator/assets, POST /_emulator/reset and POST /_emulator/faults.`,
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
