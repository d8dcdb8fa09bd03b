import * as fs from "node:fs";
import * as path from "node:path";
import { resolveSettings } from "../../provider/earthengine/settings";
import { resourceProviders } from "../../provider/kinds";
import { plainCredentialWarnings } from "../../sdk/programChecks";

const externalImageProvider = resourceProviders.ExternalImage;

interface Malformed {
    name: string;
    value: string;
    message: string;
}
const fixture = (file: string): Malformed[] =>
    JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/credentials", file), "utf8")).cases;
const KEY = JSON.stringify({
    type: "service_account",
    client_email: "sa@p.iam.gserviceaccount.com",
    private_key: "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n",
});
const config = (values: Record<string, string>) => ({ get: (key: string) => values[key], require: (key: string) => values[key] });

describe("stack config wins over the environment, as a whole", () => {
    test("earthengine:credentials wins over GOOGLE_OAUTH_ACCESS_TOKEN", () => {
        const settings = resolveSettings({ credentials: KEY }, { GOOGLE_OAUTH_ACCESS_TOKEN: "env-token" });
        expect(settings.credentials).toBe(KEY);
        expect(settings.accessToken).toBeUndefined();
    });

    test("earthengine:impersonateServiceAccount wins over GOOGLE_OAUTH_ACCESS_TOKEN", () => {
        const settings = resolveSettings(
            { impersonateServiceAccount: "w@p.iam.gserviceaccount.com" },
            { GOOGLE_OAUTH_ACCESS_TOKEN: "env-token" },
        );
        expect(settings).toMatchObject({ impersonateServiceAccount: "w@p.iam.gserviceaccount.com", accessToken: undefined });
    });

    test("config credentials ignore the environment's impersonation", () => {
        const settings = resolveSettings(
            { credentials: KEY },
            { CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT: "env@p.iam.gserviceaccount.com" },
        );
        expect(settings.impersonateServiceAccount).toBeUndefined();
    });

    test("without credential config, the environment's token is used", () => {
        expect(resolveSettings({}, { GOOGLE_OAUTH_ACCESS_TOKEN: "env-token" }).accessToken).toBe("env-token");
    });
});

describe.each(fixture("malformed-keys.json"))("earthengine:credentials as $name", ({ value, message }) => {
    test("fails configure naming the setting, without any part of the value", async () => {
        const attempt = externalImageProvider.configure({ config: config({ "earthengine:credentials": value }) });
        await expect(attempt).rejects.toThrow(message);
        await expect(attempt).rejects.not.toThrow(/SECRET/);
    });
});

describe.each(fixture("malformed-tokens.json"))("an access token as $name", ({ value, message }) => {
    test("fails configure naming earthengine:accessToken, without the token", async () => {
        const attempt = externalImageProvider.configure({ config: config({ "earthengine:accessToken": value }) });
        await expect(attempt).rejects.toThrow(`earthengine:accessToken ${message}`);
        await expect(attempt).rejects.not.toThrow(/SECRET/);
    });

    test("from GOOGLE_OAUTH_ACCESS_TOKEN, fails naming the variable", () => {
        expect(() => resolveSettings({}, { GOOGLE_OAUTH_ACCESS_TOKEN: value })).toThrow(`GOOGLE_OAUTH_ACCESS_TOKEN ${message}`);
    });
});

describe("program-side warning for credentials in plain config", () => {
    const set = new Set(["earthengine:accessToken", "earthengine:credentials"]);
    test("each credential setting that is set but not secret is named", () => {
        const warnings = plainCredentialWarnings(
            (k) => set.has(k),
            (k) => k === "earthengine:credentials",
        );
        expect(warnings).toEqual([expect.stringContaining("earthengine:accessToken is set as plain config")]);
    });

    test("secret or unset settings give no warning", () => {
        expect(
            plainCredentialWarnings(
                (k) => set.has(k),
                () => true,
            ),
        ).toEqual([]);
        expect(
            plainCredentialWarnings(
                () => false,
                () => false,
            ),
        ).toEqual([]);
    });
});
