/**
 * Errors of the Earth Engine REST API as typed values. The AIP-193 body
 * (`{"error": {"code", "message", "status", "details"}}`) is parsed once, here, so callers
 * branch on the class and never re-parse JSON.
 */

export interface GoogleErrorBody {
    code?: number;
    message?: string;
    status?: string;
    details?: { "@type"?: string; reason?: string; metadata?: Record<string, string> }[];
}

export interface RequestSummary {
    method: string;
    url: string;
    status: number;
}

/** The longest part of Google's own message an error message quotes (`serverMessage` keeps it whole). */
const MAX_SERVER_CHARS = 1000;

export class EarthEngineError extends Error {
    override name = "EarthEngineError";
    readonly method: string;
    readonly url: string;
    /** HTTP status, 0 when no response arrived. */
    readonly httpStatus: number;
    /** Canonical status such as `NOT_FOUND`, when the body had one. */
    readonly status?: string;
    /** Google's own message, as the server sent it. */
    readonly serverMessage: string;
    readonly reason?: string;

    /**
     * `detail.hint` is the fix, on a line of its own; `detail.message` replaces the whole message
     * (a request that got no answer has no status to report); `detail.cause` is the failure behind it.
     */
    constructor(request: RequestSummary, body: GoogleErrorBody, detail: { hint?: string; message?: string; cause?: unknown } = {}) {
        const serverMessage = body.message ?? "no message";
        const { hint, cause } = detail;
        super(
            detail.message ??
                `Earth Engine ${request.method} ${pathOf(request.url)} failed with ${request.status}${body.status ? ` ${body.status}` : ""}: ${boundedMessage(serverMessage, MAX_SERVER_CHARS)}${hint ? `\n${hint}` : ""}`,
            cause === undefined ? undefined : { cause },
        );
        this.method = request.method;
        this.url = request.url;
        this.httpStatus = request.status;
        this.status = body.status;
        this.serverMessage = serverMessage;
        this.reason = body.details?.find((d) => d.reason)?.reason;
    }
}

export class AssetNotFoundError extends EarthEngineError {
    override name = "AssetNotFoundError";
}

export class AssetAlreadyExistsError extends EarthEngineError {
    override name = "AssetAlreadyExistsError";
}

/** 409 ABORTED: a concurrent change won (for IAM, the policy's etag is stale); read again and retry. */
export class AbortedError extends EarthEngineError {
    override name = "AbortedError";
}

export class InvalidArgumentError extends EarthEngineError {
    override name = "InvalidArgumentError";
}

export class UnauthenticatedError extends EarthEngineError {
    override name = "UnauthenticatedError";
    constructor(request: RequestSummary, body: GoogleErrorBody) {
        super(request, body, {
            hint: "Check the credentials: earthengine:credentials, earthengine:accessToken, GOOGLE_OAUTH_ACCESS_TOKEN or Application Default Credentials (gcloud auth application-default login).",
        });
    }
}

export class PermissionDeniedError extends EarthEngineError {
    override name = "PermissionDeniedError";
    /** The IAM role that most likely is missing, when the message tells. */
    readonly missingRole?: string;

    constructor(request: RequestSummary, body: GoogleErrorBody) {
        const { role, hint } = permissionHint(body.message ?? "");
        super(request, body, { hint });
        this.missingRole = role;
    }
}

export class QuotaExceededError extends EarthEngineError {
    override name = "QuotaExceededError";
    constructor(request: RequestSummary, body: GoogleErrorBody) {
        super(request, body, {
            hint: "Earth Engine's per-project quota (about 40 concurrent requests, 100 requests/s) was still exceeded after the retries; lower `pulumi up --parallel` or retry later.",
        });
    }
}

export class ServiceUnavailableError extends EarthEngineError {
    override name = "ServiceUnavailableError";
}

/**
 * No HTTP answer arrived (refused, reset, timed out): the message names the endpoint and where
 * it is set, instead of a status the server never sent; `cause` is the socket's own error.
 */
export class TransportError extends EarthEngineError {
    override name = "TransportError";

