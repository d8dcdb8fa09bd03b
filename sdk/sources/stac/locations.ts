import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type CloudStorageReader, CloudStorageUnavailableError } from "../../../provider/cloudStorage/client";

/**
 * Where STAC documents and their assets may be: a local file, or a Cloud Storage object named
 * `gs://bucket/object`, `https://storage.googleapis.com/bucket/object` or
 * `https://bucket.storage.googleapis.com/object`. Nothing is fetched from any other host.
 */
export type Location =
    | { kind: "file"; url: URL }
    | { kind: "gcs"; url: URL; bucket: string; object: string; generation?: string }
    | { kind: "elsewhere"; url: URL };

/** The default bound of one STAC document, 100 MB (decimal): an ItemCollection of 10,000 Items is about 30 MB. */
export const MAX_DOCUMENT_BYTES = 100_000_000;

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The location of what the user named: a URL (`gs://`, `https://`, `file://`) or a local path (relative to the working directory). */
export function sourceLocation(source: string): Location {
    if (SCHEME.test(source) && !/^[A-Za-z]:[\\/]/.test(source)) return locate(new URL(source));
    return locate(pathToFileURL(path.resolve(source)));
}

/** The location of `href` (a STAC link or asset href) written in the document at `base`; undefined when it is no URL at all. */
export function resolveHref(href: string, base: Location): Location | undefined {
    try {
        return locate(new URL(href, base.url));
    } catch {
        return undefined;
    }
}

function locate(url: URL): Location {
    if (url.protocol === "file:") return { kind: "file", url };
    const generation = /^#(\d+)$/.exec(url.hash)?.[1];
    if (url.protocol === "gs:" && url.host !== "" && url.pathname.length > 1) {
        return { kind: "gcs", url, bucket: url.host, object: decodePath(url.pathname.slice(1)), generation };
    }
    if (url.protocol === "https:" && url.hash === "") {
        if (url.hostname === "storage.googleapis.com") {
            const [, bucket, object] = /^\/([^/]+)\/(.+)$/.exec(url.pathname) ?? [];
            if (bucket && object) return gcsAt(decodePath(bucket), decodePath(object));
        }
        const virtual = /^([^.]+(?:\.[^.]+)*)\.storage\.googleapis\.com$/.exec(url.hostname);
        if (virtual && url.pathname.length > 1) return gcsAt(virtual[1], decodePath(url.pathname.slice(1)));
    }
    return { kind: "elsewhere", url };
}

function gcsAt(bucket: string, object: string): Location {
    return { kind: "gcs", url: new URL(`gs://${bucket}/${object.split("/").map(encodeURIComponent).join("/")}`), bucket, object };
}

function decodePath(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}

/** How the location reads in a message and in Earth Engine: `gs://bucket/object[#generation]`, a local path, or the URL. */
export function describeLocation(location: Location): string {
    if (location.kind === "gcs") return `gs://${location.bucket}/${location.object}${location.generation ? `#${location.generation}` : ""}`;
    if (location.kind === "file") return fileURLToPath(location.url);
    return location.url.href;
}

/** One text per document: the same document reached twice (a cycle, or two parents) is read once. */
export function locationKey(location: Location): string {
    return location.kind === "gcs" ? `gs://${location.bucket}/${location.object}` : location.url.href.replace(/#.*$/, "");
}

/** Why a document could not be read; `reason` is what the user reads after the document's name. */
export class DocumentReadError extends Error {
    constructor(
        readonly location: string,
        reason: string,
    ) {
        super(`${location}: ${reason}`);
    }
}

/** Reads and parses one STAC document as JSON, at most `maxBytes` long. `storage` reads Cloud Storage. */
export async function readDocument(location: Location, storage: () => CloudStorageReader, maxBytes: number): Promise<unknown> {
    const where = describeLocation(location);
    let bytes: Uint8Array;
    if (location.kind === "elsewhere") {
        throw new DocumentReadError(
            where,
            "is neither a local file nor in Cloud Storage; STAC documents are read only from local files, gs:// and https://storage.googleapis.com/ (copy the catalog there)",
        );
    } else if (location.kind === "file") {
        bytes = await readLocalFile(fileURLToPath(location.url), where, maxBytes);
    } else {
        const read = await storage()
            .readObject(location.bucket, location.object, maxBytes)
            .catch((error: unknown) => {
                throw new DocumentReadError(where, cloudStorageProblem(error, location.bucket));
            });
        if (read === undefined) throw new DocumentReadError(where, "no such object in Cloud Storage");
        if (read.length > maxBytes) throw tooLarge(where, maxBytes);
        bytes = read;
    }
    try {
        return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8"));
    } catch (error) {
        throw new DocumentReadError(where, `is not JSON (${(error as Error).message.slice(0, 200)})`);
    }
}

async function readLocalFile(file: string, where: string, maxBytes: number): Promise<Uint8Array> {
    try {
        if ((await stat(file)).size > maxBytes) throw tooLarge(where, maxBytes);
        return await readFile(file);
    } catch (error) {
        if (error instanceof DocumentReadError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
            code === "ENOENT"
                ? "no such file"
                : code === "EISDIR"
                  ? "is a folder; name the catalog's file (catalog.json, collection.json) or an Item"
                  : `cannot be read (${(error as Error).message})`;
        throw new DocumentReadError(where, reason);
    }
}

/** What the Cloud Storage client's failure means for reading a catalog (its own message speaks of preflight). */
export function cloudStorageProblem(error: unknown, bucket: string): string {
    // The client's message starts with the object's gs:// URI, which the caller already names.
    const detail = (error instanceof Error ? error.message : String(error)).replace(/^gs:\/\/\S*: /, "").slice(0, 300);
    if (!(error instanceof CloudStorageUnavailableError)) return `Cloud Storage failed: ${detail}`;
    if (error.reason === "unreachable")
        return `${detail}; check earthengine:cloudStorageEndpoint (else EARTHENGINE_CLOUD_STORAGE_ENDPOINT) and the network`;
    return `Cloud Storage refused the read: reading a STAC document needs storage.objects.get on gs://${bucket} (roles/storage.objectViewer) for the provider's credentials (earthengine:credentials, accessToken or impersonateServiceAccount, else Application Default Credentials)`;
}

function tooLarge(where: string, maxBytes: number): DocumentReadError {
    return new DocumentReadError(
        where,
        `is larger than ${maxBytes} bytes (maxDocumentBytes); raise maxDocumentBytes or split it into a catalog of smaller collections`,
    );
}
