import { z } from "zod";
import { foldMarks } from "./asciiFold";
import { quote } from "./failures";

/**
 * Earth Engine asset names, shared by every kind that names an asset (the image manifest's
 * `name`, a container's `name`, an IAM resource's `assetName`): their form, legacy ids, the
 * provider's length limit, and one zod schema for them all.
 */

// Project ids, numbers and domain-scoped ids (example.com:p). Kept loose on purpose: the server
// owns the exact rule, and Google's own examples use placeholders such as "P".
const PROJECT = "[A-Za-z0-9][-A-Za-z0-9_.:]*";
// Google does not publish the exact rule; these characters are the ones known to be accepted.
const SEGMENT = "[A-Za-z0-9_-]+";
const ASSET_NAME = new RegExp(`^projects/(${PROJECT})/assets/(${SEGMENT}(?:/${SEGMENT}){0,9})$`);
const LEGACY_ID = new RegExp(`^users/${SEGMENT}(?:/${SEGMENT}){1,9}$`);

export const LEGACY_PROJECT = "earthengine-legacy";

export interface AssetName {
    /** The project that owns the asset (not necessarily the consumer project). */
    project: string;
    /** The path below `assets/`, such as `folder/image`. */
    path: string;
}

/** Legacy ids (`users/x/y`) name the same asset as `projects/earthengine-legacy/assets/users/x/y`. */
export function normalizeAssetName(name: string): string {
    return LEGACY_ID.test(name) ? `projects/${LEGACY_PROJECT}/assets/${name}` : name;
}

export function parseAssetName(name: string): AssetName | undefined {
    const m = ASSET_NAME.exec(normalizeAssetName(name));
    return m ? { project: m[1], path: m[2] } : undefined;
}

/** The folder or collection that must exist before the asset, or undefined for a project root child. */
export function parentAssetName(name: string): string | undefined {
    const parsed = parseAssetName(name);
    if (!parsed) return undefined;
    const cut = parsed.path.lastIndexOf("/");
    return cut < 0 ? undefined : `projects/${parsed.project}/assets/${parsed.path.slice(0, cut)}`;
}

/**
 * Why `key` cannot name an image directly inside a folder or collection, or undefined when it
 * can: one asset-id segment, with the characters every asset name in this package allows.
 */
export function assetIdSegmentProblem(key: string): string | undefined {
    const suggestion = foldMarks(key).replace(/[^A-Za-z0-9_-]/gu, "_") || "image_1";
    if (key.includes("/")) {
        return `an image collection holds images directly, so a key is one path segment without '/'; write for example "${suggestion}"`;
    }
    if (!new RegExp(`^${SEGMENT}$`).test(key)) {
        return `a key is an asset id: letters, digits, '_' and '-' only; write for example "${suggestion}"`;
    }
    return undefined;
}

export const ASSET_NAME_HINT =
    "use projects/<project>/assets/<path> with 1 to 10 path segments of letters, digits, '_' and '-' (or a legacy users/<user>/<path> id)";

// A legacy project id (`projects/<project>/<path>`, no `assets/`), as older scripts and the manifest guide write it.
const LEGACY_PROJECT_ID = new RegExp(`^projects/(?!${LEGACY_PROJECT}/)(${PROJECT})/(?!assets/)(${SEGMENT}(?:/${SEGMENT}){0,8})$`);

/**
 * The fix for a name that is not an asset name. A legacy project id `projects/<p>/<path>` gets
 * Google's documented fix (image manifest guide, "legacy project" names: prepend
 * `projects/earthengine-legacy/assets/`), and the Cloud form beside it.
 */
export function assetNameHint(name: string): string {
    const legacy = LEGACY_PROJECT_ID.exec(name);
    if (!legacy) return assetNameProblem(name) ?? ASSET_NAME_HINT;
    return (
        `a legacy project asset id takes projects/${LEGACY_PROJECT}/assets/ in front, as Google's image manifest guide writes it: ` +
        `"projects/${LEGACY_PROJECT}/assets/${name}"; in a Cloud project, names are projects/<project>/assets/<path>: "projects/${legacy[1]}/assets/${legacy[2]}"`
    );
}

