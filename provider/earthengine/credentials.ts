/**
 * Checks of credential settings made when the provider is configured, so that a malformed
 * setting fails `configure` (and the whole `pulumi up`) at once, naming the setting. Messages
 * never contain the value, not even a part of it: it is a secret.
 */

import { ConfigurationError } from "./configurationError";

const SET_KEY = "pulumi config set --secret earthengine:credentials < key.json";

// Fields each key type needs, as google-auth-library reads them (JWT, UserRefreshClient,
// ExternalAccountClient, Impersonated); other fields are optional.
const REQUIRED_FIELDS: Record<string, readonly string[]> = {
    service_account: ["client_email", "private_key"],
    authorized_user: ["client_id", "client_secret", "refresh_token"],
    external_account: ["audience", "subject_token_type"],
    impersonated_service_account: ["service_account_impersonation_url", "source_credentials"],
};

/** Throws when `json` (the value of `setting`) cannot be a Google credentials file. */
export function checkCredentialsJson(json: string, setting: string): void {
    let key: unknown;
    try {
        key = JSON.parse(json);
    } catch {
        // JSON.parse's own message quotes the text around the error: never pass it on.
        throw new ConfigurationError(setting, `${setting} is not valid JSON; set it to the whole key file's content: ${SET_KEY}`);
    }
    if (key === null || typeof key !== "object" || Array.isArray(key)) {
        throw new ConfigurationError(setting, `${setting} is JSON but not a key file (an object with a "type"); ${SET_KEY}`);
    }
    const type = (key as Record<string, unknown>).type;
    const required = typeof type === "string" && Object.hasOwn(REQUIRED_FIELDS, type) ? REQUIRED_FIELDS[type] : undefined;
    if (!required) {
        throw new ConfigurationError(setting, `${setting} has no "type" of ${Object.keys(REQUIRED_FIELDS).join(", ")}; ${SET_KEY}`);
    }
    const missing = required.filter((field) => {
        const value = (key as Record<string, unknown>)[field];
        return value === undefined || value === null || value === "";
    });
    if (missing.length > 0) {
        throw new ConfigurationError(setting, `${setting} is a ${type} key without ${missing.map((f) => `"${f}"`).join(", ")}; ${SET_KEY}`);
    }
    const privateKey = (key as Record<string, unknown>).private_key;
    if (type === "service_account" && (typeof privateKey !== "string" || !privateKey.includes("PRIVATE KEY-----"))) {
        throw new ConfigurationError(
            setting,
            `${setting} has a "private_key" that is not a PEM private key; use the key file as downloaded: ${SET_KEY}`,
        );
    }
}

/** Throws when `token` (the value of `setting`) cannot go into an Authorization header. */
export function checkAccessToken(token: string, setting: string): void {
    if (/^bearer\s/i.test(token))
        throw new ConfigurationError(setting, `${setting} starts with "Bearer "; set the token alone, without the scheme`);
    // RFC 6750 b64token characters; anything else (spaces, line breaks, non-ASCII) would make the
    // HTTP client refuse the header, and its message would quote the token.
    if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) {
        throw new ConfigurationError(
            setting,
            `${setting} holds characters an OAuth access token cannot have (spaces, line breaks or non-ASCII); set the token as printed by gcloud auth print-access-token`,
        );
    }
}
