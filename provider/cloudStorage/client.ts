import type * as cloudStorage from "@google-cloud/storage";
import type { AuthSource } from "../earthengine/auth";
import { createLimiter, type Limiter } from "../earthengine/limiter";

/**
 * The Cloud Storage reads preflight and drift need, through the official client
 * (@google-cloud/storage 7: the 8.x line needs Node.js 22): object metadata, ranged reads, bucket
 * location and listings. Every call waits on this client's own limiter, apart from Earth Engine's.
 */
export interface CloudStorageReader {
    /** The live object (or the pinned generation); undefined when it does not exist. */
    objectInfo(bucket: string, object: string, generation?: string): Promise<ObjectInfo | undefined>;
    /**
     * The first `length` bytes of the live object (or the pinned generation) with its generation
     * and size, in one ranged read (the answer's `x-goog-generation` and `Content-Range`);
     * undefined when it does not exist. Preflight's one request per source.
     */
    readHead(bucket: string, object: string, generation: string | undefined, length: number): Promise<ObjectHead | undefined>;
    bucketLocation(bucket: string): Promise<BucketLocation>;
    /** `length` bytes at `offset` of that generation (fewer at the end of the object). */
    readRange(bucket: string, object: string, generation: string, offset: number, length: number): Promise<Uint8Array>;
    /**
     * Object name → live generation of every object directly in `folder` (empty, or ending in `/`):
     * one listing (paged by 1,000) with `/` as the delimiter, names and generations only. Empty
     * when the bucket does not exist.
     */
    listGenerations(bucket: string, folder: string): Promise<Map<string, string>>;
    /**
     * The objects whose names start with `prefix`, in the listing's (lexicographic) order: every one
     * below it when `recursive`, else those directly in its folder (`/` as the delimiter). Paged by
     * `pageSize` (default and Cloud Storage's maximum: 1,000), one request per page; names and
     * sizes only. Undefined when the bucket does not exist.
     */
    listObjects(bucket: string, prefix: string, options: { recursive: boolean; pageSize?: number }): Promise<ListedObject[] | undefined>;
    /**
     * The live object's bytes, at most `maxBytes + 1` of them in one ranged read: more than
     * `maxBytes` means the object is larger, which the caller reports. Undefined when it does not
     * exist. For whole small documents, such as STAC catalogs.
     */
    readObject(bucket: string, object: string, maxBytes: number): Promise<Uint8Array | undefined>;
}

/** One object of a listing. */
export interface ListedObject {
    name: string;
    /** Bytes. */
    size: number;
}

export interface ObjectInfo {
    generation: string;
    size: number;
}

/** An object's generation and size with its first bytes. */
export interface ObjectHead extends ObjectInfo {
    bytes: Uint8Array;
}

/** A bucket's location as Cloud Storage reports it (`location`, `locationType`, `customPlacementConfig.dataLocations`). */
export interface BucketLocation {
    location: string;
    locationType?: string;
    dataLocations?: string[];
}

/** Cloud Storage could not answer: no permission (for this bucket), or unreachable (for any). Preflight then cannot check. */
export class CloudStorageUnavailableError extends Error {
    constructor(
        message: string,
        readonly reason: "permission" | "unreachable",
        readonly bucket: string,
    ) {
        super(message);
    }
}

/**
 * Limits of the Cloud Storage calls of one provider process. Google's request rate guidelines: a
 * bucket serves about 5,000 object reads per second to start with, and more as it scales; this
 * process keeps to a fifth of that, leaving the rest to Earth Engine's own reads of the files.
 */
export const CLOUD_STORAGE_LIMITS = { maxConcurrentRequests: 32, maxRequestsPerSecond: 1000 };

export interface CloudStorageOptions {
    /** Base URL of the JSON API; undefined: Google's, or STORAGE_EMULATOR_HOST as the client reads it. */
    endpoint?: string;
    /** Credentials for Google's endpoint (the provider's, whose scopes include cloud-platform); a loopback stand-in gets none. */
    auth?: AuthSource;
    projectId?: string;
    limiter?: Limiter;
}