// A Cloud project asset name with the legacy prefix put in front (from tools that prepend it to every id).
const DOUBLED_PREFIX = new RegExp(`^projects/${LEGACY_PROJECT}/assets/(projects/(${PROJECT})/assets/${SEGMENT}(?:/${SEGMENT}){0,9})$`);

/**
 * `projects/test-project/assets/img` for `projects/earthengine-legacy/assets/projects/test-project/assets/img`,
 * else undefined. Legacy ids such as `projects/some_project/x` do take the prefix (Google's
 * manifest guide), but no legacy id has `assets` as its third segment, so such a name is a
 * Cloud project asset named twice.
 */
export function withoutDoubledPrefix(name: string): string | undefined {
    return DOUBLED_PREFIX.exec(name)?.[1];
}

const SEGMENT_CHAR = /[A-Za-z0-9_-]/;
const MAX_SEGMENTS = 10;

/**
 * What is wrong with a name that is not an asset name, pointing at the first character an
 * asset-id segment does not take (`"sst.v2": asset ids take no "."`), with the name fixed, or
 * the hint when the shape itself is off. Undefined for a valid name.
 */
export function assetNameProblem(name: string): string | undefined {
    if (parseAssetName(name) !== undefined) return undefined;
    const m = /^(projects\/[^/]+\/assets\/|users\/)(.*)$/.exec(name);
    const segments = m?.[2]?.split("/") ?? [];
    const bad = segments.find((segment) => segment !== "" && !new RegExp(`^${SEGMENT}$`).test(segment));
    if (m && bad !== undefined && segments.length <= MAX_SEGMENTS && segments.every((segment) => segment !== "")) {
        const char = Array.from(bad).find((c) => !SEGMENT_CHAR.test(c)) ?? "";
        const at = bad.indexOf(char);
        const fixed = `${m[1]}${segments.map((segment) => Array.from(foldMarks(segment), (c) => (SEGMENT_CHAR.test(c) ? c : "_")).join("")).join("/")}`;
        return `the segment ${JSON.stringify(bad)} holds ${JSON.stringify(char)} at position ${at + 1}, which asset ids do not take (letters, digits, '_' and '-' only); write for example "${fixed}"`;
    }
    return undefined;
}

/**
 * The longest asset name (in bytes; names hold only ASCII) that the provider accepts. Earth
 * Engine does not publish a limit, but every call after the import (get, patch, delete) carries
 * the name in the URL path, and 8,190 bytes is the smallest request-line limit of common HTTP
 * front ends (Apache's LimitRequestLine default; nginx's large_client_header_buffers is 8 KB).
 * With `DELETE /v1alpha/` and ` HTTP/1.1` around it, a name of at most 8,000 bytes fits; a longer
 * one could be imported (the import carries it in the body) and then never read or deleted.
 * This is the provider's own limit: the emulator, like Earth Engine, takes longer names.
 */
export const MAX_ASSET_NAME_BYTES = 8000;

/** Why a name is too long for the provider to manage, or undefined. */
export function assetNameLengthProblem(name: string): string | undefined {
    const bytes = Buffer.byteLength(name, "utf8");
    return bytes > MAX_ASSET_NAME_BYTES
        ? `the asset name is ${bytes} bytes; this provider accepts at most ${MAX_ASSET_NAME_BYTES} (its own limit: Earth Engine documents none, but every later read and delete carries the name in the URL, and longer request lines are refused by common HTTP front ends); shorten the folder or image names`
        : undefined;
}

/**
 * An Earth Engine asset name, `projects/<project>/assets/<path>` (legacy `users/<user>/...` and
 * `projects/earthengine-legacy/assets/...` forms are accepted and normalised), within the
 * provider's length limit. `property` names the input in the messages (`name`, `assetName`).
 */
export function assetNameSchema(property: string) {
    return z
        .string({ error: (iss) => `${property} is required: ${iss.input === undefined ? "give" : "use"} projects/<project>/assets/<path>` })
        .refine((value) => parseAssetName(value) !== undefined, {
            error: (iss) => `${quote(String(iss.input))} is not an asset name; ${assetNameHint(String(iss.input))}`,
        })
        .refine((value) => assetNameLengthProblem(normalizeAssetName(value)) === undefined, {
            error: (iss) => assetNameLengthProblem(normalizeAssetName(String(iss.input))),
        })
        .transform(normalizeAssetName);
}
