import { metadataPatch, type PatchBody } from "../resource/metadataPatch";
import { normalizeAssetName } from "../values/assetName";
import { sameValue } from "../values/compare";
import { isUnknown } from "../values/unknown";
import { type METADATA_FIELDS, metadataOf } from "./check";

export type ContainerPlan =
    | { kind: "none" }
    /** Only Pulumi-side inputs (project, forceDestroy) differ: no Earth Engine call. */
    | { kind: "local"; changed: string[] }
    /** Metadata differs: one `assets.patch` with an exact mask. */
    | { kind: "patch"; changed: string[]; updateMask: string[]; asset: PatchBody }
    /** The name differs: create the new container, then delete the old one. */
    | { kind: "replace"; changed: string[] };

type Props = Record<string, unknown>;

/**
 * What taking a container from `olds` (stored outputs) to `news` (checked inputs) takes, given
 * the metadata fields its kind declares; unknowns count as changed.
 */
export function planContainer(metadataFields: readonly (typeof METADATA_FIELDS)[number][], olds: Props, news: Props): ContainerPlan {
    const newName = typeof news.name === "string" && !isUnknown(news.name) ? normalizeAssetName(news.name) : undefined;
    if (newName === undefined || newName !== olds.name) return { kind: "replace", changed: ["name"] };
    const [before, after] = [metadataOf(olds), metadataOf(news)];
    const changed = metadataFields.filter((field) => !sameValue(before[field], after[field]) || isUnknown(news[field]));
    const local = ["project", "forceDestroy"].filter((key) => !sameValue(olds[key], news[key]));
    if (changed.length === 0) return local.length > 0 ? { kind: "local", changed: local } : { kind: "none" };
    return { kind: "patch", changed: [...changed, ...local], ...metadataPatch(before as Props, after as Props) };
}
