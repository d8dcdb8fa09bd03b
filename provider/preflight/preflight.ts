import { type BucketLocation, type CloudStorageReader, CloudStorageUnavailableError, type ObjectHead } from "../cloudStorage/client";
import type { ImageManifest } from "../manifest";
import { splitGcsUri } from "../manifest/cloudStorage";
import { containsUnknown } from "../values/unknown";
import { FIRST_READ_BYTES, NotTiffError, readTiffFacts, type TiffFacts } from "./header";
import { bucketLocationFinding, type Finding, headerFindings, missingObjectFinding, notTiffFinding } from "./rules";

/**
 * Preflight: the checks Earth Engine would make at `importExternal`, made at `check` (so at
 * preview) against Cloud Storage, on the tilesets that are new or changed against the stored
 * inputs. Definite problems are findings; what cannot be checked (no permission, unreachable)
 * is reported once per process through `unchecked` and never fails.
 */
export interface Preflight {
    /** Findings for `manifest` (its paths under `root`), skipping tilesets equal to one of `previous`. */
    check(root: string, manifest: ImageManifest, previous?: ImageManifest): Promise<Finding[]>;
}

export interface PreflightOptions {
    reader: CloudStorageReader;
    /** Called once per Preflight for the first thing it could not check. */
    unchecked(message: string): Promise<void> | void;
}

type Parsed = { facts: TiffFacts } | { notTiff: string };

export function createPreflight({ reader, unchecked }: PreflightOptions): Preflight {
    // Per object generation: a generation's bytes never change, so one parse serves the process.
    const headers = new Map<string, Promise<Parsed>>();
    const buckets = new Map<string, Promise<BucketLocation>>();
    let reported = false;
    // What could not be read is not asked again this run: a bucket that refused us, or all of Cloud Storage when unreachable.
    const refused = new Set<string>();
    let unreachable = false;

    const header = (bucket: string, object: string, head: ObjectHead) => {
        const { generation, size, bytes } = head;
        const key = `${bucket}/${object}#${generation}`;
        let parsed = headers.get(key);
        if (!parsed) {
            parsed = readTiffFacts((offset, length) => reader.readRange(bucket, object, generation, offset, length), size, bytes).then(
                (facts): Parsed => ({ facts }),
                (error) => {
                    if (error instanceof NotTiffError) return { notTiff: error.message };
                    throw error;
                },
            );
            // A failed read is not a fact about the generation: the next check asks again.
            parsed.catch(() => headers.delete(key));
            headers.set(key, parsed);
        }
        return parsed;
    };
    const location = (bucket: string) => {
        let found = buckets.get(bucket);
        if (!found) {
            found = reader.bucketLocation(bucket);
            found.catch(() => buckets.delete(bucket));
            buckets.set(bucket, found);
        }
        return found;
    };

    async function checkTileset(root: string, manifest: ImageManifest, index: number): Promise<Finding[]> {
        const written = manifest.tilesets?.[index]?.sources?.[0]?.uris?.[0];
        if (written === undefined) return [];
        const uri = `${manifest.uriPrefix ?? ""}${written}`;
        const parts = splitGcsUri(uri);
        if (!parts) return [];
        const property = `${root}.tilesets[${index}].sources[0].uris[0]`;
        const pinned = /#(\d+)$/.exec(uri)?.[1];
        if (unreachable || refused.has(parts.bucket)) return [];
        try {
            // One request per source: a ranged read of its start carries its generation and size.
            // Both settle before either error counts, so no retry is left running after check returns.
            const [object, placement] = await Promise.allSettled([
                reader.readHead(parts.bucket, parts.object, pinned, FIRST_READ_BYTES),
                location(parts.bucket),
            ]);
            if (object.status === "rejected") throw object.reason;
            if (placement.status === "rejected") throw placement.reason;
            const [info, bucket] = [object.value, placement.value];
            const findings: Finding[] = [];
            const misplaced = bucketLocationFinding(property, uri, bucket);
            if (misplaced) findings.push(misplaced);
            if (!info) return [...findings, missingObjectFinding(property, uri, pinned)];
            if (info.size === 0) return [...findings, notTiffFinding(property, uri, "the object is empty, 0 bytes")];
            const parsed = await header(parts.bucket, parts.object, info);
            if ("notTiff" in parsed) return [...findings, notTiffFinding(property, uri, parsed.notTiff)];
            return [...findings, ...headerFindings(root, { manifest, tileset: index, uri, facts: parsed.facts })];
        } catch (error) {
            if (!(error instanceof CloudStorageUnavailableError)) throw error;
            if (error.reason === "unreachable") unreachable = true;
            else refused.add(error.bucket);
            if (!reported) {
                reported = true;
                await unchecked(
                    `preflight could not check ${uri} and skips what it cannot read for the rest of this run: ${error.message}. ${error.reason === "unreachable" ? "Check earthengine:cloudStorageEndpoint / EARTHENGINE_CLOUD_STORAGE_ENDPOINT (unset means Google's own), or s" : "S"}et earthengine:preflight to off to skip preflight`,
                );
            }
            return [];
        }
    }

    return {
        async check(root, manifest, previous) {
            const seen = new Set(previous ? (previous.tilesets ?? []).map((_, i) => tilesetKey(previous, i)) : []);
            // A tileset with values still unknown (preview before another resource's output) waits for up's check.
            const indexes = (manifest.tilesets ?? [])
                .map((_, i) => i)
                .filter((i) => !seen.has(tilesetKey(manifest, i)) && !containsUnknown(tilesetInputs(manifest, i)));
            return (await Promise.all(indexes.map((i) => checkTileset(root, manifest, i)))).flat();
        },
    };
}

/** What the rules of one tileset read: its file, declared crs and dataType, and the bands that point into it. */
function tilesetInputs(manifest: ImageManifest, index: number): unknown[] {
    const tileset = manifest.tilesets?.[index];
    const id = tileset?.id ?? "";
    const bands = (manifest.bands ?? []).filter((band) => (band.tilesetId ?? "") === id).map((band) => band.tilesetBandIndex ?? 0);
    return [manifest.uriPrefix ?? "", tileset?.sources?.[0]?.uris?.[0] ?? "", tileset?.crs, tileset?.dataType, bands];
}

function tilesetKey(manifest: ImageManifest, index: number): string {
    return JSON.stringify(tilesetInputs(manifest, index));
}
