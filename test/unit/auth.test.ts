import { authSourceFor } from "../../provider/earthengine/auth";
import { resolveSettings } from "../../provider/earthengine/settings";

const settings = (extra: Record<string, string>) => resolveSettings(extra, {});

describe("credentials", () => {
    test("a static access token becomes the bearer header, with no network call", async () => {
        const source = authSourceFor(settings({ accessToken: "tok-123" }));
        expect(await source.headers()).toEqual({ authorization: "Bearer tok-123", quotaProject: undefined });
        expect(source.description).toBe("a static access token");
    });

    test("one auth source per credential set per process: its token cache is shared", () => {
        expect(authSourceFor(settings({ accessToken: "a" }))).toBe(authSourceFor(settings({ accessToken: "a", project: "other" })));
        expect(authSourceFor(settings({ accessToken: "a" }))).not.toBe(authSourceFor(settings({ accessToken: "b" })));
    });

    test("a service-account key that is not JSON fails with how to set it, without echoing the secret", () => {
        const secret = "not-json-SECRET-VALUE";
        const attempt = () => authSourceFor(settings({ credentials: secret }));
        expect(attempt).toThrow(
            /earthengine:credentials is not valid JSON[\s\S]*pulumi config set --secret earthengine:credentials < key.json/,
        );
        expect(attempt).not.toThrow(new RegExp(secret));
    });

    test("descriptions say where credentials come from and never contain them", () => {
        const key = JSON.stringify({
            type: "service_account",
            client_email: "sa@p.iam.gserviceaccount.com",
            private_key: "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n",
        });
        const keyed = authSourceFor(settings({ credentials: key, impersonateServiceAccount: "writer@p.iam.gserviceaccount.com" }));
        expect(keyed.description).toBe("the service-account key in earthengine:credentials impersonating writer@p.iam.gserviceaccount.com");
        expect(authSourceFor(settings({})).description).toBe("Application Default Credentials");
    });
});
