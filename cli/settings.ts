import { type Command, Option } from "commander";
import {
    CONFIG_KEYS,
    type ConfigKey,
    ConfigurationError,
    type ConfigValues,
    type ProviderSettings,
    resolveSettings,
} from "../provider/earthengine";

/**
 * Outside a Pulumi program there is no stack config: the command reads the provider's settings
 * from the same environment variables, and from flags named after the config keys
 * (`earthengine:maxConcurrentRequests` is `--max-concurrent-requests`). A flag wins over the
 * environment, as config does. Secrets (`credentials`, `accessToken`) have no flag: a command line
 * is visible to every user of the machine; they come from the environment or ADC.
 */
const SECRET_KEYS: readonly ConfigKey[] = ["credentials", "accessToken"];

/** The config keys that have a flag. */
export const FLAG_KEYS = CONFIG_KEYS.filter((key) => !SECRET_KEYS.includes(key));

const HELP: Partial<Record<ConfigKey, string>> = {
    project: "consumer (quota) project, as earthengine:project (env EARTHENGINE_PROJECT, GOOGLE_CLOUD_PROJECT)",
    endpoint: "Earth Engine API root, as earthengine:endpoint (env EARTHENGINE_ENDPOINT; http only on loopback)",
    apiVersion: "v1alpha (default), v1beta or v1, as earthengine:apiVersion",
    impersonateServiceAccount: "service account to impersonate with the ambient credentials",
    maxRetries: "retries after the first attempt, 0-100 (default 10)",
    requestTimeout: "seconds one attempt may take (default 60)",
    operationTimeout: "seconds one call may take, retries included (default 600)",
    maxConcurrentRequests: "requests in flight, 1-1000 (default 20)",
    maxRequestsPerSecond: "requests started per second, 1-10000 (default 50)",
};

/** `maxConcurrentRequests` → `--max-concurrent-requests`. */
export function flagOf(key: ConfigKey): string {
    return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Adds one `--<key> <value>` option per config key that has a flag. */
export function addSettingsOptions(command: Command): Command {
    for (const key of FLAG_KEYS) command.addOption(new Option(`${flagOf(key)} <value>`, HELP[key] ?? `as earthengine:${key}`));
    return command;
}

/** The config values the flags set (commander names them in camelCase, as the config keys). */
export function configValuesOf(options: Record<string, unknown>): ConfigValues {
    const out: ConfigValues = {};
    for (const key of FLAG_KEYS) if (typeof options[key] === "string") out[key] = options[key] as string;
    return out;
}

/** The provider's settings from the flags and `env`; an invalid value is reported under its flag's name. */
export function settingsFrom(config: ConfigValues, env: Record<string, string | undefined> = process.env): ProviderSettings {
    try {
        return resolveSettings(config, env);
    } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        const message = error.message.replace(/earthengine:([A-Za-z]+)/g, (whole, key: string) =>
            FLAG_KEYS.includes(key as ConfigKey) && config[key as ConfigKey] !== undefined ? flagOf(key as ConfigKey) : whole,
        );
        const setting = error.setting.replace(/^earthengine:([A-Za-z]+)$/, (whole, key: string) =>
            config[key as ConfigKey] !== undefined ? flagOf(key as ConfigKey) : whole,
        );
        throw new ConfigurationError(setting, message);
    }
}
