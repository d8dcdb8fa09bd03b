import { METADATA_FIELDS } from "../container/check";
import { type ContainerPlan, planContainer } from "../container/plan";

type Props = Record<string, unknown>;

/**
 * What taking an ImageCollection from `olds` (stored outputs) to `news` (checked inputs) takes:
 * a new name replaces it; metadata (properties, start and end time, title, description) is one
 * `assets.patch` with an exact mask; a new project or forceDestroy changes only state.
 */
export function planImageCollection(olds: Props, news: Props): ContainerPlan {
    return planContainer(METADATA_FIELDS, olds, news);
}
