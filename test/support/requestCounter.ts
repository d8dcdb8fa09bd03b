import http from "node:http";
import type { AddressInfo } from "node:net";

/** A recorded request: method and URL path with its query, as the client sent it. */
export interface CountedRequest {
    method: string;
    url: string;
}

export interface RequestCounter {
    /** The proxy's base URL, to use as the client's endpoint. */
    endpoint: string;
    requests(): CountedRequest[];
    clear(): void;
    close(): Promise<void>;
}

/**
 * A plain HTTP proxy on 127.0.0.1 in front of `target` (fake-gcs-server, which keeps no request
 * log) that records every request it forwards: what a test counts to show how many Cloud Storage
 * requests the provider made.
 */
export async function countRequests(target: string): Promise<RequestCounter> {
    const log: CountedRequest[] = [];
    const upstream = new URL(target);
    const server = http.createServer((request, response) => {
        log.push({ method: request.method ?? "", url: request.url ?? "" });
        const forwarded = http.request(
            {
                host: upstream.hostname,
                port: upstream.port,
                method: request.method,
                path: request.url,
                headers: { ...request.headers, host: upstream.host },
            },
            (answer) => {
                response.writeHead(answer.statusCode ?? 502, answer.headers);
                answer.pipe(response);
            },
        );
        forwarded.on("error", (error) => response.destroy(error));
        request.pipe(forwarded);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        endpoint: `http://127.0.0.1:${port}`,
        requests: () => [...log],
        clear: () => void log.splice(0),
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}
