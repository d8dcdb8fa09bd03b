import { createHash } from "node:crypto";
import type * as googleAuth from "google-auth-library";
import { ConfigurationError } from "./configurationError";
import type { ProviderSettings } from "./settings";

export const EARTHENGINE_SCOPES = ["https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform"];

export interface AuthHeaders {
    authorization: string;
    /** The quota project that ADC names (gcloud's quota_project_id), if any. */
    quotaProject?: string;
}

/** Supplies the Authorization header for each request; refreshes tokens as needed. */
export interface AuthSource {
    /** How the credentials were found, for error messages (never the secret itself). */
    readonly description: string;
    headers(): Promise<AuthHeaders>;
}

// One client (and token cache) per distinct credential set per process: many resources run
// concurrently in one provider process and must not each fetch a token.
const cache = new Map<string, AuthSource>();

export function authSourceFor(settings: ProviderSettings): AuthSource {
    const key = createHash("sha256")
        .update(JSON.stringify([settings.accessToken, settings.credentials, settings.impersonateServiceAccount]))
        .digest("hex");
    let source = cache.get(key);
    if (!source) {
        source = createAuthSource(settings);
        cache.set(key, source);
    }
    return source;
}

function createAuthSource(settings: ProviderSettings): AuthSource {
    if (settings.accessToken) {
        const authorization = `Bearer ${settings.accessToken}`;
        return { description: "a static access token", headers: async () => ({ authorization }) };
    }
    // Loaded only for the credentials that need it: google-auth-library costs about 0.1 CPU-second
    // at every provider start (each engine command), and a static token needs none of it.
    const { GoogleAuth, Impersonated } = require("google-auth-library") as typeof googleAuth;
    const auth = new GoogleAuth({
        scopes: EARTHENGINE_SCOPES,
        credentials: settings.credentials ? parseKey(settings.credentials) : undefined,
        // Known, it spares google-auth-library's project lookup, which runs `gcloud config
        // config-helper` (seconds) when gcloud is installed and no project variable is set.
        projectId: settings.project,
    });
    const ambient = settings.credentials ? "the service-account key in earthengine:credentials" : "Application Default Credentials";
    if (settings.impersonateServiceAccount) {
        const target = settings.impersonateServiceAccount;
        let impersonated: Promise<googleAuth.Impersonated> | undefined;
        return fromClient(`${ambient} impersonating ${target}`, () => {
            impersonated ??= auth
                .getClient()
                .then(
                    (sourceClient) =>
                        new Impersonated({ sourceClient, targetPrincipal: target, targetScopes: EARTHENGINE_SCOPES, lifetime: 3600 }),
                );
            return impersonated;
        });
    }
    return fromClient(ambient, () => auth.getClient());
}

function fromClient(description: string, client: () => Promise<{ getRequestHeaders(): Promise<Headers> }>): AuthSource {
    return {
        description,
        async headers() {
            const headers = await (await client()).getRequestHeaders();
            const authorization = headers.get("authorization");
            if (!authorization) throw new Error(`no access token from ${description}`);
            return { authorization, quotaProject: headers.get("x-goog-user-project") ?? undefined };
        },
    };
}

function parseKey(json: string): Record<string, string> {
    try {
        return JSON.parse(json) as Record<string, string>;
    } catch {
        // Never echo the value: it is a secret.
        throw new ConfigurationError(
            "earthengine:credentials",
            "earthengine:credentials is not valid JSON; set it to the service-account key file's content: pulumi config set --secret earthengine:credentials < key.json",
        );
    }
}
