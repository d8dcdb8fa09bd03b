import { CloudStorageUnavailableError } from "../cloudStorage/client";
import type { ImageManifest } from "../manifest";
import { splitGcsUri } from "../manifest/cloudStorage";
import { sourceStorage } from "../preflight";

/** URI → object generation (see the `sourceGenerations` output). */
export type Generations = Record<string, string>;

/** The manifest's unpinned `gs://` source URIs, `uriPrefix` applied. */
function unpinnedSources(manifest: ImageManifest): string[] {
    const uris = (manifest.tilesets ?? []).map((tileset) => `${manifest.uriPrefix ?? ""}${tileset.sources?.[0]?.uris?.[0] ?? ""}`);
    return [...new Set(uris.filter((uri) => splitGcsUri(uri) !== undefined && !/#\d+$/.test(uri)))];
}

/**
 * The live generation of each unpinned source, or undefined when Cloud Storage cannot be read
 * (not configured, no permission, unreachable): drift is then not tracked, never guessed. A
 * missing object is left out (the next import reports it in Earth Engine's words).
 */
export async function liveGenerations(manifest: ImageManifest): Promise<Generations | undefined> {
    const storage = sourceStorage();
    if (!storage) return undefined;
    try {
        const entries = await Promise.all(
            unpinnedSources(manifest).map(async (uri) => {
                const parts = splitGcsUri(uri) as { bucket: string; object: string };
                const info = await storage.objectInfo(parts.bucket, parts.object);
                return info ? ([uri, info.generation] as const) : undefined;
            }),
        );
        return Object.fromEntries(entries.filter((entry) => entry !== undefined));
    } catch (error) {
        if (error instanceof CloudStorageUnavailableError) return undefined;
        throw error;
    }
}
