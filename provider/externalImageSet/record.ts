import { isObject } from "../values/compare";

type Props = Record<string, unknown>;

/**
 * A set's images as its outputs record them (`recordedImages`): each top-level manifest field
 * that every image has, at the value most images share, once in `shared`; in `byKey`, each
 * image's fields that differ from it. Image `k` is `{ ...shared, ...byKey[k] }`, exactly.
 * The inputs in state hold every image in full already; this keeps the second copy (what diff,
 * update, refresh and delete compare with, since the engine hands them outputs only) to what
 * tells the images apart: for an archive of dated files, little more than each file's URI.
 */
export interface CompactImages {
    shared: Props;
    byKey: Record<string, Props>;
}

/** `images` as `recordedImages` (lossless; see CompactImages). */
export function compactImages(images: Record<string, Props>): CompactImages {
    const keys = Object.keys(images);
    // Each field's JSON once per image: the spelling that decides equality.
    const texts = new Map<string, Map<string, string>>();
    for (const key of keys) {
        const own = new Map<string, string>();
        for (const [field, value] of Object.entries(images[key])) if (value !== undefined) own.set(field, JSON.stringify(value));
        texts.set(key, own);
    }
    const shared: Props = {};
    const sharedText = new Map<string, string>();
    const first = keys.length >= 2 ? texts.get(keys[0]) : undefined;
    for (const field of first?.keys() ?? []) {
        const counts = new Map<string, number>();
        let everywhere = true;
        for (const key of keys) {
            const text = texts.get(key)?.get(field);
            if (text === undefined) {
                everywhere = false;
                break;
            }
            counts.set(text, (counts.get(text) ?? 0) + 1);
        }
        if (!everywhere) continue;
        let best: string | undefined;
        let bestCount = 1; // a value no two images share stays with its image
        for (const [text, count] of counts) {
            if (count > bestCount) [best, bestCount] = [text, count];
        }
        if (best === undefined) continue;
        shared[field] = JSON.parse(best);
        sharedText.set(field, best);
    }
    const byKey: Record<string, Props> = {};
    for (const key of keys) {
        const own: Props = {};
        for (const [field, text] of texts.get(key) ?? []) if (sharedText.get(field) !== text) own[field] = images[key][field];
        byKey[key] = own;
    }
    return { shared, byKey };
}

/** The images of a `recordedImages` output (a malformed one holds none). */
export function expandImages(value: unknown): Record<string, Props> {
    if (!isObject(value)) return {};
    const shared = isObject(value.shared) ? value.shared : {};
    const byKey = isObject(value.byKey) ? value.byKey : {};
    const images: Record<string, Props> = {};
    for (const [key, own] of Object.entries(byKey)) images[key] = { ...shared, ...(isObject(own) ? own : {}) };
    return images;
}
