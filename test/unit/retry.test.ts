import { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, retryDelayMs } from "../../provider/earthengine/retry";

describe("retry decisions", () => {
    test.each([429, 503])("status %i is retried", (status) => expect(isRetryableStatus(status)).toBe(true));
    test.each([400, 401, 403, 404, 409, 500, 504])("status %i is not retried", (status) => expect(isRetryableStatus(status)).toBe(false));

    test("back-off doubles per attempt under full jitter", () => {
        const top = () => 0.999999;
        expect(retryDelayMs(DEFAULT_RETRY, 1, null, top)).toBe(1000);
        expect(retryDelayMs(DEFAULT_RETRY, 2, null, top)).toBe(2000);
        expect(retryDelayMs(DEFAULT_RETRY, 3, null, top)).toBe(4000);
        expect(retryDelayMs(DEFAULT_RETRY, 1, null, () => 0)).toBe(0);
    });

    test("back-off is capped", () => {
        expect(retryDelayMs(DEFAULT_RETRY, 20, null, () => 0.999999)).toBe(DEFAULT_RETRY.maxDelayMs);
    });

    test("Retry-After in seconds wins over back-off", () => {
        expect(retryDelayMs(DEFAULT_RETRY, 1, "7", () => 0)).toBe(7000);
    });

    test("Retry-After as an HTTP date is honoured", () => {
        const now = Date.parse("2026-11-29T00:00:00Z");
        expect(parseRetryAfter("Sun, 29 Nov 2026 00:00:05 GMT", now)).toBe(5000);
    });

    test("an unreadable Retry-After falls back to back-off", () => {
        expect(parseRetryAfter("soon")).toBeUndefined();
    });
});
