import { isLoopback } from "./loopback";

/**
 * The one retry policy of the provider: which failures are retried, which are ambiguous, and how
 * long to wait. Named predicates in the manner of terraform-provider-google's
 * `error_retry_predicates` and gaxios' retry config; every decision is a pure function so it can
 * be unit-tested without a network or a clock.
 */

/** When and how long to retry one API operation. */
export interface RetryPolicy {
    /** Attempts in all, the first included (`earthengine:maxRetries` + 1). */
    maxAttempts: number;
    /** First back-off; doubles each attempt, full jitter. */
    baseDelayMs: number;
    /** Longest single wait, Retry-After included. */
    maxDelayMs: number;
    /** Overall deadline of one operation, all attempts and waits included (`earthengine:operationTimeout`). */
    operationTimeoutMs: number;
}

/** 10 retries: under 23% failures per call (the soak's mix) one operation in ~10^7 runs out. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 11, baseDelayMs: 500, maxDelayMs: 30_000, operationTimeoutMs: 600_000 };

/** `error.details[].reason` values Google uses for per-user and per-project rate limits on a 403. */
export const RATE_LIMIT_REASONS = ["rateLimitExceeded", "userRateLimitExceeded"] as const;

/**
 * How a request failed before an HTTP answer arrived.
 * - `refused`: the connection was never made, so the request was not sent.
 * - `reset`: the connection broke (reset, hang-up, `other side closed`) after the request may have been sent.
 * - `timeout`: no answer within `earthengine:requestTimeout`.
 */
export type ConnectionFailure = "refused" | "reset" | "timeout";

/** One failed attempt: an HTTP error answer, or no answer. */
export type AttemptFailure = { status: number; reason?: string } | { connection: ConnectionFailure };

/**
 * What to do after a failed attempt.
 * - `retry`: the request was not carried out, or repeating it is harmless: send it again.
 * - `ambiguous`: a non-idempotent request may or may not have been carried out: read before repeating.
 * - `fail`: an answer, not a hiccup: give up now.
 */
export type RetryDecision = "retry" | "ambiguous" | "fail";

/** 429, or 403 with a rate-limit reason: quota said no before doing anything. */
export function isRateLimited(failure: AttemptFailure): boolean {
    if (!("status" in failure)) return false;
    return failure.status === 429 || (failure.status === 403 && RATE_LIMIT_REASONS.some((r) => r === failure.reason));
}

/** 500, 502, 503, 504: the server or a front end failed; the change may have been made. */
export function isServerError(failure: AttemptFailure): boolean {
    return "status" in failure && [500, 502, 503, 504].includes(failure.status);
}

/** The connection was refused: nothing was sent. */
export function isNotSent(failure: AttemptFailure): boolean {
    return "connection" in failure && failure.connection === "refused";
}

/**
 * A refused connection to a loopback endpoint: the emulator or stand-in there is not running, and
 * waiting out the retry policy (minutes) will not start it. Fails at once; nothing was sent.
 */
export function isLocalRefusal(failure: AttemptFailure, url: string): boolean {
    if (!isNotSent(failure)) return false;
    try {
        return isLoopback(new URL(url).hostname);
    } catch {
        return false;
    }
}

/** Reset, hang-up, dropped response or per-attempt timeout: sent, outcome unknown. */
export function isOutcomeUnknown(failure: AttemptFailure): boolean {
    return "connection" in failure && failure.connection !== "refused";
}

/**
 * The decision for a failed attempt. `idempotent` calls (GET, DELETE, PATCH with its mask,
 * importExternal with `overwrite: true`) are simply retried; for a non-idempotent one (importExternal
 * with `overwrite: false`) only "not carried out" answers are retried directly.
 */
export function retryDecision(failure: AttemptFailure, idempotent: boolean): RetryDecision {
    if (isRateLimited(failure) || isNotSent(failure)) return "retry";
    if (isServerError(failure) || isOutcomeUnknown(failure)) return idempotent ? "retry" : "ambiguous";
    return "fail";
}

const RESET_CODES = ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"];
const REFUSED_CODES = ["ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"];
const TIMEOUT_CODES = ["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"];

/**
 * The kind of connection failure a `fetch` rejection (or a failed body read) is, from its error
 * chain: undici wraps the socket error as `TypeError: fetch failed` with a `cause`.
 * Unknown errors count as `reset`: the request may have been sent.
 */
export function classifyConnectionError(error: unknown): ConnectionFailure {
    // DOMException (the AbortSignal timeout) is not an Error in every realm: read fields, not the class.
    type Failure = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    for (let e = error as Failure | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as Failure, depth++) {
        const code = typeof e.code === "string" ? e.code : "";
        if (e.name === "TimeoutError" || TIMEOUT_CODES.includes(code)) return "timeout";
        if (REFUSED_CODES.includes(code)) return "refused";
        if (RESET_CODES.includes(code)) return "reset";
        if (typeof e.message === "string" && /socket hang up|other side closed/i.test(e.message)) return "reset";
    }
    return "reset";
}

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1): Retry-After if given, else full jitter. */
export function retryDelayMs(
    policy: RetryPolicy,
    attempt: number,
    retryAfter: string | null,
    random = Math.random,
    now = Date.now(),
): number {
    const fromHeader = parseRetryAfter(retryAfter, now);
    if (fromHeader !== undefined) return Math.min(fromHeader, policy.maxDelayMs);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(random() * ceiling);
}

/** `Retry-After` as seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
    if (!value) return undefined;
    if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether another attempt fits: fewer than `maxAttempts` made, and the wait ends before the
 * operation's deadline (`startedAt + operationTimeoutMs`).
 */
export function mayRetry(policy: RetryPolicy, attempt: number, startedAt: number, now: number, delayMs: number): boolean {
    return attempt < policy.maxAttempts && now + delayMs < startedAt + policy.operationTimeoutMs;
}
