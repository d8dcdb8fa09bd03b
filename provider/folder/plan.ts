import { type ContainerPlan, planContainer } from "../container/plan";

type Props = Record<string, unknown>;

/**
 * What taking a Folder from `olds` (stored outputs) to `news` (checked inputs) takes: a new name
 * replaces it, a new project or forceDestroy changes only state. A folder has no metadata, so
 * never a patch.
 */
export function planFolder(olds: Props, news: Props): ContainerPlan {
    return planContainer([], olds, news);
}
