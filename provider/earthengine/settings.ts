import { ConfigurationError } from "./configurationError";
import { checkAccessToken, checkCredentialsJson } from "./credentials";
import { isLoopback } from "./loopback";
import { RELIABILITY_KEYS, type ReliabilitySettings, reliabilityFrom } from "./reliability";
import { API_VERSIONS, type ApiVersion } from "./types";

/**
 * How the provider reaches Earth Engine. Stack config (`earthengine:*`) wins over the
 * environment: any credential setting in config (`credentials`, `accessToken`,
 * `impersonateServiceAccount`) makes the provider ignore the credential environment variables. Credentials live here only, at call time: never in inputs or state.
 */
export interface ProviderSettings {
    /** `https://earthengine.googleapis.com` unless overridden (the emulator uses loopback http). */
    endpoint: string;
    apiVersion: ApiVersion;
    /** Default consumer (quota) project. */
    project?: string;
    /** Service-account key JSON (a secret). */
    credentials?: string;
    /** A ready OAuth access token (a secret). */
    accessToken?: string;
    /** Service account to impersonate with the ambient credentials. */
    impersonateServiceAccount?: string;
    /** Retries, timeouts and request limits (see reliability.ts). */
    reliability: ReliabilitySettings;
}

/** Config keys the provider reads, each `earthengine:<key>`. */
export const CONFIG_KEYS = [
    "project",
    "endpoint",
    "apiVersion",
    "credentials",
    "accessToken",
    "impersonateServiceAccount",
    ...RELIABILITY_KEYS,
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];
export type ConfigValues = Partial<Record<ConfigKey, string>>;

export { isLoopback } from "./loopback";

export const DEFAULT_ENDPOINT = "https://earthengine.googleapis.com";
export const DEFAULT_API_VERSION: ApiVersion = "v1alpha";

type Env = Record<string, string | undefined>;

const first = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v.trim() !== "")?.trim();

export function resolveSettings(config: ConfigValues, env: Env = process.env): ProviderSettings {
    const endpoint = first(config.endpoint, env.EARTHENGINE_ENDPOINT) ?? DEFAULT_ENDPOINT;
    checkEndpoint(endpoint);
    const apiVersion = first(config.apiVersion, env.EARTHENGINE_API_VERSION) ?? DEFAULT_API_VERSION;
    if (!API_VERSIONS.includes(apiVersion as ApiVersion)) {
        throw new ConfigurationError(
            "earthengine:apiVersion",
            `earthengine:apiVersion "${apiVersion}" is not supported; use one of ${API_VERSIONS.join(", ")}`,
        );
    }
    return {
        endpoint: endpoint.replace(/\/+$/, ""),
        apiVersion: apiVersion as ApiVersion,
        project: first(config.project, env.EARTHENGINE_PROJECT, env.GOOGLE_CLOUD_PROJECT, env.GCLOUD_PROJECT, env.CLOUDSDK_CORE_PROJECT),
        ...resolveCredentials(config, env),
        reliability: reliabilityFrom(config),
    };
}

/** The credential settings, checked: config as a whole wins over the environment as a whole. */
function resolveCredentials(
    config: ConfigValues,
    env: Env,
): Pick<ProviderSettings, "credentials" | "accessToken" | "impersonateServiceAccount"> {
    const fromConfig = {
        credentials: first(config.credentials),
        accessToken: first(config.accessToken),
        impersonateServiceAccount: first(config.impersonateServiceAccount),
    };
    if (fromConfig.credentials) checkCredentialsJson(fromConfig.credentials, "earthengine:credentials");
    if (fromConfig.accessToken) checkAccessToken(fromConfig.accessToken, "earthengine:accessToken");
    if (fromConfig.credentials || fromConfig.accessToken || fromConfig.impersonateServiceAccount) return fromConfig;
    const accessToken = first(env.GOOGLE_OAUTH_ACCESS_TOKEN);
    if (accessToken) checkAccessToken(accessToken, "GOOGLE_OAUTH_ACCESS_TOKEN");
    return { accessToken, impersonateServiceAccount: first(env.CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT) };
}

/** Plain http would send bearer tokens in clear text; only a local emulator may use it. */
export function checkEndpoint(endpoint: string): void {
    let url: URL;
    try {
        url = new URL(endpoint);
    } catch {
        throw new ConfigurationError(
            "earthengine:endpoint",
            `earthengine:endpoint "${endpoint}" is not a URL; use https://earthengine.googleapis.com or an emulator's http://127.0.0.1:PORT`,
        );
    }
    if (url.protocol === "https:") return;
    if (url.protocol === "http:" && isLoopback(url.hostname)) return;
    throw new ConfigurationError(
        "earthengine:endpoint",
        `earthengine:endpoint "${endpoint}" must use https:// (plain http:// is accepted only on loopback, for the emulator)`,
    );
}

/** Reads `earthengine:*` keys from a Pulumi dynamic-provider config. */
export function configValuesFrom(config: { get(key: string): string | undefined }): ConfigValues {
    return earthengineConfig(config, CONFIG_KEYS);
}

/** Reads the given `earthengine:<key>` keys (those set) from a Pulumi dynamic-provider config. */
export function earthengineConfig<K extends string>(
    config: { get(key: string): string | undefined },
    keys: readonly K[],
): Partial<Record<K, string>> {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
        const value = config.get(`earthengine:${key}`);
        if (value !== undefined) out[key] = value;
    }
    return out;
}
