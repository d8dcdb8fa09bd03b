import { ConfigurationError } from "./configurationError";
import { DEFAULT_LIMITS, type RequestLimits } from "./limiter";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry";

/** The retry, timeout and limiter settings, from `earthengine:*` config (numbers as strings). */
export interface ReliabilitySettings {
    retry: RetryPolicy;
    /** Per attempt, in milliseconds. */
    requestTimeoutMs: number;
    limits: RequestLimits;
}

export const RELIABILITY_KEYS = [
    "maxRetries",
    "requestTimeout",
    "operationTimeout",
    "maxConcurrentRequests",
    "maxRequestsPerSecond",
] as const;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

type Values = Partial<Record<(typeof RELIABILITY_KEYS)[number], string>>;

/**
 * - `maxRetries`: retries after the first attempt, 0-100 (default 10).
 * - `requestTimeout`: seconds one attempt may take (default 60).
 * - `operationTimeout`: seconds one operation may take, retries and waits included (default 600).
 * - `maxConcurrentRequests`: requests in flight per consumer project and provider process, 1-1000 (default 20).
 * - `maxRequestsPerSecond`: requests started per second per consumer project, 1-10000 (default 50).
 */
export function reliabilityFrom(config: Values): ReliabilitySettings {
    const number = (key: keyof Values, fallback: number, min: number, max: number, whole: boolean): number => {
        const raw = config[key]?.trim();
        if (raw === undefined || raw === "") return fallback;
        const value = Number(raw);
        if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
            throw new ConfigurationError(
                `earthengine:${key}`,
                `earthengine:${key} "${raw}" must be ${whole ? "a whole number" : "a number"} from ${min} to ${max}`,
            );
        }
        return value;
    };
    return {
        retry: {
            ...DEFAULT_RETRY,
            maxAttempts: number("maxRetries", DEFAULT_RETRY.maxAttempts - 1, 0, 100, true) + 1,
            operationTimeoutMs: number("operationTimeout", DEFAULT_RETRY.operationTimeoutMs / 1000, 1, 86_400, false) * 1000,
        },
        requestTimeoutMs: number("requestTimeout", DEFAULT_REQUEST_TIMEOUT_MS / 1000, 0.1, 3600, false) * 1000,
        limits: {
            maxConcurrentRequests: number("maxConcurrentRequests", DEFAULT_LIMITS.maxConcurrentRequests, 1, 1000, true),
            maxRequestsPerSecond: number("maxRequestsPerSecond", DEFAULT_LIMITS.maxRequestsPerSecond, 1, 10_000, true),
        },
    };
}
