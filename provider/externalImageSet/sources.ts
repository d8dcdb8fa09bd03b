import { driftedSources } from "../externalImage/plan";
import type { Generations } from "../externalImage/sourceGenerations";
import { isObject } from "../values/compare";

type Props = Record<string, unknown>;
type ByKey = Record<string, Generations>;

/**
 * A set's source generations by image key (the `sourceGenerations` and `liveSourceGenerations`
 * outputs): `recorded` when Earth Engine last imported each image, `live` only where refresh found
 * the bucket's generation different from the recorded one (so a set of thousands stays small).
 */
export interface SetSources {
    recorded: ByKey;
    live: ByKey;
}

const byKey = (value: unknown): ByKey => (isObject(value) ? (value as ByKey) : {});

export function sourcesOf(props: Props): SetSources {
    return { recorded: byKey(props.sourceGenerations), live: byKey(props.liveSourceGenerations) };
}

/** The URIs of image `key` whose file changed since its import (see ExternalImage's driftedSources). */
export function driftedSourcesOf(sources: SetSources, key: string): string[] {
    return driftedSources({ sourceGenerations: sources.recorded[key], liveSourceGenerations: sources.live[key] });
}

/**
 * The record after writes: an image imported again (`imported`) takes the generations read just
 * before its import (none when they could not be read: the next refresh fills them in) and no
 * longer drifts; any other image kept (`kept`) keeps what was stored; the rest are dropped.
 */
export function afterWrites(stored: SetSources, kept: Iterable<string>, imported: Set<string>, read: ByKey | undefined): SetSources {
    const out: SetSources = { recorded: {}, live: {} };
    for (const key of kept) {
        if (imported.has(key)) {
            if (read?.[key] !== undefined) out.recorded[key] = read[key];
            continue;
        }
        if (stored.recorded[key] !== undefined) out.recorded[key] = stored.recorded[key];
        if (stored.live[key] !== undefined) out.live[key] = stored.live[key];
    }
    return out;
}

/**
 * The record after refresh of the images `kept`: the live generations beside the recorded ones,
 * `live` holding only those that differ. An image without a recorded generation (made before this
 * release, or while Cloud Storage could not be read) takes the live one as recorded, so it is
 * never re-imported for that alone. Unreadable (`read` undefined): what was stored.
 */
export function afterRefresh(stored: SetSources, kept: Iterable<string>, read: ByKey | undefined): SetSources {
    if (read === undefined) return afterWrites(stored, kept, new Set(), undefined);
    const out: SetSources = { recorded: {}, live: {} };
    for (const key of kept) {
        const live = read[key] ?? {};
        const recorded = { ...live, ...(stored.recorded[key] ?? {}) };
        out.recorded[key] = recorded;
        const drifted = Object.fromEntries(Object.entries(live).filter(([uri, generation]) => recorded[uri] !== generation));
        if (Object.keys(drifted).length > 0) out.live[key] = drifted;
    }
    return out;
}

/** The outputs for `sources`, in the order of `order`'s keys; empty maps are left out (state as before this release). */
export function sourceOutputs(sources: SetSources, order: Iterable<string>): { sourceGenerations?: ByKey; liveSourceGenerations?: ByKey } {
    const sorted = (map: ByKey) => {
        const entries = [...order].flatMap((key) => (map[key] && Object.keys(map[key]).length > 0 ? [[key, map[key]] as const] : []));
        return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    };
    return { sourceGenerations: sorted(sources.recorded), liveSourceGenerations: sorted(sources.live) };
}
