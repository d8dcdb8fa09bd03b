import { AssetNotFoundError, boundedMessage, ConfigurationError } from "../earthengine";
import { boundedList } from "./changeSummary";
import type { Props } from "./kind";

/**
 * A failure whose message is complete (what, where, what to do): the skeleton passes it on
 * unchanged. `cause` keeps the failure behind it, when there is one.
 */
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

    constructor(id: string, properties: object, message: string, options?: ErrorOptions) {
        super(message, options);
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
            `Could not read back ${id}: ${messageOf(cause)}\nThe asset exists and is recorded in state; the next pulumi up reads it again.`,
            { cause },
        );
    }
}

/** What create found at the declared name; see AssetConflictError. */
export interface AssetConflict {
    /** The declared asset name, `projects/<project>/assets/<path>`. */
    assetName: string;
    /** The Earth Engine asset type the resource declares: `IMAGE`, `FOLDER`, `IMAGE_COLLECTION`. */
    declaredType: string;
    /** The type of the asset that holds the name. */
    existingType: string;
    /** For an asset of the declared type, the declaration's fields it differs in (`properties."k"`, `startTime`). */
    differences?: readonly string[];
    /** The way out, as this kind offers it (for an image: `adopt: true`). */
    fix: string;
}

/**
 * Create found the declared name held by an asset this resource may not take over: one of
 * another type, or one of the declared type that differs from the declaration. Nothing was
 * changed. The one "exists and differs" / "type conflict" error of every kind that creates
 * assets; the message names the asset once, the fields (at most a few, then a count) and the fix.
 */
export class AssetConflictError extends ResourceError {
    override name = "AssetConflictError";
    readonly assetName: string;
    readonly declaredType: string;
    readonly existingType: string;
    /** Empty for a type conflict. */
    readonly differences: readonly string[];

    constructor(conflict: AssetConflict) {
        const { assetName, declaredType, existingType, differences = [], fix } = conflict;
        super(
            existingType === declaredType
                ? `Earth Engine asset ${assetName} already exists and differs from this declaration in: ${boundedList(differences)}.\nNothing was changed. ${fix}`
                : `Earth Engine asset ${assetName} already exists as ${existingType}, not ${declaredType}. Nothing was changed; ${fix}`,
        );
        this.assetName = assetName;
        this.declaredType = declaredType;
        this.existingType = existingType;
        this.differences = [...differences];
    }
}

/** A bug of the provider or the engine: a call the kind's own plan says cannot happen. */
export class UnexpectedCallError extends ResourceError {
    override name = "UnexpectedCallError";

    constructor(what: string) {
        super(`${what}; this is a bug of pulumi-earthengine, please report it with the command that ran`);
    }
}

function messageOf(error: unknown): string {
    return boundedMessage(error instanceof Error ? error.message : String(error));
}

/**
 * The error the engine shows for a failed `action` on the resource `name`: a ResourceError (or a
 * ConfigurationError) as it is, anything else wrapped with the action and the resource named and
 * the original kept as `cause`; `notFoundHint` explains a `not found` answer to create.
 */
export function explain(action: string, name: string, error: unknown, notFoundHint?: string): Error {
    if (error instanceof ResourceError || error instanceof ConfigurationError) return error;
    if (error instanceof AssetNotFoundError && action === "create" && notFoundHint) {
        return new ResourceError(`Could not create ${name}: Earth Engine answered "not found". ${notFoundHint}\n${messageOf(error)}`, {
            cause: error,
        });
    }
    return new ResourceError(`Could not ${action} ${name}: ${messageOf(error)}`, { cause: error });
}
