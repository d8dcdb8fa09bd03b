import { ConfigurationError } from "../earthengine/configurationError";
import { earthengineConfig, isLoopback } from "../earthengine/settings";

/**
 * How the provider reaches Cloud Storage for preflight (provider/preflight/), and whether it runs.
 *
 * - `earthengine:cloudStorageEndpoint` (else `EARTHENGINE_CLOUD_STORAGE_ENDPOINT`): the JSON API's
 *   base URL, `https://storage.googleapis.com` by default; plain `http://` only on loopback (a
 *   stand-in such as fake-gcs-server). It wins over `STORAGE_EMULATOR_HOST`, which Pulumi's gs://
 *   state backend reads as `http://host:port` and @google-cloud/storage 7 as `https://host:port`,
 *   so one value cannot serve both in one process tree.
 * - `earthengine:preflight` (else `EARTHENGINE_PREFLIGHT`): `error` (default) fails `check` on a
 *   definite problem, `warn` shows it as a warning, `off` makes no Cloud Storage call.
 */
export interface CloudStorageSettings {
    /** Undefined: the client's own default (Google's endpoint, or `STORAGE_EMULATOR_HOST`). */
    endpoint: string | undefined;
    preflight: PreflightMode;
}

export const PREFLIGHT_MODES = ["error", "warn", "off"] as const;
export type PreflightMode = (typeof PREFLIGHT_MODES)[number];

export const CLOUD_STORAGE_CONFIG_KEYS = ["cloudStorageEndpoint", "preflight"] as const;
export type CloudStorageConfig = Partial<Record<(typeof CLOUD_STORAGE_CONFIG_KEYS)[number], string>>;

type Env = Record<string, string | undefined>;
const first = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v.trim() !== "")?.trim();

export function resolveCloudStorageSettings(config: CloudStorageConfig, env: Env = process.env): CloudStorageSettings {
    const fromConfig = first(config.cloudStorageEndpoint);
    const endpoint = fromConfig ?? first(env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT);
    if (endpoint !== undefined)
        checkStorageEndpoint(endpoint, fromConfig ? "earthengine:cloudStorageEndpoint" : "EARTHENGINE_CLOUD_STORAGE_ENDPOINT");
    const preflight = (first(config.preflight, env.EARTHENGINE_PREFLIGHT) ?? "error").toLowerCase();
    if (!(PREFLIGHT_MODES as readonly string[]).includes(preflight)) {
        throw new ConfigurationError(
            "earthengine:preflight",
            `earthengine:preflight "${preflight}" is not one of ${PREFLIGHT_MODES.join(", ")} (default error)`,
        );
    }
    return { endpoint: endpoint?.replace(/\/+$/, ""), preflight: preflight as PreflightMode };
}

/** Reads the `earthengine:*` keys above from a Pulumi dynamic-provider config. */
export function cloudStorageConfigFrom(config: { get(key: string): string | undefined }): CloudStorageConfig {
    return earthengineConfig(config, CLOUD_STORAGE_CONFIG_KEYS);
}

/** `setting`: where the endpoint was given, as the user wrote it (the config key or the variable). */
function checkStorageEndpoint(endpoint: string, setting: string): void {
    let url: URL;
    try {
        url = new URL(endpoint);
    } catch {
        throw new ConfigurationError(
            setting,
            `${setting} "${endpoint}" is not a URL; use https://storage.googleapis.com or a stand-in's http://127.0.0.1:PORT`,
        );
    }
    if (url.protocol === "https:") return;
    if (url.protocol === "http:" && isLoopback(url.hostname)) return;
    throw new ConfigurationError(setting, `${setting} "${endpoint}" must use https:// (plain http:// only on loopback, for a stand-in)`);
}
