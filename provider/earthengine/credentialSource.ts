import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as gcpMetadata from "gcp-metadata";
import { ConfigurationError } from "./configurationError";
import type { ProviderSettings } from "./settings";

type Env = Record<string, string | undefined>;

/** Every way in, for the one message a run without credentials gets. */
export const NO_CREDENTIALS =
    "No Google credentials found for Earth Engine. Give one of: earthengine:credentials (a service-account key: pulumi config set --secret earthengine:credentials < key.json); " +
    "earthengine:accessToken or GOOGLE_OAUTH_ACCESS_TOKEN (a ready OAuth token); Application Default Credentials (gcloud auth application-default login, or GOOGLE_APPLICATION_CREDENTIALS=/path/to/key.json, or a GCE/Cloud Run metadata server). " +
    "For the local emulator: EARTHENGINE_ENDPOINT=<emulator url> GOOGLE_OAUTH_ACCESS_TOKEN=anything.";

/**
 * The same problem told again, in a run that has told it in full once: its first sentence and the
 * main ways in, bounded, so thousands of failing resources do not each print the whole list.
 */
export function repeatedCredentialProblem(problem: ConfigurationError): ConfigurationError {
    const firstSentence = /^[\s\S]*?\.(?=\s|$)/.exec(problem.message)?.[0] ?? problem.message;
    return new ConfigurationError(
        problem.setting,
        `${firstSentence} Give earthengine:credentials, earthengine:accessToken or GOOGLE_OAUTH_ACCESS_TOKEN, or Application Default Credentials (gcloud auth application-default login); every way in is listed once in this run's output and in the README's Configuration.`,
    );
}

/** gcloud's Application Default Credentials file, where google-auth-library looks for it. */
export function wellKnownCredentialsFile(env: Env = process.env): string {
    if (env.CLOUDSDK_CONFIG) return path.join(env.CLOUDSDK_CONFIG, "application_default_credentials.json");
    const base = process.platform === "win32" ? (env.APPDATA ?? os.homedir()) : path.join(os.homedir(), ".config");
    return path.join(base, "gcloud", "application_default_credentials.json");
}

/**
 * Why `up` would find no credentials (the error to throw), told at preview without calling Earth Engine (or Google's
 * token endpoint): undefined when a setting, GOOGLE_APPLICATION_CREDENTIALS, gcloud's file or a
 * metadata server (as google-auth-library finds it; GCE_METADATA_HOST and
 * METADATA_SERVER_DETECTION apply) will supply them. Whether they are accepted is Google's answer.
 */
export async function missingCredentials(settings: ProviderSettings, env: Env = process.env): Promise<ConfigurationError | undefined> {
    if (settings.accessToken || settings.credentials) return undefined;
    const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
    if (keyFile) {
        return fs.existsSync(keyFile)
            ? undefined
            : new ConfigurationError(
                  "GOOGLE_APPLICATION_CREDENTIALS",
                  `GOOGLE_APPLICATION_CREDENTIALS names ${JSON.stringify(keyFile)}, which does not exist; point it at a service-account key file, or unset it. ${NO_CREDENTIALS}`,
              );
    }
    if (fs.existsSync(wellKnownCredentialsFile(env))) return undefined;
    return (await metadataServerAvailable()) ? undefined : new ConfigurationError("earthengine:credentials", NO_CREDENTIALS);
}

/**
 * gcp-metadata's own probe, without its MetadataLookupWarning: an unreachable metadata server is
 * the expected answer off Google Cloud, and the missing credentials get one message of their own.
 */
async function metadataServerAvailable(): Promise<boolean> {
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
        const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
        if (type !== "MetadataLookupWarning") (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    try {
        // Loaded on first use: only a run without credentials asks the metadata server.
        const { isAvailable } = require("gcp-metadata") as typeof gcpMetadata;
        return await isAvailable();
    } catch {
        return false;
    } finally {
        process.emitWarning = emitWarning;
    }
}
