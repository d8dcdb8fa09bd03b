export type { ContainerInputs, ContainerMetadata, ContainerType } from "./check";
export { deleteChildren, listChildren } from "./forceDestroy";
export { type ContainerSpec, containerKind } from "./kind";
export { type ContainerPlan, planContainer } from "./plan";
