import { ConfigurationError } from "../../provider/earthengine/configurationError";
import { checkAccessToken, checkCredentialsJson } from "../../provider/earthengine/credentials";
import {
    AssetNotFoundError,
    EarthEngineError,
    errorFromResponse,
    findCause,
    QuotaExceededError,
    type ServiceUnavailableError,
    TransportError,
} from "../../provider/earthengine/errors";
import { OutcomeUnknownError, RetriesExhaustedError } from "../../provider/earthengine/retryErrors";
import { resolveSettings } from "../../provider/earthengine/settings";
import { isQuotaRefusal, stopsTheRun } from "../../provider/externalImageSet/apply";
import { AssetConflictError, explain, PartialWriteError, ResourceError, WrittenButUnreadError } from "../../provider/resource/errors";

// Errors as values: each failure the provider reports is a class with fields a caller can act on,
// the failure behind it kept as `cause` (never a rewritten message), and a bounded message.
const request = (status: number, method = "GET") => ({
    method,
    url: "https://earthengine.googleapis.com/v1alpha/projects/p/assets/a",
    status,
});
const googleAnswer = (status: number, message: string, method = "GET") =>
    errorFromResponse(request(status, method), JSON.stringify({ error: { code: status, message } }));
const SECRET = "ya29.SECRET-token-value";

