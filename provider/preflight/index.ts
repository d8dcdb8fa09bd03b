import { type CloudStorageReader, createCloudStorageReader } from "../cloudStorage/client";
import { type CloudStorageSettings, cloudStorageConfigFrom, resolveCloudStorageSettings } from "../cloudStorage/settings";
import { authSourceFor } from "../earthengine/auth";
import { DEFAULT_ENDPOINT, type ProviderSettings } from "../earthengine/settings";
import type { ImageManifest } from "../manifest";
import { isObject } from "../values/compare";
import type { CheckFailure } from "../values/failures";
import { warn } from "./engineWarnings";
import { createPreflight, type Preflight } from "./preflight";

export { setWarningSink } from "./engineWarnings";
export { HEADER_WARNING_BYTES } from "./rules";

/** One manifest of a resource for preflight: its path root in the inputs and the stored manifest it replaces. */
export interface PreflightTarget {
    root: string;
    manifest: unknown;
    previous?: unknown;
}

// Process-wide, like the Earth Engine clients: one configuration per provider process.
let current: { settings: CloudStorageSettings; preflight: Preflight; reader: () => CloudStorageReader | undefined } | undefined;

/**
 * Preflight runs when the provider was configured (by the engine, or a test) and reads either
 * Google's Cloud Storage (with Google's Earth Engine) or the configured Cloud Storage endpoint.
 * Reads `earthengine:cloudStorageEndpoint` and `earthengine:preflight` (see
 * cloudStorage/settings.ts). Preflight reads Cloud Storage with the provider's own credentials
 * (the Earth Engine credential settings; their scopes include cloud-platform); a static
 * `accessToken` scoped to Earth Engine alone cannot read Cloud Storage, which preflight reports as
 * one warning and skips.
 */
export function configurePreflight(config: { get(key: string): string | undefined }, provider?: ProviderSettings): void {
    current = undefined;
    const settings = resolveCloudStorageSettings(cloudStorageConfigFrom(config));
    // Against an Earth Engine emulator there is no Cloud Storage to check unless a stand-in's endpoint is set.
    const emulated = provider !== undefined && provider.endpoint !== DEFAULT_ENDPOINT && settings.endpoint === undefined;
    let reader: CloudStorageReader | undefined;
    current = {
        settings: emulated ? { ...settings, preflight: "off" } : settings,
        preflight: preflightFor(settings, provider),
        reader: () => {
            if (emulated) return undefined;
            reader ??= readerFor(settings, provider);
            return reader;
        },
    };
}

function readerFor(settings: CloudStorageSettings, provider: ProviderSettings | undefined): CloudStorageReader {
    return createCloudStorageReader({
        endpoint: settings.endpoint,
        auth: provider && !settings.endpoint ? authSourceFor(provider) : undefined,
        projectId: provider?.project,
    });
}

/**
 * The Cloud Storage reader of source drift (the generations of an image's files), whatever the
 * preflight mode; undefined before configuration and against an Earth Engine emulator without a
 * Cloud Storage endpoint.
 */
export function sourceStorage(): CloudStorageReader | undefined {
    return current?.reader();
}

function preflightFor(settings: CloudStorageSettings, provider: ProviderSettings | undefined): Preflight {
    let preflight: Preflight | undefined;
    // The client is made on the first check that needs it.
    const made = () => {
        preflight ??= createPreflight({ reader: readerFor(settings, provider), unchecked: warn });
        return preflight;
    };
    return { check: (root, manifest, previous) => made().check(root, manifest, previous) };
}

/**
 * Runs preflight on the resource's manifests: in `error` mode its failures come back as `check`
 * failures and its warnings go to the engine; in `warn` mode everything is a warning; `off` makes
 * no call. `resource` names the resource in warnings (the engine does not say which one).
 */
export async function runPreflight(resource: string, targets: PreflightTarget[]): Promise<CheckFailure[]> {
    // Not configured: not run by the engine (which configures every provider process first).
    if (current === undefined || current.settings.preflight === "off" || targets.length === 0) return [];
    const { settings, preflight } = current;
    const findings = (
        await Promise.all(
            targets
                .filter((target) => isObject(target.manifest))
                .map((target) =>
                    preflight.check(
                        target.root,
                        target.manifest as ImageManifest,
                        isObject(target.previous) ? (target.previous as ImageManifest) : undefined,
                    ),
                ),
        )
    ).flat();
    const failures: CheckFailure[] = [];
    for (const finding of findings) {
        if (finding.severity === "failure" && settings.preflight === "error") {
            failures.push({ property: finding.property, reason: finding.message });
        } else {
            await warn(`${resource}: ${finding.property}: ${finding.message}`);
        }
    }
    return failures;
}
