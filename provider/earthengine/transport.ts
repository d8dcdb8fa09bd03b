import type { AuthSource } from "./auth";
import { type EarthEngineError, errorFromResponse, QuotaExceededError, TransportError } from "./errors";
import { type HttpAnswer, httpRequest } from "./httpRequest";
import { isRetryableStatus, type RetryPolicy, retryDelayMs } from "./retry";

export interface TransportOptions {
    auth: AuthSource;
    retry: RetryPolicy;
    /** Per attempt; the engine does not pass custom timeouts to dynamic providers. */
    timeoutMs: number;
    sleep?: (ms: number) => Promise<void>;
}

export interface ApiRequest {
    method: "GET" | "POST" | "PATCH" | "DELETE";
    url: string;
    /** The consumer project for quota and billing, sent as `x-goog-user-project`. */
    userProject?: string;
    /** Used when neither `userProject` nor the credentials name a quota project. */
    fallbackUserProject?: string;
    body?: unknown;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one API call: auth and quota-project headers, a timeout per attempt, and retries of
 * 429/503 with exponential back-off that honours Retry-After. Returns the parsed JSON body.
 */
export async function send<T>(options: TransportOptions, request: ApiRequest): Promise<T> {
    const sleep = options.sleep ?? defaultSleep;
    for (let attempt = 1; ; attempt++) {
        const { authorization, quotaProject } = await options.auth.headers();
        const headers: Record<string, string> = { authorization, accept: "application/json" };
        const userProject = request.userProject ?? quotaProject ?? request.fallbackUserProject;
        if (userProject) headers["x-goog-user-project"] = userProject;
        if (request.body !== undefined) headers["content-type"] = "application/json";
        let response: HttpAnswer;
        try {
            response = await httpRequest(request.url, {
                method: request.method,
                headers,
                body: request.body === undefined ? undefined : JSON.stringify(request.body),
                timeoutMs: options.timeoutMs,
            });
        } catch (cause) {
            throw transportFailure(request, cause);
        }
        const text = response.text;
        if (response.ok) return (text ? JSON.parse(text) : {}) as T;
        const error = errorFromResponse({ method: request.method, url: request.url, status: response.status }, text);
        // A 403 with reason rateLimitExceeded is a quota answer too (the official Python client retries it).
        const retryable = isRetryableStatus(response.status) || error instanceof QuotaExceededError;
        if (!retryable || attempt >= options.retry.maxAttempts) throw error;
        await sleep(retryDelayMs(options.retry, attempt, response.header("retry-after")));
    }
}

function transportFailure(request: ApiRequest, cause: unknown): EarthEngineError {
    const detail =
        cause instanceof Error
            ? `${cause.name}: ${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ""}`
            : String(cause);
    // Not retried here: a POST may have reached the server; the provider reconciles instead.
    return new TransportError({ method: request.method, url: request.url, status: 0 }, { message: `no response: ${detail}` });
}
