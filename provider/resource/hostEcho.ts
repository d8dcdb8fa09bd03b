import { ConfigurationError, EarthEngineError, OutcomeUnknownError, RetriesExhaustedError } from "../earthengine";
import { ResourceError, UnexpectedCallError } from "./errors";

/**
 * The Node dynamic-provider host (`@pulumi/pulumi` cmd/dynamic-provider, 3.x) writes
 * `${error}: ${error.stack}` to its stderr for every error that `check`, `diff`, `read` or
 * `delete` throws (and for a `configure` that throws inside them), and the engine shows that line
 * on the stack beside the resource's own error: the message twice, then this provider's frames.
 * For a failure the person is meant to read (a setting, missing credentials, Earth Engine's
 * answer), the resource's error is the message; the echo is dropped. A bug (an error of unknown
 * kind, `UnexpectedCallError`) keeps its echo and stack, to be reported.
 */

/**
 * Echo lines to drop, each as often as it is expected (many resources fail with the same
 * message). Bounded: echoes that never come are forgotten.
 */
const pending = new Map<string, number>();
const MAX_PENDING = 1000;
let filter: typeof console.error | undefined;

/** Whether `error` is a failure told completely by its message (see above), not a bug. */
export function isToldByMessage(error: unknown): boolean {
    if (error instanceof UnexpectedCallError) return false;
    if (error instanceof ConfigurationError) return true;
    if (!(error instanceof ResourceError)) return false;
    const cause = error.cause;
    return (
        cause === undefined ||
        cause instanceof ConfigurationError ||
        cause instanceof EarthEngineError ||
        cause instanceof RetriesExhaustedError ||
        cause instanceof OutcomeUnknownError ||
        (cause instanceof ResourceError && isToldByMessage(cause))
    );
}

/**
 * Returns `error`, having arranged that the host's stderr echo of it is not printed when it is
 * told by its message. Call it on what `check`, `diff`, `read` and `delete` throw (create and
 * update errors travel as gRPC statuses, without an echo).
 */
export function withoutHostEcho(error: unknown): unknown {
    if (!(error instanceof Error) || !isToldByMessage(error)) return error;
    if (pending.size >= MAX_PENDING) pending.clear();
    const line = `${error}: ${error.stack}`;
    pending.set(line, (pending.get(line) ?? 0) + 1);
    installFilter();
    return error;
}

/** Wraps console.error (again, if something replaced the wrapper) to drop the pending echoes. */
function installFilter(): void {
    if (filter !== undefined && console.error === filter) return;
    const original = console.error;
    filter = (...args: unknown[]) => {
        const expected = args.length === 1 && typeof args[0] === "string" ? pending.get(args[0]) : undefined;
        if (expected !== undefined) {
            if (expected > 1) pending.set(args[0] as string, expected - 1);
            else pending.delete(args[0] as string);
            return;
        }
        original.apply(console, args);
    };
    console.error = filter;
}
