export type { ContainerInputs, ContainerMetadata, ContainerOutputs, ContainerType } from "./args";
export { deleteChildren, listChildren } from "./forceDestroy";
export { type ContainerPlan, planContainer } from "./plan";
export { containerKind, folderKind, imageCollectionKind } from "./provider";
