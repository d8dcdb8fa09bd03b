import type { AuthSource } from "./auth";
import { EngineGoneError, type EngineWatch, PROCESS_ENGINE_WATCH } from "./engineWatch";
import { type EarthEngineError, errorFromResponse, TransportError } from "./errors";
import { type HttpAnswer, httpRequest } from "./httpRequest";
import type { Limiter } from "./limiter";
import {
    type AttemptFailure,
    classifyConnectionError,
    isLocalRefusal,
    mayRetry,
    type RetryPolicy,
    retryDecision,
    retryDelayMs,
} from "./retry";
import { OutcomeUnknownError, RetriesExhaustedError } from "./retryErrors";

export interface TransportOptions {
    auth: AuthSource;
    retry: RetryPolicy;
    /** Per attempt (`earthengine:requestTimeout`); the engine does not pass custom timeouts to dynamic providers. */
    timeoutMs: number;
    /** The process-wide limiter of the consumer project; none means unlimited. */
    limiter?: Limiter;
    /** Whether the engine that started this process is gone; then writes are refused unsent. Default: this process's watch. */
    engine?: EngineWatch;
    /** Injected in tests: waiting, the clock and the jitter. */
    sleep?: (ms: number) => Promise<void>;
    now?: () => number;
    random?: () => number;
}

/**
 * What a non-idempotent call does when its outcome is unknown (a 5xx, reset, hang-up, timeout or
 * dropped response): `done` if the change turns out to be made, `retry` if it was not. It throws to
 * stop (for example when the asset exists and differs).
 */
export type AmbiguityResolver = (failure: EarthEngineError) => Promise<"done" | "retry">;

export interface ApiRequest {
    method: "GET" | "POST" | "PATCH" | "DELETE";
    url: string;
    /** The consumer project for quota and billing, sent as `x-goog-user-project`. */
    userProject?: string;
    /** Used when neither `userProject` nor the credentials name a quota project. */
    fallbackUserProject?: string;
    body?: unknown;
    /** Safe to repeat blindly; default: every method but POST. */
    idempotent?: boolean;
    /** For a non-idempotent request: how to find out whether an ambiguous attempt took effect. */
    resolveAmbiguous?: AmbiguityResolver;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt = { ok: true; text: string } | { ok: false; error: EarthEngineError; failure: AttemptFailure; retryAfter: string | null };

/**
 * Sends one API operation: auth and quota-project headers, the limiter, a timeout per attempt,
 * and the retry policy of `retry.ts` until the attempts or the operation's deadline run out.
 * Returns the parsed JSON body.
 */
export async function send<T>(options: TransportOptions, request: ApiRequest): Promise<T> {
    const sleep = options.sleep ?? defaultSleep;
    const now = options.now ?? Date.now;
    const idempotent = request.idempotent ?? request.method !== "POST";
    const startedAt = now();
    for (let attempt = 1; ; attempt++) {
        const limit = options.limiter ?? ((run) => run());
        // Checked once a slot is ours, right before sending: a write queued behind the limiter
        // while the engine died is never started (GETs still run: they change nothing).
        const result = await limit(() => {
            if (request.method !== "GET" && (options.engine ?? PROCESS_ENGINE_WATCH).engineGone())
                throw new EngineGoneError(request.method, request.url);
            return attemptOnce(options, request);
        });
        if (result.ok) return (result.text ? JSON.parse(result.text) : {}) as T;
        if (isLocalRefusal(result.failure, request.url)) throw result.error;
        let decision = retryDecision(result.failure, idempotent);
        if (decision === "ambiguous") {
            if (!request.resolveAmbiguous) throw new OutcomeUnknownError(result.error, attempt, now() - startedAt);
            if ((await request.resolveAmbiguous(result.error)) === "done") return {} as T;
            decision = "retry";
        }
        if (decision === "fail") throw result.error;
        const delay = retryDelayMs(options.retry, attempt, result.retryAfter, options.random, now());
        if (!mayRetry(options.retry, attempt, startedAt, now(), delay))
            throw new RetriesExhaustedError(result.error, attempt, now() - startedAt);
        await sleep(delay);
    }
}

async function attemptOnce(options: TransportOptions, request: ApiRequest): Promise<Attempt> {
    const summary = { method: request.method, url: request.url, status: 0 };
    // A failure to load credentials throws: it is not a network hiccup.
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
        const connection = classifyConnectionError(cause);
        return { ok: false, error: transportFailure(request, connection, cause), failure: { connection }, retryAfter: null };
    }
    const text = response.text;
    if (response.ok) return { ok: true, text };
    const error = errorFromResponse({ ...summary, status: response.status }, text);
    return {
        ok: false,
        error,
        failure: { status: response.status, reason: error.reason },
        retryAfter: response.header("retry-after"),
    };
}

function describe(cause: unknown): string {
    if (!(cause instanceof Error)) return String(cause);
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.name}: ${cause.message}${inner}`;
}

function transportFailure(request: ApiRequest, kind: string, cause: unknown): EarthEngineError {
    const what = kind === "timeout" ? "no response in time" : kind === "refused" ? "could not connect" : "connection lost";
    return new TransportError({ method: request.method, url: request.url, status: 0 }, `${what}: ${describe(cause)}`, cause);
}
