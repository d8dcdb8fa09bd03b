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
});
