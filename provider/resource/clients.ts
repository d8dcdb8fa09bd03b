import { type ConfigValues, configValuesFrom, EarthEngineClient, resolveSettings } from "../earthengine";

// Process-wide: the engine configures each deserialized provider once per process, and every
// resource of the stack shares the same `earthengine:*` config. No per-call state lives here.
let configured: ConfigValues = {};
const clients = new Map<string, EarthEngineClient>();

/** Stores the stack's `earthengine:*` config; throws when it is invalid. */
export function configureClients(config: { get(key: string): string | undefined }): void {
    // Kept even when invalid: every later call then fails with the same message instead of
    // silently falling back to the environment (the host caches a provider whose configure threw).
    configured = configValuesFrom(config);
    clients.clear();
    resolveSettings(configured);
}

/** A client for the resource's consumer project (its `project` input, else the configured default). */
export function clientFor(project: string | undefined): EarthEngineClient {
    const settings = resolveSettings(configured);
    const userProject = project ?? settings.project;
    const key = JSON.stringify([settings, userProject]);
    let client = clients.get(key);
    if (!client) {
        client = EarthEngineClient.fromSettings(settings, userProject);
        clients.set(key, client);
    }
    return client;
}
