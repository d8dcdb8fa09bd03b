import { resolveCloudStorageSettings } from "../../provider/cloudStorage/settings";
import { checkEndpoint, configValuesFrom, DEFAULT_ENDPOINT, resolveSettings } from "../../provider/earthengine/settings";

describe("provider settings", () => {
    test("defaults to Google's endpoint and v1alpha", () => {
        expect(resolveSettings({}, {})).toMatchObject({ endpoint: DEFAULT_ENDPOINT, apiVersion: "v1alpha" });
    });

    test("stack config wins over the environment", () => {
        const settings = resolveSettings(
            { project: "from-config", accessToken: "config-token" },
            { GOOGLE_CLOUD_PROJECT: "from-env", GOOGLE_OAUTH_ACCESS_TOKEN: "env-token" },
        );
        expect(settings).toMatchObject({ project: "from-config", accessToken: "config-token" });
    });

    test("the environment fills what config leaves out", () => {
        const settings = resolveSettings(
            {},
            { EARTHENGINE_ENDPOINT: "http://127.0.0.1:8080/", GOOGLE_OAUTH_ACCESS_TOKEN: "t", GOOGLE_CLOUD_PROJECT: "p-env" },
        );
        expect(settings).toMatchObject({ endpoint: "http://127.0.0.1:8080", accessToken: "t", project: "p-env" });
    });

    test("v1 can be selected", () => {
        expect(resolveSettings({ apiVersion: "v1" }, {}).apiVersion).toBe("v1");
    });

    test("an unknown API version is refused with the choices", () => {
        expect(() => resolveSettings({ apiVersion: "v2" }, {})).toThrow(/use one of v1alpha, v1beta, v1/);
    });

    test.each(["http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000", "https://example.com"])(
        "%s is accepted",
        (endpoint) => {
            expect(() => checkEndpoint(endpoint)).not.toThrow();
        },
    );

    test.each(["http://earthengine.googleapis.com", "http://10.0.0.5:9000", "ftp://x"])(
        "%s is refused: tokens would travel in clear text",
        (endpoint) => {
            expect(() => checkEndpoint(endpoint)).toThrow(/must use https:\/\//);
        },
    );

    test("config keys are read with the earthengine: namespace", () => {
        const values: Record<string, string> = { "earthengine:project": "p", "earthengine:endpoint": "https://e", "other:project": "x" };
        expect(configValuesFrom({ get: (key) => values[key] })).toEqual({ project: "p", endpoint: "https://e" });
    });

    test("retries, timeouts and limits default to 10 retries, 60 s, 600 s, 20 in flight and 50/s", () => {
        expect(resolveSettings({}, {}).reliability).toEqual({
            retry: { maxAttempts: 11, baseDelayMs: 500, maxDelayMs: 30_000, operationTimeoutMs: 600_000 },
            requestTimeoutMs: 60_000,
            limits: { maxConcurrentRequests: 20, maxRequestsPerSecond: 50 },
        });
    });

    test("earthengine:maxRetries, requestTimeout (s), operationTimeout (s) and the limits are read from config", () => {
        const { reliability } = resolveSettings(
            { maxRetries: "0", requestTimeout: "2.5", operationTimeout: "30", maxConcurrentRequests: "5", maxRequestsPerSecond: "8" },
            {},
        );
        expect(reliability).toMatchObject({
            retry: { maxAttempts: 1, operationTimeoutMs: 30_000 },
            requestTimeoutMs: 2_500,
            limits: { maxConcurrentRequests: 5, maxRequestsPerSecond: 8 },
        });
    });

    test.each([
        [{ maxRetries: "-1" }, /earthengine:maxRetries "-1" must be a whole number from 0 to 100/],
        [{ maxRetries: "2.5" }, /maxRetries "2.5" must be a whole number/],
        [{ requestTimeout: "soon" }, /earthengine:requestTimeout "soon" must be a number/],
        [{ maxConcurrentRequests: "0" }, /maxConcurrentRequests "0" must be a whole number from 1 to 1000/],
    ])("%j is refused with the key and its range", (config, message) => {
        expect(() => resolveSettings(config, {})).toThrow(message);
    });

    test("configValuesFrom reads the new keys", () => {
        const values: Record<string, string> = { "earthengine:maxRetries": "3", "earthengine:maxRequestsPerSecond": "9" };
        expect(configValuesFrom({ get: (key) => values[key] })).toEqual({ maxRetries: "3", maxRequestsPerSecond: "9" });
    });
});

describe("the Cloud Storage endpoint", () => {
    test("a bad one is named where it was given: the config key, or the environment variable", () => {
        expect(() => resolveCloudStorageSettings({ cloudStorageEndpoint: "http://example.com" }, {})).toThrow(
            /^earthengine:cloudStorageEndpoint "http:\/\/example\.com" must use https:\/\//,
        );
        expect(() => resolveCloudStorageSettings({}, { EARTHENGINE_CLOUD_STORAGE_ENDPOINT: "http://example.com" })).toThrow(
            /^EARTHENGINE_CLOUD_STORAGE_ENDPOINT "http:\/\/example\.com" must use https:\/\//,
        );
        expect(resolveCloudStorageSettings({}, { EARTHENGINE_CLOUD_STORAGE_ENDPOINT: "http://127.0.0.1:4443/" }).endpoint).toBe(
            "http://127.0.0.1:4443",
        );
    });
});
