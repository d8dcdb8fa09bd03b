/**
 * The rule for ImageSource.uris: "Currently only Google Cloud Storage URIs are supported"
 * (REST reference, ImageManifest#ImageSource), `gs://bucket/object`, optionally `#generation`.
 * A bucket or object that Cloud Storage's naming rules make impossible cannot be read:
 * https://cloud.google.com/storage/docs/buckets#naming, https://cloud.google.com/storage/docs/objects#naming.
 */

const URI = /^gs:\/\/([^/]*)\/(.*)$/s;
const GENERATION = /#\d+$/;

/** Each Cloud Storage bucket-naming requirement as a test that fails for a name breaking it. */
const BUCKET_RULES: readonly [string, (bucket: string) => boolean][] = [
    ["holds only lowercase letters, digits, '-', '_' and '.'", (b) => /^[a-z0-9._-]+$/.test(b)],
    ["has 3 to 63 characters (222 with dots, each part at most 63)", (b) => lengthOk(b)],
    ["starts and ends with a letter or digit", (b) => /^[a-z0-9](.*[a-z0-9])?$/.test(b)],
    ["is not an IP address", (b) => !/^\d+\.\d+\.\d+\.\d+$/.test(b)],
    ["does not start with 'goog'", (b) => !b.startsWith("goog")],
    ["does not contain 'google' or 'g00gle'", (b) => !/g(oo|00)gle/.test(b)],
];

function lengthOk(bucket: string): boolean {
    const parts = bucket.split(".");
    if (parts.length === 1) return bucket.length >= 3 && bucket.length <= 63;
    return bucket.length >= 3 && bucket.length <= 222 && parts.every((part) => part.length >= 1 && part.length <= 63);
}

const OBJECT_RULES: readonly [string, (object: string) => boolean][] = [
    ["is not empty", (o) => o.length > 0],
    ["is at most 1024 bytes of UTF-8", (o) => Buffer.byteLength(o, "utf8") <= 1024],
    ["is valid Unicode (no lone surrogate)", (o) => !/\p{Surrogate}/u.test(o)],
    ["holds no carriage return or line feed", (o) => !/[\r\n]/.test(o)],
    ["is not '.' or '..'", (o) => o !== "." && o !== ".."],
    ["does not start with '.well-known/acme-challenge/'", (o) => !o.startsWith(".well-known/acme-challenge/")],
];

/** Why the service could not read a file at `uri`, or undefined. */
export function sourceUriProblem(uri: string): string | undefined {
    const m = URI.exec(uri);
    if (!m) return `'${uri}' is not a Cloud Storage URI; only gs://<bucket>/<object> URIs are supported`;
    const [, bucket, pinned] = m;
    const object = pinned.replace(GENERATION, "");
    const bucketRule = BUCKET_RULES.find(([, ok]) => !ok(bucket));
    if (bucketRule) return `'${uri}': a Cloud Storage bucket name ${bucketRule[0]}`;
    const objectRule = OBJECT_RULES.find(([, ok]) => !ok(object));
    return objectRule ? `'${uri}': a Cloud Storage object name ${objectRule[0]}` : undefined;
}
