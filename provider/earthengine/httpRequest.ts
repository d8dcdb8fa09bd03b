import * as http from "node:http";
import * as https from "node:https";

/** What came back: status, body text, headers. */
export interface HttpAnswer {
    status: number;
    ok: boolean;
    text: string;
    header(name: string): string | null;
}

export interface HttpExchange {
    method: string;
    headers: Record<string, string>;
    body?: string;
    /** The whole exchange, connection to last byte; then it fails with a TimeoutError. */
    timeoutMs: number;
}

// One keep-alive agent per protocol for the process; idle sockets do not keep it alive.
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/**
 * One HTTP exchange through node:http(s). Not the global `fetch`: Node 20's fetch (undici)
 * parses responses with a WebAssembly build of llhttp whose code and memory raised the provider
 * process's resident set by about 40 MiB over a few dozen calls (`npm run bench`,
 * peakRssExcessBytes); node:http's native parser costs about 2 MiB.
 */
export function httpRequest(url: string, exchange: HttpExchange): Promise<HttpAnswer> {
    const target = new URL(url);
    const protocol = target.protocol === "https:" ? https : http;
    const headers: Record<string, string | number> = { ...exchange.headers };
    if (exchange.body !== undefined) headers["content-length"] = Buffer.byteLength(exchange.body);
    return new Promise((resolve, reject) => {
        const request = protocol.request(target, {
            method: exchange.method,
            headers,
            agent: agents[target.protocol as "http:" | "https:"],
        });
        const timer = setTimeout(() => {
            const error = new Error(`no answer within ${exchange.timeoutMs} ms`);
            error.name = "TimeoutError";
            request.destroy(error);
        }, exchange.timeoutMs);
        const fail = (error: Error) => {
            clearTimeout(timer);
            reject(error);
        };
        request.on("error", fail);
        request.on("response", (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("error", fail);
            response.on("end", () => {
                clearTimeout(timer);
                const status = response.statusCode ?? 0;
                const header = (name: string) => {
                    const value = response.headers[name.toLowerCase()];
                    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
                };
                resolve({ status, ok: status >= 200 && status < 300, text: Buffer.concat(chunks).toString("utf8"), header });
            });
        });
        request.end(exchange.body);
    });
}
