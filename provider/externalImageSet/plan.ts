import { planUpdate } from "../externalImage/plan";
import type { ImageManifest } from "../manifest";
import type { PatchBody } from "../resource/metadataPatch";
import { normalizeAssetName } from "../values/assetName";
import { isObject, sameJson } from "../values/compare";
import { isUnknown } from "../values/unknown";
import { expandImages } from "./record";
import { driftedSourcesOf, sourcesOf } from "./sources";

type Props = Record<string, unknown>;
type Images = Record<string, Props>;

/** A change to an image that keeps its name: `assets.patch` (metadata only) or a re-import. */
export type ImageChange = { kind: "patch"; key: string; updateMask: string[]; asset: PatchBody } | { kind: "reimport"; key: string };

/** One image's part of an update: what `update` sends for it. */
export type ImageStep =
    | { kind: "create"; key: string }
    | ImageChange
    /** Recorded without an update time (written, not read back): read it and compare. */
    | { kind: "verify"; key: string }
    /** The image `<from>/<key>` (from the set's old parent), or `<parent>/<key>`. */
    | { kind: "delete"; key: string; from?: string }
    /** The parent changed: `assets.move` from `<from>/<key>`, then `afterMove` when the image changed too. */
    | { kind: "move"; key: string; from: string; afterMove?: ImageChange };

/** What an update of a set takes; `diff` and `update` both use it, so they cannot disagree. */
export type SetPlan =
    /** The parent or the images are not known yet (preview): something changes. */
    { kind: "unknown" } | { kind: "images"; steps: ImageStep[]; projectChanged: boolean };

/** The full name of image `key` of a set whose parent is `parent`. */
export function imageName(parent: string, key: string): string {
    return `${parent}/${key}`;
}

/** Image `key` of the set as a complete manifest (the key and parent give its name). */
export function manifestOf(parent: string, key: string, image: Props): ImageManifest {
    return { ...image, name: imageName(parent, key) } as unknown as ImageManifest;
}

/** The images of stored or checked props (an absent or malformed map is empty). */
export function imagesOf(props: Props): Images {
    return isObject(props.images) ? (props.images as Images) : {};
}

/**
 * The images stored outputs record (`recordedImages`, see record.ts), or `images` where the props
 * hold them in full: inputs, and outputs written before `recordedImages` existed.
 */
export function recordedImagesOf(props: Props): Images {
    return isObject(props.recordedImages) ? expandImages(props.recordedImages) : imagesOf(props);
}

/** The recorded update times; a key without one was written but not read back. */
export function updateTimesOf(props: Props): Record<string, string> {
    return isObject(props.updateTimes) ? (props.updateTimes as Record<string, string>) : {};
}

/**
 * The per-image plan from `olds` (stored outputs) to `news` (checked inputs): a new key is
 * created, a missing one deleted, a changed one patched (metadata only) or re-imported, as
 * ExternalImage plans one image; an image whose source file changed since its import (refresh
 * recorded a differing live generation, see sources.ts) is re-imported. A new parent moves every
 * kept image into it (`assets.move`, as ExternalImage renames: never a re-import and a delete).
 * Unknown values (preview) count as changed.
 */
export function planSet(olds: Props, news: Props): SetPlan {
    if (typeof news.parent !== "string" || isUnknown(news.parent)) return { kind: "unknown" };
    const parent = normalizeAssetName(news.parent);
    const from = typeof olds.parent === "string" && olds.parent !== parent ? olds.parent : undefined;
    if (!isObject(news.images)) return { kind: "unknown" };
    const before = recordedImagesOf(olds);
    const after = imagesOf(news);
    const times = updateTimesOf(olds);
    const sources = sourcesOf(olds);
    const steps: ImageStep[] = [];
    for (const key of Object.keys(after)) {
        if (!Object.hasOwn(before, key)) {
            steps.push({ kind: "create", key });
            continue;
        }
        let change: ImageChange | undefined;
        // The common case at thousands of images: the same value, nothing to plan (planUpdate would say so, 50x slower).
        if (before[key] !== after[key] && !sameJson(before[key], after[key])) {
            const name = imageName(parent, key);
            const plan = planUpdate({ imageManifest: { ...before[key], name } }, { imageManifest: withName(after[key], name) });
            if (plan.kind === "patch") change = { kind: "patch", key, updateMask: plan.updateMask, asset: plan.asset };
            else if (plan.kind === "reimport" || plan.kind === "unknownName") change = { kind: "reimport", key };
        }
        if (change?.kind !== "reimport" && driftedSourcesOf(sources, key).length > 0) change = { kind: "reimport", key };
        if (from !== undefined) steps.push(change ? { kind: "move", key, from, afterMove: change } : { kind: "move", key, from });
        else if (change) steps.push(change);
        else if (times[key] === undefined) steps.push({ kind: "verify", key });
    }
    for (const key of Object.keys(before)) {
        if (!Object.hasOwn(after, key)) steps.push(from !== undefined ? { kind: "delete", key, from } : { kind: "delete", key });
    }
    return { kind: "images", steps, projectChanged: (olds.project ?? null) !== (news.project ?? null) };
}

// An image not known yet (preview) keeps its unknown value: planUpdate reads it as a re-import.
function withName(image: unknown, name: string): unknown {
    return isObject(image) ? { ...image, name } : image;
}

/**
 * `+<created> ~<changed> -<deleted>` from `olds` to `news` (check's old inputs and new inputs),
 * or undefined when no image changes. Verification of unread images is not a change the user made.
 */
export function changeSummaryOf(olds: Props, news: Props): string | undefined {
    const plan = planSet({ ...olds, parent: typeof olds.parent === "string" ? normalizeAssetName(olds.parent) : olds.parent }, news);
    const count = (kinds: ImageStep["kind"][]) => (plan.kind === "images" ? plan.steps.filter((s) => kinds.includes(s.kind)).length : 0);
    if (plan.kind === "unknown") return undefined;
    const [created, changed, deleted] = [count(["create"]), count(["patch", "reimport", "move"]), count(["delete"])];
    return created + changed + deleted === 0 ? undefined : `+${created} ~${changed} -${deleted}`;
}
