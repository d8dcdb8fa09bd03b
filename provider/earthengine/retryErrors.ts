import type { EarthEngineError } from "./errors";

/** How long the attempts took, for a person: `12.3 s`. */
function seconds(elapsedMs: number): string {
    return `${(elapsedMs / 1000).toFixed(1)} s`;
}

/** An operation that stopped after some attempts: how many, how long, and the last answer as `cause`. */
abstract class AttemptsError extends Error {
    declare readonly cause: EarthEngineError;
    /** Attempts made, the first included. */
    readonly attempts: number;
    /** From the first attempt's start to the last answer, waits included, in milliseconds. */
    readonly elapsedMs: number;

    protected constructor(message: string, last: EarthEngineError, attempts: number, elapsedMs: number) {
        super(`${last.message}\n${message}`, { cause: last });
        this.attempts = attempts;
        this.elapsedMs = elapsedMs;
    }
}

/**
 * An operation whose every attempt failed with a retryable answer (a quota refusal, a 5xx, no
 * answer) until `earthengine:maxRetries` or `earthengine:operationTimeout` ran out. `cause` is
 * the last attempt's error, as typed as ever (find it with `findCause`).
 */
export class RetriesExhaustedError extends AttemptsError {
    override name = "RetriesExhaustedError";

    constructor(last: EarthEngineError, attempts: number, elapsedMs: number) {
        super(
            `(gave up after ${attempts} attempts in ${seconds(elapsedMs)}; earthengine:maxRetries and earthengine:operationTimeout set how long to keep trying)`,
            last,
            attempts,
            elapsedMs,
        );
    }
}

/**
 * A request that is not safe to repeat (an import without overwrite) whose attempt may or may
 * not have been carried out (a 5xx, a reset, a timeout), with no way given to find out: it is not
 * sent again. `cause` is that attempt's error; `attempts` counts it.
 */
export class OutcomeUnknownError extends AttemptsError {
    override name = "OutcomeUnknownError";

    constructor(last: EarthEngineError, attempts: number, elapsedMs: number) {
        super(
            `The request may or may not have been carried out (attempt ${attempts}, after ${seconds(elapsedMs)}); nothing was retried. Read the asset to see whether it exists.`,
            last,
            attempts,
            elapsedMs,
        );
    }
}
