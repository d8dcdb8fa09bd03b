import { differingFields, effectiveManifest } from "../manifest";
import { metadataPatch, type PatchBody } from "../resource/metadataPatch";
import { normalizeAssetName } from "../values/assetName";
import { isObject, sameValue } from "../values/compare";
import { isUnknown } from "../values/unknown";

/** Manifest fields that `assets.patch` can change in place. */
export const PATCHABLE_FIELDS = ["properties", "startTime", "endTime"] as const;

export type UpdatePlan =
    /** Nothing differs. */
    | { kind: "none" }
    /** Only Pulumi-side inputs (consumer project, adopt) differ: no Earth Engine call. */
    | { kind: "local"; changed: string[] }
    /** Only metadata differs: one `assets.patch` with an exact update mask. */
    | { kind: "patch"; changed: string[]; updateMask: string[]; asset: PatchBody }
    /** Tilesets, bands or other pixel-affecting fields differ: `importExternal` with overwrite. */
    | { kind: "reimport"; changed: string[] }
    /**
     * The asset name differs: `assets.move` to the new name (its access and out-of-band
     * properties travel with it), then `afterMove` for any other change.
     */
    | { kind: "move"; changed: string[]; from: string; to: string; afterMove: UpdatePlan }
    /** The new name is not known yet (preview): an update (a move or nothing), which up decides once it is known. */
    | { kind: "unknownName"; changed: string[] };

type Props = Record<string, unknown>;

/**
 * What an update from `olds` (stored outputs) to `news` (checked inputs) takes. Used by both
 * `diff` (to tell the engine) and `update` (to do it), so the two cannot disagree.
 * Unknown values (preview) count as changed.
 */
export function planUpdate(olds: Props, news: Props): UpdatePlan {
    const local = ["project", "adopt"].filter((key) => !sameValue(olds[key], news[key]));
    const oldManifest = olds.imageManifest;
    const newManifest = news.imageManifest;
    if (!isObject(oldManifest)) return { kind: "reimport", changed: ["imageManifest"] };
    if (!isObject(newManifest) || isUnknown(newManifest.name)) return { kind: "unknownName", changed: ["imageManifest.name"] };
    const newName = typeof newManifest.name === "string" ? normalizeAssetName(newManifest.name) : newManifest.name;
    if (typeof newName === "string" && typeof oldManifest.name === "string" && newName !== oldManifest.name) {
        const afterMove = planUpdate({ ...olds, imageManifest: { ...oldManifest, name: newName } }, news);
        const changed = ["imageManifest.name", ...("changed" in afterMove ? afterMove.changed : [])];
        return { kind: "move", changed, from: oldManifest.name, to: newName, afterMove };
    }
    if (newName !== oldManifest.name) return { kind: "unknownName", changed: ["imageManifest.name"] };

    const before = effectiveManifest(oldManifest);
    const after = effectiveManifest({ ...newManifest, name: newName });
    const changed = differingFields(before, after);
    const qualified = changed.map((field) => `imageManifest.${field}`);
    // A source file rewritten after registration (refresh found a new generation): one re-import.
    const drifted = driftedSources(olds).map((uri) => `sourceGenerations[${JSON.stringify(uri)}]`);
    if (drifted.length > 0) return { kind: "reimport", changed: [...qualified, ...drifted, ...local] };
    if (changed.length === 0) return local.length > 0 ? { kind: "local", changed: local } : { kind: "none" };
    if (!changed.every((field) => (PATCHABLE_FIELDS as readonly string[]).includes(field))) {
        return { kind: "reimport", changed: [...qualified, ...local] };
    }
    return { kind: "patch", changed: [...qualified, ...local], ...metadataPatch(before, after) };
}

/**
 * The sources whose file changed since Earth Engine imported it: recorded (`sourceGenerations`)
 * and live (`liveSourceGenerations`, from refresh) generations both known and different. A
 * resource without a recorded generation (made before this release) never drifts for that alone.
 */
export function driftedSources(outputs: Props): string[] {
    const recorded = outputs.sourceGenerations;
    const live = outputs.liveSourceGenerations;
    if (!isObject(recorded) || !isObject(live)) return [];
    return Object.keys(live).filter((uri) => typeof recorded[uri] === "string" && !sameValue(recorded[uri], live[uri]));
}
