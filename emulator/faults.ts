import { ApiError, type ErrorDetail, invalidArgument } from "./errors";
import type { FaultAction } from "./faultPlan";

/** Failures to inject into the next matching API requests, to test how clients retry. */
export interface FaultSpec {
    /** HTTP status to answer with, 400 to 599; or give `action`. */
    status?: number;
    /** Instead of a status: `reset` cuts the connection before executing, `applyThenDrop` executes and then cuts it. */
    action?: "reset" | "applyThenDrop";
    /** How many matching requests fail; default 1. */
    count?: number;
    /** Only requests with this HTTP method (any case); default every method. */
    method?: string;
    /** Only requests whose path contains this text; default every path. */
    pathContains?: string;
    /** Sent as the `Retry-After` header when given. */
    retryAfterSeconds?: number;
    /** The error message; default one that says the failure was injected. */
    message?: string;
    /** `error.details`, for example a `google.rpc.ErrorInfo` with reason `rateLimitExceeded`. */
    details?: ErrorDetail[];
}

interface ArmedFault extends FaultSpec {
    remaining: number;
}

/** Faults in the order they were added; a request consumes the first one that matches it. */
export class FaultQueue {
    private faults: ArmedFault[] = [];

    add(spec: FaultSpec): void {
        this.faults.push({ ...checkFault(spec), remaining: spec.count ?? 1 });
    }

    /** What to do to this request if a fault matches it (and uses one of its counts), else undefined. */
    take(method: string, path: string): FaultAction | undefined {
        const fault = this.faults.find(
            (f) =>
                f.remaining > 0 && (!f.method || f.method.toUpperCase() === method) && (!f.pathContains || path.includes(f.pathContains)),
        );
        if (!fault) return undefined;
        fault.remaining--;
        this.faults = this.faults.filter((f) => f.remaining > 0);
        if (fault.action) return { kind: fault.action };
        const headers: Record<string, string> = {};
        if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
        const message = fault.message ?? `Injected fault: the emulator answers ${method} ${path} with ${fault.status}.`;
        return { kind: "error", error: new ApiError(fault.status ?? 500, message, { details: fault.details, headers }) };
    }

    clear(): void {
        this.faults = [];
    }
}

/** The spec if it is usable, else a 400 that says which field is wrong. */
export function checkFault(value: unknown): FaultSpec {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw invalidArgument('a fault is a JSON object such as {"status": 503, "count": 1}');
    }
    const spec = value as Record<string, unknown>;
    const known = ["status", "action", "count", "method", "pathContains", "retryAfterSeconds", "message", "details"];
    const unknown = Object.keys(spec).find((key) => !known.includes(key));
    if (unknown) throw invalidArgument(`unknown fault field "${unknown}"; use ${known.join(", ")}`);
    const wholeIn = (v: unknown, min: number, max: number) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
    if (spec.action !== undefined) {
        if (spec.action !== "reset" && spec.action !== "applyThenDrop")
            throw invalidArgument('fault action must be "reset" or "applyThenDrop"');
        if (spec.status !== undefined) throw invalidArgument("a fault has either a status or an action, not both");
    } else if (!wholeIn(spec.status, 400, 599)) throw invalidArgument("fault status must be an HTTP error status from 400 to 599");
    if (spec.count !== undefined && !wholeIn(spec.count, 1, 1_000_000))
        throw invalidArgument("fault count must be a whole number, at least 1");
    if (spec.retryAfterSeconds !== undefined && !wholeIn(spec.retryAfterSeconds, 0, 86_400)) {
        throw invalidArgument("fault retryAfterSeconds must be a whole number of seconds from 0 to 86400");
    }
    for (const key of ["method", "pathContains", "message"]) {
        if (spec[key] !== undefined && typeof spec[key] !== "string") throw invalidArgument(`fault ${key} must be a string`);
    }
    if (spec.details !== undefined && !Array.isArray(spec.details)) throw invalidArgument("fault details must be a list of objects");
    return spec as unknown as FaultSpec;
}
