import { AssetNotFoundError } from "../earthengine";
import type { Props } from "./kind";

/** A failure whose message is complete (what, where, what to do): the skeleton passes it on unchanged. */
export class ResourceError extends Error {
    override name = "ResourceError";
}

/**
 * A create or update that did part of its work: the error carries the resource id and the
 * properties of what exists, so the Node dynamic host records a resource that failed to
 * initialise (its `grpcResponseFromError`) instead of forgetting what was written. The skeleton
 * adds `__provider`, which the host does not add here and which refresh and destroy need.
 */
export class PartialWriteError extends ResourceError {
    override name = "PartialWriteError";
    readonly id: string;
    readonly properties: Props;
    /** What the engine prints for a resource that failed to initialise (otherwise only "resource init failed"). */
    readonly reasons: string[];

    constructor(id: string, properties: object, message: string) {
        super(message);
        this.id = id;
        this.properties = { ...properties };
        this.reasons = [message];
    }
}

/** A write that succeeded but whose read-back failed: the resource exists all the same. */
export class WrittenButUnreadError extends PartialWriteError {
    override name = "WrittenButUnreadError";

    constructor(id: string, properties: object, cause: unknown) {
        super(
            id,
            properties,
            `Could not read back ${id}: ${cause instanceof Error ? cause.message : String(cause)}\n` +
                "The asset exists and is recorded in state; the next pulumi up reads it again.",
        );
    }
}

/** The error with the action and the resource named; `notFoundHint` explains a `not found` on create. */
export function explain(action: string, name: string, error: unknown, notFoundHint?: string): Error {
    if (error instanceof ResourceError) return error;
    if (error instanceof AssetNotFoundError && action === "create" && notFoundHint) {
        return new Error(`Could not create ${name}: Earth Engine answered "not found". ${notFoundHint}\n${error.message}`);
    }
    if (error instanceof Error) {
        error.message = `Could not ${action} ${name}: ${error.message}`;
        return error;
    }
    return new Error(`Could not ${action} ${name}: ${String(error)}`);
}
