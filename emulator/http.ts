import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApiError, invalidArgument } from "./errors";

/**
 * The API's request payload limit: "10 MB" (Earth Engine quotas page,
 * https://developers.google.com/earth-engine/guides/usage), read as 10,000,000 bytes because the unit is not given.
 */
export const MAX_REQUEST_BYTES = 10_000_000;

/** A request body as received: its text, or a note that it was over the API's payload limit. */
export interface ReceivedBody {
    text: string;
    tooLarge: boolean;
}

/**
 * Reads the whole body. Past the limit the rest is read and dropped, not stored: answering
 * before the client finished sending would reset its connection instead of giving it the 400.
 */
export function readBody(request: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<ReceivedBody> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= limit) chunks.push(chunk);
        });
        request.on("end", () => resolve({ text: size <= limit ? Buffer.concat(chunks).toString("utf8") : "", tooLarge: size > limit }));
        request.on("error", reject);
    });
}

/** The body as JSON the way Google's front end reads it: empty means `{}`. */
export function parseJsonBody(body: ReceivedBody, limit = MAX_REQUEST_BYTES): unknown {
    if (body.tooLarge) throw invalidArgument(`Request payload size exceeds the limit: ${limit} bytes.`);
    if (body.text.trim() === "") return {};
    try {
        return JSON.parse(body.text);
    } catch (error) {
        throw invalidArgument(`Invalid JSON payload received. ${(error as Error).message}.`);
    }
}

/** For the request log: the parsed body, the raw text when it is not JSON, nothing when empty or too large. */
export function bodyForLog(body: ReceivedBody): unknown {
    if (body.tooLarge || body.text === "") return undefined;
    try {
        return JSON.parse(body.text);
    } catch {
        return body.text;
    }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
        "content-type": "application/json; charset=UTF-8",
        "content-length": Buffer.byteLength(text),
        ...headers,
    });
    response.end(text);
}

export function sendError(response: ServerResponse, error: ApiError): void {
    sendJson(response, error.httpStatus, error.body(), error.headers);
}
