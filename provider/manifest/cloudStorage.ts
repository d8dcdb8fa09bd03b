import { quote } from "../values/failures";

/**
 * Cloud Storage naming rules for the `gs://bucket/object` URIs of a manifest. Requirements
 * ("must", "cannot") are errors; what Google only recommends against is a warning.
 *
 * Buckets: https://cloud.google.com/storage/docs/buckets#naming
 * Objects: https://cloud.google.com/storage/docs/objects#naming
 */

// A generation pin, as importExternal takes it: gs://bucket/object#1234567890.
const GENERATION = /#\d+$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Splits `gs://bucket/object[#generation]`; undefined when it is not a gs:// URI with a slash after the bucket. */
export function splitGcsUri(uri: string): { bucket: string; object: string } | undefined {
    if (!uri.startsWith("gs://")) return undefined;
    const rest = uri.slice("gs://".length);
    const slash = rest.indexOf("/");
    if (slash < 0) return undefined;
    return { bucket: rest.slice(0, slash), object: rest.slice(slash + 1).replace(GENERATION, "") };
}

/** Why `bucket` cannot be a Cloud Storage bucket name, or undefined when it can. */
export function bucketNameProblem(bucket: string): string | undefined {
    const name = `bucket name ${quote(bucket)}`;
    // "Bucket names can only contain lowercase letters, numeric characters, dashes (-), underscores (_), and dots (.)."
    if (!/^[a-z0-9._-]*$/.test(bucket)) return `${name} may only hold lowercase letters, digits, '-', '_' and '.'`;
    // "Bucket names must contain 3-63 characters. Names containing dots can contain up to 222
    // characters, but each dot-separated component can be no longer than 63 characters."
    const dotted = bucket.includes(".");
    if (bucket.length < 3 || bucket.length > (dotted ? 222 : 63)) {
        return `${name} has ${bucket.length} characters; bucket names have 3 to 63 (up to 222 when they contain dots)`;
    }
    // "Bucket names must start and end with a number or letter."
    if (!/^[a-z0-9].*[a-z0-9]$/.test(bucket)) return `${name} must start and end with a letter or digit`;
    const parts = bucket.split(".");
    if (parts.some((part) => part.length > 63)) return `${name} has a dot-separated part longer than 63 characters`;
    // Names with dots are DNS names ("bucket names with dots require domain verification"), and a
    // DNS label is never empty (RFC 1035 2.3.1): "a..b" names nothing.
    if (parts.some((part) => part.length === 0)) return `${name} has two dots in a row; each dot-separated part needs a character`;
    // "Bucket names cannot be represented as an IP address in dotted-decimal notation."
    if (IPV4.test(bucket)) return `${name} is an IP address; bucket names cannot be one`;
    // "Bucket names cannot begin with the "goog" prefix."
    if (bucket.startsWith("goog")) return `${name} starts with "goog", which Cloud Storage reserves`;
    // "Bucket names cannot contain "google" or close misspellings, such as "g00gle"."
    if (bucket.replace(/0/g, "o").includes("google")) return `${name} contains "google" (or "g00gle"), which Cloud Storage refuses`;
    return undefined;
}

/** Why `object` cannot be a Cloud Storage object name, or undefined when it can. */
export function objectNameProblem(object: string): string | undefined {
    const name = `object name ${quote(object)}`;
    if (object.length === 0) return "the URI names no object after the bucket; write gs://bucket/path/to/file.tif";
    // "Object names can contain any sequence of valid Unicode characters, of length 1-1024 bytes when UTF-8 encoded."
    if (/[\uD800-\uDFFF]/u.test(object)) return `${name} holds a lone UTF-16 surrogate, which is not valid Unicode`;
    const bytes = Buffer.byteLength(object, "utf8");
    if (bytes > 1024) return `${name} is ${bytes} bytes in UTF-8; Cloud Storage object names have at most 1024`;
    // "Object names cannot contain Carriage Return or Line Feed characters."
    if (/[\r\n]/.test(object)) return `${name} contains a line break (CR or LF), which Cloud Storage object names cannot hold`;
    // "Objects cannot be named . or .."
    if (object === "." || object === "..") return `${name} is not allowed; Cloud Storage objects cannot be named . or ..`;
    // "Object names cannot start with .well-known/acme-challenge/."
    if (object.startsWith(".well-known/acme-challenge/"))
        return `${name} starts with .well-known/acme-challenge/, which Cloud Storage reserves`;
    return undefined;
}

/**
 * What Google recommends against in an object name (a warning: Cloud Storage takes it): control
 * characters ("avoid control characters that are illegal in XML 1.0"), and `.`/`..` path
 * segments, which Cloud Storage's flat namespace never resolves (`a/../b` is an object of that
 * literal name, not `b`): almost always a mistake in a generator or in `uriPrefix`.
 */
export function objectNameWarnings(object: string): string[] {
    const out: string[] = [];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rule looks for
    if (/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(object)) {
        out.push(`object name ${quote(object)} holds control characters, which Cloud Storage advises against (they break XML listings)`);
    }
    if (object.split("/").some((segment) => segment === "." || segment === "..")) {
        out.push(
            `object name ${quote(object)} has a "." or ".." segment; Cloud Storage names are flat and never resolve them, so this names an object with those dots in its name`,
        );
    }
    return out;
}

/** The first problem of a full `gs://bucket/object` URI, or undefined (other forms are judged by the caller). */
export function gcsUriProblem(uri: string): string | undefined {
    const parts = splitGcsUri(uri);
    if (!parts) return undefined;
    const bucket = cachedBucketProblem(parts.bucket);
    if (bucket) return `${quote(uri)}: ${bucket}`;
    const object = objectNameProblem(parts.object);
    return object ? `${quote(uri)}: ${object}` : undefined;
}

// Manifests name the same bucket thousands of times: judge it once.
let lastBucket: { name: string; problem: string | undefined } | undefined;
function cachedBucketProblem(name: string): string | undefined {
    if (lastBucket?.name !== name) lastBucket = { name, problem: bucketNameProblem(name) };
    return lastBucket.problem;
}
