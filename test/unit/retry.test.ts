import {
    type AttemptFailure,
    classifyConnectionError,
    DEFAULT_RETRY,
    isLocalRefusal,
    mayRetry,
    parseRetryAfter,
    retryDecision,
    retryDelayMs,
} from "../../provider/earthengine/retry";

const status = (code: number, reason?: string): AttemptFailure => ({ status: code, reason });

describe("retry decisions for an idempotent call (GET, DELETE, PATCH, importExternal with overwrite)", () => {
    test.each([429, 500, 502, 503, 504])("status %i is retried", (code) => expect(retryDecision(status(code), true)).toBe("retry"));
    test.each(["rateLimitExceeded", "userRateLimitExceeded"])("403 %s is retried", (reason) =>
        expect(retryDecision(status(403, reason), true)).toBe("retry"),
    );
    test.each([400, 401, 404, 409, 501])("status %i is an answer, not retried", (code) =>
        expect(retryDecision(status(code), true)).toBe("fail"),
    );
    test("403 without a rate-limit reason is a permission answer", () => {
        expect(retryDecision(status(403), true)).toBe("fail");
        expect(retryDecision(status(403, "IAM_PERMISSION_DENIED"), true)).toBe("fail");
    });
    test.each(["refused", "reset", "timeout"] as const)("connection %s is retried", (connection) =>
        expect(retryDecision({ connection }, true)).toBe("retry"),
    );
});

describe("retry decisions for importExternal with overwrite: false", () => {
    test("429 and 403 rate limits were not carried out: retried directly", () => {
        expect(retryDecision(status(429), false)).toBe("retry");
        expect(retryDecision(status(403, "rateLimitExceeded"), false)).toBe("retry");
    });
    test("a refused connection sent nothing: retried directly", () => {
        expect(retryDecision({ connection: "refused" }, false)).toBe("retry");
    });
    test.each([500, 502, 503, 504])("status %i is ambiguous: read before retrying", (code) =>
        expect(retryDecision(status(code), false)).toBe("ambiguous"),
    );
    test.each(["reset", "timeout"] as const)("connection %s is ambiguous", (connection) =>
        expect(retryDecision({ connection }, false)).toBe("ambiguous"),
    );
    test.each([400, 403, 404, 409])("status %i fails", (code) => expect(retryDecision(status(code), false)).toBe("fail"));
});

describe("connection failures as fetch reports them", () => {
    const fetchFailed = (cause: Error) => new TypeError("fetch failed", { cause });
    const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

    test("ECONNREFUSED is refused", () => {
        expect(classifyConnectionError(fetchFailed(withCode("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED")))).toBe("refused");
    });
    test("ECONNRESET, other side closed (UND_ERR_SOCKET) and socket hang up are resets", () => {
        expect(classifyConnectionError(fetchFailed(withCode("read ECONNRESET", "ECONNRESET")))).toBe("reset");
        expect(classifyConnectionError(fetchFailed(withCode("other side closed", "UND_ERR_SOCKET")))).toBe("reset");
        expect(classifyConnectionError(new Error("socket hang up"))).toBe("reset");
    });
    test("the per-attempt timeout is a timeout", () => {
        const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
        expect(classifyConnectionError(timeout)).toBe("timeout");
        expect(classifyConnectionError(fetchFailed(withCode("Headers Timeout Error", "UND_ERR_HEADERS_TIMEOUT")))).toBe("timeout");
    });
    test("an unknown failure may have been sent: treated as a reset", () => {
        expect(classifyConnectionError(new Error("something else"))).toBe("reset");
    });
});

describe("a refused connection", () => {
    test("to loopback (an emulator or stand-in not running) fails at once; elsewhere it is retried", () => {
        for (const url of ["http://127.0.0.1:8080/v1/x", "http://localhost:1/x", "http://[::1]:9/x"])
            expect(isLocalRefusal({ connection: "refused" }, url)).toBe(true);
        expect(isLocalRefusal({ connection: "refused" }, "https://earthengine.googleapis.com/v1/x")).toBe(false);
        expect(isLocalRefusal({ connection: "reset" }, "http://127.0.0.1:8080/v1/x")).toBe(false);
        expect(isLocalRefusal({ status: 503 }, "http://127.0.0.1:8080/v1/x")).toBe(false);
        expect(retryDecision({ connection: "refused" }, false)).toBe("retry");
    });
});

describe("back-off", () => {
    test("doubles per attempt under full jitter", () => {
        const top = () => 0.999999;
        expect(retryDelayMs(DEFAULT_RETRY, 1, null, top)).toBe(DEFAULT_RETRY.baseDelayMs);
        expect(retryDelayMs(DEFAULT_RETRY, 2, null, top)).toBe(DEFAULT_RETRY.baseDelayMs * 2);
        expect(retryDelayMs(DEFAULT_RETRY, 3, null, top)).toBe(DEFAULT_RETRY.baseDelayMs * 4);
        expect(retryDelayMs(DEFAULT_RETRY, 1, null, () => 0)).toBe(0);
    });
    test("is capped", () => {
        expect(retryDelayMs(DEFAULT_RETRY, 30, null, () => 0.999999)).toBe(DEFAULT_RETRY.maxDelayMs);
    });
    test("Retry-After in seconds wins over back-off, capped too", () => {
        expect(retryDelayMs(DEFAULT_RETRY, 1, "7", () => 0)).toBe(7000);
        expect(retryDelayMs(DEFAULT_RETRY, 1, "3600", () => 0)).toBe(DEFAULT_RETRY.maxDelayMs);
    });
    test("Retry-After as an HTTP date is honoured", () => {
        const now = Date.parse("2026-11-29T00:00:00Z");
        expect(parseRetryAfter("Sun, 29 Nov 2026 00:00:05 GMT", now)).toBe(5000);
    });
    test("an unreadable Retry-After falls back to back-off", () => {
        expect(parseRetryAfter("soon")).toBeUndefined();
    });
});

describe("budget", () => {
    const policy = { ...DEFAULT_RETRY, maxAttempts: 3, operationTimeoutMs: 10_000 };
    test("stops after maxAttempts", () => {
        expect(mayRetry(policy, 2, 0, 0, 0)).toBe(true);
        expect(mayRetry(policy, 3, 0, 0, 0)).toBe(false);
    });
    test("stops when the wait would end past the operation's deadline", () => {
        expect(mayRetry(policy, 1, 0, 9_000, 999)).toBe(true);
        expect(mayRetry(policy, 1, 0, 9_000, 1_000)).toBe(false);
    });
    test("the default allows at least 8 attempts", () => {
        expect(DEFAULT_RETRY.maxAttempts).toBeGreaterThanOrEqual(8);
    });
});