export function createCloudStorageReader(options: CloudStorageOptions): CloudStorageReader {
    const limit = options.limiter ?? createLimiter(CLOUD_STORAGE_LIMITS);
    // Loaded on first use (about a second on a busy machine): a run without preflight never pays it.
    const { Storage } = require("@google-cloud/storage") as typeof cloudStorage;
    const make = () =>
        new Storage({
            apiEndpoint: options.endpoint,
            projectId: options.projectId,
            // A custom endpoint (a stand-in) is called without credentials by the client; Google's gets ours.
            authClient: options.auth && !options.endpoint ? (authClientOf(options.auth) as never) : undefined,
            // The client's own retries also repeat refused connections (seconds each): retries are ours (see `call`).
            retryOptions: { autoRetry: false, maxRetries: 0 },
        });
    const storage = options.endpoint === undefined ? make() : withoutEmulatorHost(make);
    const call = <T>(bucket: string, what: string, attempt: () => Promise<T>) =>
        limit(() => withRetries(attempt).catch((error) => rethrow(bucket, what, error)));
    // One Bucket object per name: the client builds each with its ACL and IAM helpers.
    const buckets = new Map<string, cloudStorage.Bucket>();
    const bucketOf = (name: string) => {
        const found = buckets.get(name) ?? storage.bucket(name);
        buckets.set(name, found);
        return found;
    };
    const fileOf = (bucket: string, object: string, generation: string | undefined) =>
        bucketOf(bucket).file(object, generation ? { generation: Number(generation) } : {});
    /**
     * The listing's items under `prefix` (every one when `recursive`, else `/` as the delimiter),
     * page by page, with `name` and the one other field asked for; undefined when the bucket does
     * not exist. `nextPageToken` is in `fields`: without it the client sees no next page.
     */
    const listing = async (bucket: string, prefix: string, recursive: boolean, pageSize: number, field: "size" | "generation") => {
        type Item = { name: string } & Partial<Record<typeof field, string | number>>;
        const items: Item[] = [];
        let pageToken: string | undefined;
        try {
            do {
                const query = {
                    prefix,
                    delimiter: recursive ? undefined : "/",
                    maxResults: pageSize,
                    pageToken,
                    autoPaginate: false,
                    fields: `nextPageToken,items(name,${field})`,
                };
                const [, , response] = await call(bucket, `gs://${bucket}/${prefix}`, () => bucketOf(bucket).getFiles(query));
                const page = (response ?? {}) as { items?: Item[]; nextPageToken?: string };
                items.push(...(page.items ?? []));
                pageToken = page.nextPageToken || undefined;
            } while (pageToken !== undefined);
        } catch (error) {
            if (error instanceof NotFound) return undefined;
            throw error;
        }
        return items;
    };
    const reader: CloudStorageReader = {
        async objectInfo(bucket, object, generation) {
            try {
                const file = fileOf(bucket, object, generation);
                const [metadata] = await call(bucket, `gs://${bucket}/${object}`, () => file.getMetadata());
                return { generation: String(metadata.generation), size: Number(metadata.size) };
            } catch (error) {
                if (error instanceof NotFound) return undefined;
                throw error;
            }
        },
        async readHead(bucket, object, generation, length) {
            const file = fileOf(bucket, object, generation);
            try {
                const { headers, bytes } = await call(bucket, `gs://${bucket}/${object}`, () => readStart(file, length));
                const header = (name: string) => String((typeof headers.get === "function" ? headers.get(name) : headers[name]) ?? "");
                // "bytes 0-65535/1234567": the size after the slash; a whole small object may come without a range.
                const size = Number(
                    /\/(\d+)$/.exec(header("content-range"))?.[1] ?? (header("x-goog-stored-content-length") || bytes.length),
                );
                return { generation: header("x-goog-generation"), size, bytes };
            } catch (error) {
                if (error instanceof NotFound) return undefined;
                // An empty object has no first byte to read (416): its metadata says what it is.
                if (error instanceof EmptyRange) {
                    const info = await reader.objectInfo(bucket, object, generation);
                    return info && { ...info, bytes: new Uint8Array(0) };
                }
                throw error;
            }
        },
        async bucketLocation(bucket) {
            const [metadata] = await call(bucket, `gs://${bucket}`, () => bucketOf(bucket).getMetadata());
            return {
                location: String(metadata.location ?? ""),
                locationType: metadata.locationType,
                dataLocations: metadata.customPlacementConfig?.dataLocations,
            };
        },
        async readRange(bucket, object, generation, offset, length) {
            const file = fileOf(bucket, object, generation);
            const [bytes] = await call(bucket, `gs://${bucket}/${object}`, () =>
                file.download({ start: offset, end: offset + length - 1, validation: false }),
            );
            return bytes;
        },
        async listGenerations(bucket, folder) {
            const items = await listing(bucket, folder, false, 1000, "generation");
            return new Map((items ?? []).map((item) => [item.name, String(item.generation)]));
        },
        async listObjects(bucket, prefix, { recursive, pageSize = 1000 }) {
            const items = await listing(bucket, prefix, recursive, pageSize, "size");
            return items?.map((item) => ({ name: item.name, size: Number(item.size ?? 0) }));
        },
        async readObject(bucket, object, maxBytes) {
            const file = fileOf(bucket, object, undefined);
            try {
                const [bytes] = await call(bucket, `gs://${bucket}/${object}`, () =>
                    file.download({ start: 0, end: maxBytes, validation: false }),
                );
                return bytes;
            } catch (error) {
                if (error instanceof NotFound) return undefined;
                if (error instanceof EmptyRange) return new Uint8Array(0);
                throw error;
            }
        },
    };
    return reader;
}

