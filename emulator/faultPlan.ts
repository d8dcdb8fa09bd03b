import { ApiError, invalidArgument } from "./errors";

/** What a fault rule can do to a request, each with its own probability. */
export const FAULT_OUTCOMES = ["429", "500", "503", "403", "reset", "applyThenDrop"] as const;
export type FaultOutcome = (typeof FAULT_OUTCOMES)[number];

/**
 * Random faults for requests matching `method` and `pathContains`. Probabilities are from 0 to 1
 * and are exclusive (their sum at most 1): one draw per request picks at most one outcome.
 * - `429` (with `Retry-After: retryAfterSeconds`), `500`, `503`: an error answer, nothing executed.
 * - `403`: 403 PERMISSION_DENIED with reason `rateLimitExceeded`, nothing executed.
 * - `reset`: the connection is destroyed before the request is executed.
 * - `applyThenDrop`: the request is executed, then the connection is destroyed without an answer.
 */
export interface FaultRule {
    /** Only this HTTP method (any case); default every method. */
    method?: string;
    /** Only paths containing this text; default every path. */
    pathContains?: string;
    probabilities?: Partial<Record<FaultOutcome, number>>;
    /** Added before the answer: a uniform random delay from 0 to this many milliseconds. */
    latencyMs?: number;
    /** `Retry-After` seconds sent with injected 429s; default 1. */
    retryAfterSeconds?: number;
}

/** The emulator's random fault configuration (POST /_emulator/faultPlan, or `--faults` on the command line). */
export interface FaultPlan {
    /** Seed of the pseudo-random draws, so a run repeats; default 1. */
    seed?: number;
    /** The first matching rule applies. */
    rules?: FaultRule[];
    /** Past this many API requests in flight, answer 429 RESOURCE_EXHAUSTED like Earth Engine's per-project limit. */
    maxConcurrentRequests?: number;
}

/** What the server does with one request. */
export type FaultAction = { kind: "none" } | { kind: "error"; error: ApiError } | { kind: "reset" } | { kind: "applyThenDrop" };

/** mulberry32: a small seeded generator, enough for repeatable fault draws. */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** The active plan with its generator and the in-flight count. */
export class FaultInjector {
    private plan: FaultPlan = {};
    private random = seededRandom(1);
    private inFlight = 0;
    /** The most API requests in flight at once since the last reset. */
    maxConcurrent = 0;

    configure(plan: FaultPlan): void {
        this.plan = checkFaultPlan(plan);
        this.random = seededRandom(this.plan.seed ?? 1);
    }

    current(): FaultPlan {
        return structuredClone(this.plan);
    }

    /** Counts a request in; returns the 429 to answer when it is past the cap. Pair with `leave()`. */
    enter(): ApiError | undefined {
        this.inFlight++;
        this.maxConcurrent = Math.max(this.maxConcurrent, this.inFlight);
        const cap = this.plan.maxConcurrentRequests;
        if (cap === undefined || this.inFlight <= cap) return undefined;
        return new ApiError(
            429,
            `Too many concurrent requests (limit ${cap}) for this project; the emulator's concurrency cap was exceeded.`,
            {
                status: "RESOURCE_EXHAUSTED",
                headers: { "retry-after": "1" },
            },
        );
    }

    leave(): void {
        this.inFlight--;
    }

    /** Latency to add, in milliseconds, and the fault to apply to this request. */
    draw(method: string, path: string): { latencyMs: number; action: FaultAction } {
        const rule = this.plan.rules?.find(
            (r) => (!r.method || r.method.toUpperCase() === method) && (!r.pathContains || path.includes(r.pathContains)),
        );
        if (!rule) return { latencyMs: 0, action: { kind: "none" } };
        const latencyMs = rule.latencyMs ? Math.round(this.random() * rule.latencyMs) : 0;
        let draw = this.random();
        for (const outcome of FAULT_OUTCOMES) {
            const p = rule.probabilities?.[outcome] ?? 0;
            if (draw < p) return { latencyMs, action: actionFor(outcome, method, path, rule) };
            draw -= p;
        }
        return { latencyMs, action: { kind: "none" } };
    }

