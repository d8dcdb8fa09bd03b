import type { EarthEngineError } from "./errors";

/** How long the attempts took, for a person: `12.3 s`. */
function seconds(elapsedMs: number): string {
    return `${(elapsedMs / 1000).toFixed(1)} s`;
}

/**
 * An operation whose every attempt failed with a retryable answer (a quota refusal, a 5xx, no
 * answer) until `earthengine:maxRetries` or `earthengine:operationTimeout` ran out. `cause` is
 * the last attempt's error, as typed as ever (find it with `findCause`).
 */
export class RetriesExhaustedError extends Error {
    override name = "RetriesExhaustedError";
    declare readonly cause: EarthEngineError;
    /** Attempts made, the first included. */
    readonly attempts: number;
    /** From the first attempt's start to giving up, waits included, in milliseconds. */
    readonly elapsedMs: number;

    constructor(last: EarthEngineError, attempts: number, elapsedMs: number) {
        super(
            `${last.message}\n(gave up after ${attempts} attempts in ${seconds(elapsedMs)}; earthengine:maxRetries and earthengine:operationTimeout set how long to keep trying)`,
            { cause: last },
        );
        this.attempts = attempts;
        this.elapsedMs = elapsedMs;
    }
}

/**
 * A request that is not safe to repeat (an import without overwrite) whose attempt may or may
 * not have been carried out (a 5xx, a reset, a timeout), with no way given to find out: it is not
 * sent again. `cause` is that attempt's error.
 */
export class OutcomeUnknownError extends Error {
    override name = "OutcomeUnknownError";
    declare readonly cause: EarthEngineError;
    /** Attempts made, the ambiguous one included. */
    readonly attempts: number;
    /** From the first attempt's start to the ambiguous answer, in milliseconds. */
    readonly elapsedMs: number;

    constructor(last: EarthEngineError, attempts: number, elapsedMs: number) {
        super(
            `${last.message}\nThe request may or may not have been carried out (attempt ${attempts}, after ${seconds(elapsedMs)}); nothing was retried. Read the asset to see whether it exists.`,
            { cause: last },
        );
        this.attempts = attempts;
        this.elapsedMs = elapsedMs;
    }
}