describe("ConfigurationError", () => {
    test.each([
        ["earthengine:endpoint", () => resolveSettings({ endpoint: "http://example.com" }, {})],
        ["earthengine:apiVersion", () => resolveSettings({ apiVersion: "v9" }, {})],
        ["earthengine:maxRetries", () => resolveSettings({ maxRetries: "-1" }, {})],
        [
            "earthengine:credentials",
            () => checkCredentialsJson(`{"type":"service_account","private_key":"${SECRET}"`, "earthengine:credentials"),
        ],
        ["GOOGLE_OAUTH_ACCESS_TOKEN", () => resolveSettings({}, { GOOGLE_OAUTH_ACCESS_TOKEN: `Bearer ${SECRET}` })],
    ])("a bad %s is a ConfigurationError naming the setting", (setting, attempt) => {
        let error: unknown;
        try {
            attempt();
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(ConfigurationError);
        expect((error as ConfigurationError).setting).toBe(setting);
        expect((error as Error).message).toContain(setting);
    });

    test("its message and stack never hold the secret, and the stack is the message alone (a user's mistake, not a bug)", () => {
        let error: ConfigurationError | undefined;
        try {
            checkAccessToken(`${SECRET} with spaces`, "earthengine:accessToken");
        } catch (e) {
            error = e as ConfigurationError;
        }
        expect(error?.message).toMatch(
            /earthengine:accessToken holds characters .* set the token as printed by gcloud auth print-access-token/,
        );
        expect(`${error?.message}${error?.stack}`).not.toContain("SECRET");
        expect(error?.stack).toBe(`ConfigurationError: ${error?.message}`);
    });
});

describe("EarthEngineError", () => {
    test("a long message from Google is quoted up to a bound; serverMessage keeps it whole", () => {
        const long = "x".repeat(50_000);
        const error = googleAnswer(400, long);
        expect(error.serverMessage).toBe(long);
        expect(error.message.length).toBeLessThan(1_500);
        expect(error.message).toContain("... (49000 more characters)");
    });

    test("a TransportError keeps the socket's error as its cause", () => {
        const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
        const error = new TransportError(request(0), "could not connect", socket);
        expect(error.cause).toBe(socket);
        expect(error.message).toMatch(
            /^Earth Engine GET \/v1alpha\/projects\/p\/assets\/a got no answer from https:\/\/earthengine\.googleapis\.com: could not connect/,
        );
    });
});

describe("RetriesExhaustedError", () => {
    const last = googleAnswer(429, "Too many requests");
    const error = new RetriesExhaustedError(last, 11, 123_456);

    test("carries the attempts, the elapsed time and the last answer as its cause", () => {
        expect(error).toMatchObject({ name: "RetriesExhaustedError", attempts: 11, elapsedMs: 123_456 });
        expect(error.cause).toBe(last);
        expect(error.cause).toBeInstanceOf(QuotaExceededError);
    });

    test("its message is the last answer's, then the count, the time and the settings that set them", () => {
        expect(error.message.startsWith(last.message)).toBe(true);
        expect(error.message).toMatch(/gave up after 11 attempts in 123\.5 s; earthengine:maxRetries and earthengine:operationTimeout/);
    });

    test("the answer behind it is found through the cause chain: a quota refusal stops a batch", () => {
        expect(findCause(error, QuotaExceededError)).toBe(last);
        expect(isQuotaRefusal(error)).toBe(true);
        const down = new RetriesExhaustedError(googleAnswer(503, "backend unavailable") as ServiceUnavailableError, 3, 10);
        expect(isQuotaRefusal(down)).toBe(false);
        expect(stopsTheRun(down)).toBe(true);
    });
});

describe("OutcomeUnknownError", () => {
    test("carries the attempt, the elapsed time and the ambiguous answer, and says nothing was retried", () => {
        const last = googleAnswer(500, "internal", "POST");
        const error = new OutcomeUnknownError(last, 2, 1_500);
        expect(error).toMatchObject({ name: "OutcomeUnknownError", attempts: 2, elapsedMs: 1_500, cause: last });
        expect(error.message).toMatch(
            /failed with 500[\s\S]*may or may not have been carried out \(attempt 2, after 1\.5 s\); nothing was retried/,
        );
    });
});

describe("AssetConflictError, the one exists-and-differs / type-conflict error of every kind", () => {
    const NAME = "projects/p/assets/dem";

    test("a differing asset: the fields that differ, the asset named once, the kind's fix", () => {
        const error = new AssetConflictError({
            assetName: NAME,
            declaredType: "IMAGE",
            existingType: "IMAGE",
            differences: ['properties."source"', "startTime"],
            fix: "Set `adopt: true`.",
        });
        expect(error).toBeInstanceOf(ResourceError);
        expect(error.message).toBe(
            `Earth Engine asset ${NAME} already exists and differs from this declaration in: properties."source", startTime.\nNothing was changed. Set \`adopt: true\`.`,
        );
        expect(error.differences).toEqual(['properties."source"', "startTime"]);
    });

    test("another type: both types, no differences", () => {
        const error = new AssetConflictError({
            assetName: NAME,
            declaredType: "IMAGE_COLLECTION",
            existingType: "FOLDER",
            fix: "choose another name.",
        });
        expect(error.message).toBe(
            `Earth Engine asset ${NAME} already exists as FOLDER, not IMAGE_COLLECTION. Nothing was changed; choose another name.`,
        );
        expect(error.differences).toEqual([]);
    });

    test("thousands of differing fields give a bounded message", () => {
        const differences = Array.from({ length: 5_000 }, (_, i) => `properties."k${i}"`);
        const error = new AssetConflictError({ assetName: NAME, declaredType: "IMAGE", existingType: "IMAGE", differences, fix: "f" });
        expect(error.message.length).toBeLessThan(400);
        expect(error.message).toContain("and 4992 more");
        expect(error.differences).toHaveLength(5_000);
    });

    test("is passed on by the skeleton unchanged", () => {
        const error = new AssetConflictError({ assetName: NAME, declaredType: "FOLDER", existingType: "IMAGE", fix: "f" });
        expect(explain("create", NAME, error)).toBe(error);
    });
});

describe("explain: the action and the resource, with the failure as its cause", () => {
    test("an API error is wrapped, not rewritten", () => {
        const answer = googleAnswer(403, "Permission denied");
        const before = answer.message;
        const error = explain("update", "projects/p/assets/a", answer);
        expect(error).toBeInstanceOf(ResourceError);
        expect(error.cause).toBe(answer);
        expect(error.message).toBe(`Could not update projects/p/assets/a: ${before}`);
        expect(answer.message).toBe(before);
        expect(findCause(error, EarthEngineError)).toBe(answer);
    });

    test("a not-found create gets the kind's hint", () => {
        const error = explain("create", "projects/p/assets/f/a", googleAnswer(404, "not found"), "Create the parent first.");
        expect(error.message).toMatch(
            /^Could not create projects\/p\/assets\/f\/a: Earth Engine answered "not found"\. Create the parent first\./,
        );
        expect(error.cause).toBeInstanceOf(AssetNotFoundError);
    });

    test("a configuration error is passed on as it is: it is not about the resource", () => {
        const error = new ConfigurationError("earthengine:endpoint", "earthengine:endpoint must use https://");
        expect(explain("create", "projects/p/assets/a", error)).toBe(error);
    });

    test("a huge message of an unexpected error is bounded", () => {
        const error = explain("read", "projects/p/assets/a", new TypeError("y".repeat(1_000_000)));
        expect(error.message.length).toBeLessThan(2_200);
        expect(error.cause).toBeInstanceOf(TypeError);
    });
});

describe("partial writes", () => {
    test("a failed read-back keeps the id, the properties and its cause", () => {
        const cause = googleAnswer(503, "unavailable");
        const error = new WrittenButUnreadError("projects/p/assets/a", { project: "p" }, cause);
        expect(error).toBeInstanceOf(PartialWriteError);
        expect(error).toMatchObject({ id: "projects/p/assets/a", properties: { project: "p" }, cause });
        expect(error.reasons).toEqual([error.message]);
        expect(error.message).toMatch(/^Could not read back projects\/p\/assets\/a: Earth Engine GET .* 503/);
    });
});
