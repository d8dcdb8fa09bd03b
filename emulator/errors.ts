/**
 * Errors as the Earth Engine API sends them: an HTTP status and the AIP-193 body
 * `{"error": {"code", "message", "status", "details"}}`. Handlers throw `ApiError`; the server
 * turns it into the response, so every failure has the same shape.
 */

/** Canonical status names for the HTTP codes Google's APIs use (google.rpc.Code mapping). */
const STATUS_NAMES: Record<number, string> = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    412: "FAILED_PRECONDITION",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
};

/** One entry of `error.details`, such as `google.rpc.ErrorInfo` or `google.rpc.BadRequest`. */
export type ErrorDetail = { "@type": string } & Record<string, unknown>;

/** The AIP-193 error body. */
export interface ErrorBody {
    error: { code: number; message: string; status: string; details?: ErrorDetail[] };
}

/** The canonical status for an HTTP code (`UNKNOWN` for codes Google does not map). */
export function statusNameFor(httpStatus: number): string {
    return STATUS_NAMES[httpStatus] ?? "UNKNOWN";
}

/** A failed API call: what the client gets back, as a value a handler can throw. */
export class ApiError extends Error {
    override name = "ApiError";
    /** HTTP status of the response. */
    readonly httpStatus: number;
    /** Canonical status name; FAILED_PRECONDITION travels as HTTP 400, as in Google's APIs. */
    readonly status: string;
    readonly details?: ErrorDetail[];
    /** Extra response headers, such as `Retry-After`. */
    readonly headers: Record<string, string>;

    constructor(
        httpStatus: number,
        message: string,
        options: { status?: string; details?: ErrorDetail[]; headers?: Record<string, string> } = {},
    ) {
        super(message);
        this.httpStatus = httpStatus;
        this.status = options.status ?? statusNameFor(httpStatus);
        this.details = options.details;
        this.headers = options.headers ?? {};
    }

    /** The response body. */
    body(): ErrorBody {
        const error: ErrorBody["error"] = { code: this.httpStatus, message: this.message, status: this.status };
        if (this.details && this.details.length > 0) error.details = this.details;
        return { error };
    }
}

/** 400 INVALID_ARGUMENT. */
export const invalidArgument = (message: string, details?: ErrorDetail[]) => new ApiError(400, message, { details });

/** 400 FAILED_PRECONDITION: the request is well formed but the assets are not in a state that allows it. */
export const failedPrecondition = (message: string) => new ApiError(400, message, { status: "FAILED_PRECONDITION" });

/** 404 NOT_FOUND for an asset, in the words the real API uses for both missing and forbidden assets. */
export const assetNotFound = (name: string) => new ApiError(404, `Asset '${name}' does not exist or doesn't allow this operation.`);

/** 409 ALREADY_EXISTS, with the message clients match on. */
export const cannotOverwrite = (name: string) => new ApiError(409, `Cannot overwrite asset '${name}'.`);
