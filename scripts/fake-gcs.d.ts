/** A running fake-gcs-server (see scripts/fake-gcs.js). */
export interface FakeGcs {
    /** `127.0.0.1:<port>`: the value for STORAGE_EMULATOR_HOST (Pulumi's gs:// backend reads it as http). */
    host: string;
    /** `http://127.0.0.1:<port>`: the `apiEndpoint` for `@google-cloud/storage`. */
    endpoint: string;
    /** Creates a bucket in the server's location; fails on HTTP errors (409 if it exists). */
    createBucket(name: string): Promise<void>;
    /** Writes (or replaces) an object in one media upload; resolves to its new generation, as a decimal string. */
    putObject(bucket: string, name: string, bytes: Buffer | Uint8Array): Promise<{ generation: string }>;
    /** Deletes the object's live version; fails on HTTP errors (404 if missing). */
    deleteObject(bucket: string, name: string): Promise<void>;
    /** Stops the server (SIGTERM, SIGKILL after 5 s); idempotent. */
    stop(): Promise<void>;
}

export interface FakeGcsOptions {
    /** Every bucket's location (fake-gcs-server's `-location`, server-wide). Default `US-CENTRAL1`. */
    location?: string;
}

/** Starts fake-gcs-server over http on a free port, in memory. */
export function startFakeGcs(opts?: FakeGcsOptions): Promise<FakeGcs>;

/** The fake-gcs-server binary: $PULUMI_EARTHENGINE_FAKE_GCS_BIN, else scripts/install-fake-gcs.sh's answer. */
export function fakeGcsBinary(): string;

/** The variable through which the e2e global setup hands the resolved binary to the workers. */
export const FAKE_GCS_BIN_ENV: string;
