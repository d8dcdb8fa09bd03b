import { configValuesFrom, EarthEngineClient, type ProviderSettings, resolveSettings } from "../earthengine";
import { missingCredentials } from "../earthengine/credentialSource";
import { configurePreflight } from "../preflight";

// Process-wide: the engine configures each deserialized provider once per process, and every
// resource of the stack shares the same `earthengine:*` config. Settings are resolved once per
// configuration (an invalid one is kept as its error, so every later call fails with it), and
// one client per consumer project is kept for the process: no per-call resolution or cache key.
let settings: ProviderSettings | Error | undefined;
const clients = new Map<string | undefined, EarthEngineClient>();

/** Resolves the stack's `earthengine:*` config once; throws when it is invalid. */
export function configureClients(config: { get(key: string): string | undefined }): void {
    // Kept even when invalid: every later call then fails with the same message instead of
    // silently falling back to the environment (the host caches a provider whose configure threw).
    clients.clear();
    settings = undefined;
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
 * ways in, before any Earth Engine call. Once per configuration.
 */
export async function requireCredentialSource(): Promise<void> {
    const problem = await missingCredentials(resolved());
    if (problem !== undefined) throw problem;
}
