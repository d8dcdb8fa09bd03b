/**
 * `pulumi-earthengine/provider`: what the serialized shims load when the engine calls them
 * (`resourceProviders`, one dynamic provider per kind, by Pulumi type name), the registry of
 * kinds, and the errors the provider throws, as classes a tool running it in process can tell
 * apart (`findCause` walks a failure's `cause` chain). Nothing else: the rest is internal, and
 * tests and the bench import modules by path. The shims themselves are
 * `pulumi-earthengine/provider/shim[/<kind>]`; Pulumi programs import `pulumi-earthengine`.
 */
export { ConfigurationError } from "./earthengine/configurationError";
export {
    AbortedError,
    AssetAlreadyExistsError,
    AssetNotFoundError,
    EarthEngineError,
    findCause,
    InvalidArgumentError,
    PermissionDeniedError,
    QuotaExceededError,
    ServiceUnavailableError,
    TransportError,
    UnauthenticatedError,
} from "./earthengine/errors";
export { OutcomeUnknownError, RetriesExhaustedError } from "./earthengine/retryErrors";
export { KINDS, resourceProviders } from "./kinds";
export type { KindContract } from "./resource/contract";
export {
    type AssetConflict,
    AssetConflictError,
    PartialWriteError,
    ResourceError,
    UnexpectedCallError,
    WrittenButUnreadError,
} from "./resource/errors";
export type { ResourceKind } from "./resource/kind";
export { failuresForEngine } from "./values/failures";