type Headers = { get?(name: string): string | null } & Record<string, unknown>;

/** The first `length` bytes of `file` with the answer's headers, from one ranged media read. */
function readStart(file: cloudStorage.File, length: number): Promise<{ headers: Headers; bytes: Uint8Array }> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let headers: Headers = {};
        file.createReadStream({ start: 0, end: length - 1, validation: false })
            .on("response", (response: { headers?: Headers }) => {
                headers = response.headers ?? {};
            })
            .on("data", (chunk: Buffer) => chunks.push(chunk))
            .on("error", reject)
            .on("end", () => resolve({ headers, bytes: Buffer.concat(chunks) }));
    });
}

/**
 * Runs `make` with STORAGE_EMULATOR_HOST unset. The client's constructor (7.x) reads it and, when
 * set, sends every request to it as its base URL whatever `apiEndpoint` says; a pipeline whose
 * gs:// state backend points at a stand-in sets it, and the provider's own endpoint must still
 * win. The constructor is synchronous: nothing else runs while the variable is away.
 */
function withoutEmulatorHost<T>(make: () => T): T {
    const saved = process.env.STORAGE_EMULATOR_HOST;
    delete process.env.STORAGE_EMULATOR_HOST;
    try {
        return make();
    } finally {
        if (saved !== undefined) process.env.STORAGE_EMULATOR_HOST = saved;
    }
}

class NotFound extends Error {}
class EmptyRange extends Error {}

function rethrow(bucket: string, what: string, error: unknown): never {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 404) throw new NotFound(`${what}: ${message}`);
    if (code === 416) throw new EmptyRange(`${what}: ${message}`);
    if (code === 401 || code === 403) {
        throw new CloudStorageUnavailableError(
            `${what}: Cloud Storage refused the read (${code}: ${message}); preflight needs storage.objects.get (roles/storage.objectViewer) and, for the bucket location, storage.buckets.get, with a token that has a Cloud Storage scope (cloud-platform or devstorage.read_only)`,
            "permission",
            bucket,
        );
    }
    throw new CloudStorageUnavailableError(
        `${what}: Cloud Storage could not be reached (${typeof code === "string" || typeof code === "number" ? `${code}: ` : ""}${message})`,
        "unreachable",
        bucket,
    );
}

const RETRY_DELAYS_MS = [250, 1000];

/** A few quick retries of transient answers: preflight runs during preview and must not stall it. */
async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
        try {
            return await attempt();
        } catch (error) {
            const delay = RETRY_DELAYS_MS[retry];
            if (delay === undefined || !transient(error)) throw error;
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
    }
}

/** Worth another attempt: throttling, a server error, a dropped connection. A refused connection or a bad name is not. */
function transient(error: unknown): boolean {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "number") return code === 408 || code === 429 || code >= 500;
    return code === "ECONNRESET" || code === "ETIMEDOUT" || code === "EPIPE";
}

/** The provider's credentials in the shape the client's google-auth-library 9 takes (getRequestHeaders). */
function authClientOf(auth: AuthSource) {
    return {
        async getRequestHeaders() {
            return { Authorization: (await auth.headers()).authorization };
        },
    };
}
