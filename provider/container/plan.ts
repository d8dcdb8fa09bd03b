import { type PatchBody, patchFor } from "../externalImage/plan";
import { isUnknown, normalizeAssetName, sameValue } from "../manifest";
import { METADATA_FIELDS, metadataOf } from "./args";

export type ContainerPlan =
    | { kind: "none" }
    /** Only Pulumi-side inputs (project, forceDestroy) differ: no Earth Engine call. */
    | { kind: "local"; changed: string[] }
    /** Metadata differs: one `assets.patch` with an exact mask. */
    | { kind: "patch"; changed: string[]; updateMask: string[]; asset: PatchBody }
    /** The name differs: create the new container, then delete the old one. */
    | { kind: "replace"; changed: string[] };

type Props = Record<string, unknown>;

/** What taking a container from `olds` (stored outputs) to `news` (checked inputs) takes; unknowns count as changed. */
export function planContainer(olds: Props, news: Props): ContainerPlan {
    const newName = typeof news.name === "string" && !isUnknown(news.name) ? normalizeAssetName(news.name) : undefined;
    if (newName === undefined || newName !== olds.name) return { kind: "replace", changed: ["name"] };
    const changed = METADATA_FIELDS.filter(
        (field) => !sameValue(metadataOf(olds)[field], metadataOf(news)[field]) || isUnknown(news[field]),
    );
    const local = ["project", "forceDestroy"].filter((key) => !sameValue(olds[key], news[key]));
    if (changed.length === 0) return local.length > 0 ? { kind: "local", changed: local } : { kind: "none" };
    return { kind: "patch", changed: [...changed, ...local], ...patchFor(metadataOf(olds) as Props, metadataOf(news) as Props) };
}
