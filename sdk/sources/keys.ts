import { RunError } from "@pulumi/pulumi/errors";
import { foldMarks } from "../../provider/values/asciiFold";

/**
 * From the names files and catalog items already have to the names Earth Engine accepts: image
 * keys (one asset-id segment) and property keys, with a check that two originals never end up as
 * one key. Shared by every source of collection entries (`entriesFromBucket`, `entriesFromStac`).
 *
 * | Earth Engine name | accepts                          | mapping of `original`                            |
 * |-------------------|----------------------------------|--------------------------------------------------|
 * | image key         | letters, digits, `_`, `-`         | marks dropped, then every other character → `_`  |
 * | property key      | letters, digits, `_`              | marks dropped, then every other character → `_`  |
 *
 * "Marks dropped" is `foldMarks`: Unicode NFKD, then every combining mark removed, so an accented
 * letter keeps its ASCII base (`é` → `e`, `ﬁ` → `fi`). Every character still refused after that
 * (`ß`, `ø`, an emoji, `.`, `:`) becomes one `_` per code point. Examples:
 * `S2B_MSIL2A_20240101T.SAFE` → `S2B_MSIL2A_20240101T_SAFE`; `eo:cloud_cover` → `eo_cloud_cover`;
 * `São Paulo` → `Sao_Paulo`; `é_x` → `e_x`. Letters are ASCII letters: the service refuses others.
 *
 * Sources of the rules: asset names, the service's refusal quoted in r-spatial/rgee#101 ("Names
 * must contain only the following characters: A..Z, ...": letters, digits, `_` and `-` are the
 * characters seen accepted; Google publishes no length limit, so none is applied here: the
 * provider's own 8,000-byte limit on a whole asset name is checked at `check`); property keys, the
 * service's message "Property keys must contain only letters, digits, and underscores".
 */

const REFUSED_IN_IMAGE_KEY = /[^A-Za-z0-9_-]/gu;
const REFUSED_IN_PROPERTY_KEY = /[^A-Za-z0-9_]/gu;

/**
 * The image key (asset id of the image inside its collection) for a name: `original` with every
 * combining marks dropped (`foldMarks`: `é` → `e`) and every character an asset id still refuses
 * (anything but ASCII letters, digits, `_`, `-`) replaced by `_`, one `_` per character. Throws a `RangeError` for an empty `original` (no key can be made from it).
 */
export function imageKeyFrom(original: string): string {
    if (original === "") throw new RangeError("an empty name gives no image key; name the image (a key function or a named group)");
    return foldMarks(original).replace(REFUSED_IN_IMAGE_KEY, "_");
}

/**
 * The Earth Engine property key for a name: `original` with combining marks dropped
 * (`foldMarks`) and every character a property key still refuses (anything but ASCII letters, digits and `_`) replaced by `_`: `eo:cloud_cover` →
 * `eo_cloud_cover`. Throws a `RangeError` for an empty `original`.
 */
export function propertyKeyFrom(original: string): string {
    if (original === "") throw new RangeError("an empty name gives no property key");
    return foldMarks(original).replace(REFUSED_IN_PROPERTY_KEY, "_");
}

/**
 * Two different originals that map to one key (or one original given twice). A Pulumi `RunError`:
 * escaping a program, it prints as its message alone, without a stack.
 */
export class KeyCollisionError extends RunError {
    override readonly name = "KeyCollisionError";
    constructor(
        /** The key both originals map to. */
        readonly key: string,
        /** The two originals, in the order they were met. */
        readonly originals: readonly [string, string],
        message: string,
    ) {
        super(message);
    }
}

/**
 * Throws a `KeyCollisionError` naming both originals when two of `pairs` (`[original, key]`)
 * share a key; the first collision in the order of `pairs` is the one reported. `what` names the
 * originals in the message ("objects under gs://bucket/prefix/", "STAC items"); `fix` says what to
 * do, such as which option sets the key.
 */
export function assertUniqueKeys(pairs: Iterable<readonly [original: string, key: string]>, what: string, fix: string): void {
    const seen = new Map<string, string>();
    for (const [original, key] of pairs) {
        const first = seen.get(key);
        if (first === undefined) {
            seen.set(key, original);
            continue;
        }
        const message =
            first === original
                ? `${what}: ${JSON.stringify(original)} appears twice (key ${JSON.stringify(key)}); ${fix}`
                : `${what}: ${JSON.stringify(first)} and ${JSON.stringify(original)} both map to the key ${JSON.stringify(key)} ` +
                  `(every character Earth Engine refuses becomes '_'); ${fix}`;
        throw new KeyCollisionError(key, [first, original], message);
    }
}