    constructor(request: RequestSummary, what: string, cause?: unknown) {
        super(
            request,
            { message: what },
            {
                cause,
                message: `Earth Engine ${request.method} ${pathOf(request.url)} got no answer from ${originOf(request.url)}: ${boundedMessage(what, MAX_SERVER_CHARS)}\nCheck the endpoint (earthengine:endpoint or EARTHENGINE_ENDPOINT; for the emulator, is it still running?) and the network.`,
            },
        );
    }
}

function originOf(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return url;
    }
}

function permissionHint(message: string): { role?: string; hint: string } {
    const lower = message.toLowerCase();
    if (lower.includes("serviceusage") || lower.includes("service usage consumer")) {
        return {
            role: "roles/serviceusage.serviceUsageConsumer",
            hint: "Grant roles/serviceusage.serviceUsageConsumer on the consumer project (earthengine:project) to the caller.",
        };
    }
    if (lower.includes("not registered") || lower.includes("register")) {
        return { hint: "Register the project for Earth Engine at https://code.earthengine.google.com/register, then retry." };
    }
    if (lower.includes("has not been used") || lower.includes("is disabled") || lower.includes("not enabled")) {
        return { hint: "Enable the Earth Engine API (earthengine.googleapis.com) on the consumer project." };
    }
    if (lower.includes("quota project")) {
        return {
            hint: "Set the consumer project: earthengine:project in stack config, the resource's project input, or GOOGLE_CLOUD_PROJECT.",
        };
    }
    return {
        role: "roles/earthengine.writer",
        hint: "The caller needs roles/earthengine.writer on the asset's project (plus roles/serviceusage.serviceUsageConsumer on the consumer project), and read access (storage.buckets.get, storage.objects.get) on the COG's bucket.",
    };
}

/** The typed error for a failed response. Unknown shapes become a plain EarthEngineError. */
export function errorFromResponse(request: RequestSummary, bodyText: string): EarthEngineError {
    const body = parseErrorBody(bodyText, request.status);
    const message = body.message ?? "";
    if (body.status === "ABORTED") return new AbortedError(request, body);
    if (request.status === 409 || body.status === "ALREADY_EXISTS" || /Cannot overwrite asset/i.test(message)) {
        return new AssetAlreadyExistsError(request, body);
    }
    switch (request.status) {
        case 400:
            return new InvalidArgumentError(request, body);
        case 401:
            return new UnauthenticatedError(request, body);
        case 403:
            return body.details?.some((d) => /rateLimitExceeded/i.test(d.reason ?? ""))
                ? new QuotaExceededError(request, body)
                : new PermissionDeniedError(request, body);
        case 404:
            return new AssetNotFoundError(request, body);
        case 429:
            return new QuotaExceededError(request, body);
        case 503:
            return new ServiceUnavailableError(request, body);
        default:
            return new EarthEngineError(request, body);
    }
}

function parseErrorBody(text: string, httpStatus: number): GoogleErrorBody {
    try {
        const parsed = JSON.parse(text) as { error?: GoogleErrorBody };
        if (parsed && typeof parsed.error === "object" && parsed.error !== null) return parsed.error;
    } catch {
        // Not JSON: proxies and load balancers answer with HTML or plain text.
    }
    const snippet = text.trim().slice(0, 200);
    return { code: httpStatus, message: snippet || `HTTP ${httpStatus} with an empty body` };
}

/** The longest text an error message quotes from another error. */
export const MAX_QUOTED_MESSAGE_CHARS = 2000;

/** `text` cut at `max` characters, saying how much was left out: the terminal never gets pages of it. */
export function boundedMessage(text: string, max = MAX_QUOTED_MESSAGE_CHARS): string {
    return text.length <= max ? text : `${text.slice(0, max)}... (${text.length - max} more characters)`;
}

/**
 * The first error of `type` in `error`'s cause chain, itself included: the quota refusal behind a
 * RetriesExhaustedError, the API error behind a resource's message.
 */
export function findCause<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
    for (let e = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
        if (e instanceof type) return e;
    }
    return undefined;
}

function pathOf(url: string): string {
    try {
        const u = new URL(url);
        return u.pathname;
    } catch {
        return url;
    }
}