    reset(): void {
        this.plan = {};
        this.random = seededRandom(1);
        this.maxConcurrent = this.inFlight;
    }
}

function actionFor(outcome: FaultOutcome, method: string, path: string, rule: FaultRule): FaultAction {
    const message = `Injected fault: the emulator answers ${method} ${path} with ${outcome}.`;
    switch (outcome) {
        case "reset":
            return { kind: "reset" };
        case "applyThenDrop":
            return { kind: "applyThenDrop" };
        case "429":
            return {
                kind: "error",
                error: new ApiError(429, message, {
                    status: "RESOURCE_EXHAUSTED",
                    headers: { "retry-after": String(rule.retryAfterSeconds ?? 1) },
                }),
            };
        case "403":
            return {
                kind: "error",
                error: new ApiError(403, message, {
                    status: "PERMISSION_DENIED",
                    details: [
                        { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "rateLimitExceeded", domain: "googleapis.com" },
                    ],
                }),
            };
        default:
            return { kind: "error", error: new ApiError(Number(outcome), message) };
    }
}

/** The plan if it is usable, else a 400 that says which field is wrong. */
export function checkFaultPlan(value: unknown): FaultPlan {
    const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
    const whole = (v: unknown, min: number) => typeof v === "number" && Number.isInteger(v) && v >= min;
    if (!isObject(value))
        throw invalidArgument('a fault plan is a JSON object such as {"seed": 1, "rules": [...], "maxConcurrentRequests": 40}');
    onlyKeys(value, ["seed", "rules", "maxConcurrentRequests"], "fault plan");
    if (value.seed !== undefined && !whole(value.seed, 0)) throw invalidArgument("fault plan seed must be a whole number");
    if (value.maxConcurrentRequests !== undefined && !whole(value.maxConcurrentRequests, 1))
        throw invalidArgument("fault plan maxConcurrentRequests must be a whole number, at least 1");
    if (value.rules !== undefined && !Array.isArray(value.rules)) throw invalidArgument("fault plan rules must be a list");
    for (const [i, rule] of ((value.rules ?? []) as unknown[]).entries()) {
        if (!isObject(rule)) throw invalidArgument(`fault plan rules[${i}] must be an object`);
        onlyKeys(rule, ["method", "pathContains", "probabilities", "latencyMs", "retryAfterSeconds"], `rules[${i}]`);
        for (const key of ["method", "pathContains"]) {
            if (rule[key] !== undefined && typeof rule[key] !== "string") throw invalidArgument(`rules[${i}].${key} must be a string`);
        }
        for (const key of ["latencyMs", "retryAfterSeconds"]) {
            if (rule[key] !== undefined && !whole(rule[key], 0))
                throw invalidArgument(`rules[${i}].${key} must be a whole number, at least 0`);
        }
        const probabilities = rule.probabilities ?? {};
        if (!isObject(probabilities)) throw invalidArgument(`rules[${i}].probabilities must be an object`);
        onlyKeys(probabilities, FAULT_OUTCOMES, `rules[${i}].probabilities`);
        let sum = 0;
        for (const [key, p] of Object.entries(probabilities)) {
            if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw invalidArgument(`rules[${i}].probabilities.${key} must be from 0 to 1`);
            sum += p;
        }
        if (sum > 1 + 1e-9) throw invalidArgument(`rules[${i}].probabilities add up to ${sum}; at most 1`);
    }
    return value as FaultPlan;
}

function onlyKeys(value: Record<string, unknown>, known: readonly string[], what: string): void {
    const unknown = Object.keys(value).find((key) => !known.includes(key));
    if (unknown) throw invalidArgument(`unknown ${what} field "${unknown}"; use ${known.join(", ")}`);
}
