import { RateLimit, Sema } from "async-sema";

/**
 * Request limits per consumer project, shared by every resource of the provider process (the
 * engine runs one dynamic-provider process per stack operation, and its parallelism grows with
 * the cores). Earth Engine answers 429 past about 40 concurrent requests per project.
 *
 * async-sema (Vercel; CommonJS with types, no dependencies, Node >= 10) gives both a counting
 * semaphore and a sliding-window rate limit. bottleneck is unmaintained since 2019, cockatiel 4 and
 * p-limit 4+ are ESM-only (cockatiel 4 needs Node 22), p-limit 3 and limiter have only one of the two.
 */
export interface RequestLimits {
    /** At most this many requests in flight (`earthengine:maxConcurrentRequests`, default 20). */
    maxConcurrentRequests: number;
    /** At most this many requests started per second (`earthengine:maxRequestsPerSecond`, default 50). */
    maxRequestsPerSecond: number;
}

export const DEFAULT_LIMITS: RequestLimits = { maxConcurrentRequests: 20, maxRequestsPerSecond: 50 };

/** Wraps one attempt: waits for a slot and a rate token, runs, frees the slot. */
export type Limiter = <T>(attempt: () => Promise<T>) => Promise<T>;

const limiters = new Map<string, Limiter>();

/** The process-wide limiter of `project` (undefined: requests without a consumer project) for these limits. */
export function limiterFor(project: string | undefined, limits: RequestLimits): Limiter {
    const key = JSON.stringify([project ?? null, limits.maxConcurrentRequests, limits.maxRequestsPerSecond]);
    let limiter = limiters.get(key);
    if (!limiter) {
        limiter = createLimiter(limits);
        limiters.set(key, limiter);
    }
    return limiter;
}

export function createLimiter(limits: RequestLimits): Limiter {
    const slots = new Sema(limits.maxConcurrentRequests);
    const rate = RateLimit(limits.maxRequestsPerSecond);
    return async (attempt) => {
        await slots.acquire();
        try {
            await rate();
            return await attempt();
        } finally {
            slots.release();
        }
    };
}
