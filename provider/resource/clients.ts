import { configValuesFrom, EarthEngineClient, type ProviderSettings, resolveSettings } from "../earthengine";
import type { ConfigurationError } from "../earthengine/configurationError";
import { missingCredentials, repeatedCredentialProblem } from "../earthengine/credentialSource";
import { configurePreflight } from "../preflight";

// Process-wide: the engine configures each deserialized provider once per process, and every
// resource of the stack shares the same `earthengine:*` config. Settings are resolved once per
// configuration (an invalid one is kept as its error, so every later call fails with it), and
// one client per consumer project is kept for the process: no per-call resolution or cache key.
let settings: ProviderSettings | Error | undefined;
const clients = new Map<string | undefined, EarthEngineClient>();
// Whether `up` would find credentials, found out once per process for what decides it (each kind
// configures its own provider with the same config), and how often the answer was told.
// Only for a configured provider (the engine always configures; a provider used directly need not).
let configured = false;
let credentialLookup: { key: string; problem: Promise<ConfigurationError | undefined>; told: number } | undefined;

/** Resolves the stack's `earthengine:*` config once; throws when it is invalid. */
export function configureClients(config: { get(key: string): string | undefined }): void {
    // Kept even when invalid: every later call then fails with the same message instead of
    // silently falling back to the environment (the host caches a provider whose configure threw).
    clients.clear();
    settings = undefined;
    configured = true;
    try {
        settings = resolveSettings(configValuesFrom(config));
        configurePreflight(config, settings);
    } catch (error) {
        settings = error instanceof Error ? error : new Error(String(error));
        throw settings;
    }
}

function resolved(): ProviderSettings {
    if (settings === undefined) {
        try {
            settings = resolveSettings({});
        } catch (error) {
            settings = error instanceof Error ? error : new Error(String(error));
        }
    }
    if (settings instanceof Error) throw settings;
    return settings;
}

/** A client for the resource's consumer project (its `project` input, else the configured default). */
export function clientFor(project: string | undefined): EarthEngineClient {
    let client = clients.get(project);
    if (!client) {
        const current = resolved();
        client = EarthEngineClient.fromSettings(current, project ?? current.project);
        clients.set(project, client);
    }
    return client;
}

/**
 * Fails when `up` would find no credentials (see missingCredentials), so preview says so with the
 * ways in, before any Earth Engine call. Looked up once per configuration; every call of every
 * kind then fails with it (never with google-auth-library's generic words), the first with every
 * way in and the rest briefly, so a refresh of thousands of resources prints the long list once.
 */
export async function requireCredentialSource(): Promise<void> {
    if (!configured) return;
    const current = resolved();
    const key = credentialLookupKey(current);
    if (credentialLookup?.key !== key) credentialLookup = { key, problem: missingCredentials(current), told: 0 };
    const lookup = credentialLookup;
    const problem = await lookup.problem;
    if (problem === undefined) return;
    lookup.told++;
    throw lookup.told === 1 ? problem : repeatedCredentialProblem(problem);
}

/** What missingCredentials' answer depends on: whether settings hold credentials, and where ADC looks. */
function credentialLookupKey(current: ProviderSettings, env = process.env): string {
    const adc = [
        "GOOGLE_APPLICATION_CREDENTIALS",
        "CLOUDSDK_CONFIG",
        "HOME",
        "APPDATA",
        "GCE_METADATA_HOST",
        "GCE_METADATA_IP",
        "METADATA_SERVER_DETECTION",
    ];
    return JSON.stringify([Boolean(current.accessToken || current.credentials), ...adc.map((name) => env[name] ?? null)]);
}
