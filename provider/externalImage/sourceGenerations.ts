import { type CloudStorageReader, CloudStorageUnavailableError } from "../cloudStorage/client";
import type { ImageManifest } from "../manifest";
import { splitGcsUri } from "../manifest/cloudStorage";
import { sourceStorage } from "../preflight";

/** URI → object generation (see the `sourceGenerations` output). */
export type Generations = Record<string, string>;

type Source = { uri: string; bucket: string; object: string };

/** The manifest's unpinned `gs://` sources, `uriPrefix` applied. */
function unpinnedSources(manifest: ImageManifest): Source[] {
    const uris = (manifest.tilesets ?? []).map((tileset) => `${manifest.uriPrefix ?? ""}${tileset.sources?.[0]?.uris?.[0] ?? ""}`);
    return [...new Set(uris)].flatMap((uri) => {
        const parts = splitGcsUri(uri);
        return parts && !/#\d+$/.test(uri) ? [{ uri, ...parts }] : [];
    });
}

/**
 * Runs `read` against the source reader; undefined when Cloud Storage cannot be read (not
 * configured, no permission, unreachable): drift is then not tracked, never guessed. Every read
 * settles before the answer, so none is left running.
 */
async function withStorage<T>(read: (storage: CloudStorageReader) => Promise<PromiseSettledResult<unknown>[]>, answer: () => T) {
    const storage = sourceStorage();
    if (!storage) return undefined;
    const failed = (await read(storage)).find((result) => result.status === "rejected");
    if (failed === undefined) return answer();
    if (failed.reason instanceof CloudStorageUnavailableError) return undefined;
    throw failed.reason;
}

/**
 * The live generation of each unpinned source, one metadata read each, or undefined when Cloud
 * Storage cannot be read. A missing object is left out (the next import reports it in Earth
 * Engine's words).
 */
export async function liveGenerations(manifest: ImageManifest): Promise<Generations | undefined> {
    const found: Generations = {};
    return withStorage(
        (storage) =>
            Promise.allSettled(
                unpinnedSources(manifest).map(async ({ uri, bucket, object }) => {
                    const info = await storage.objectInfo(bucket, object);
                    if (info) found[uri] = info.generation;
                }),
            ),
        () => found,
    );
}

/**
 * The live generations of many images' unpinned sources, by image key (batch mode): one object
 * listing per folder (a bucket and an object name up to its last `/`) holding two or more of
 * the sources, a metadata read for a folder holding one; never one request per image. Undefined
 * when Cloud Storage cannot be read; a missing object is left out.
 */
export async function liveGenerationsByKey(manifests: Record<string, ImageManifest>): Promise<Record<string, Generations> | undefined> {
    const sources = Object.entries(manifests).map(([key, manifest]) => [key, unpinnedSources(manifest)] as const);
    const folders = new Map<string, { bucket: string; folder: string; objects: Set<string> }>();
    for (const [, list] of sources) {
        for (const { bucket, object } of list) {
            const folder = object.slice(0, object.lastIndexOf("/") + 1);
            const id = `${bucket}/${folder}`;
            const entry = folders.get(id) ?? { bucket, folder, objects: new Set<string>() };
            folders.set(id, entry);
            entry.objects.add(object);
        }
    }
    const found = new Map<string, string>(); // `bucket/object` → generation
    return withStorage(
        (storage) =>
            Promise.allSettled(
                [...folders.values()].map(async ({ bucket, folder, objects }) => {
                    if (objects.size === 1) {
                        const [object] = objects;
                        const info = await storage.objectInfo(bucket, object);
                        if (info) found.set(`${bucket}/${object}`, info.generation);
                        return;
                    }
                    const listed = await storage.listGenerations(bucket, folder);
                    for (const object of objects) {
                        const generation = listed.get(object);
                        if (generation !== undefined) found.set(`${bucket}/${object}`, generation);
                    }
                }),
            ),
        () =>
            Object.fromEntries(
                sources.map(([key, list]) => [
                    key,
                    Object.fromEntries(
                        list.flatMap(({ uri, bucket, object }) => {
                            const generation = found.get(`${bucket}/${object}`);
                            return generation === undefined ? [] : [[uri, generation]];
                        }),
                    ),
                ]),
            ),
    );
}
