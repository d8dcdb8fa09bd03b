export type { ExternalImageInputs } from "./check";
export { externalImageContract } from "./contract";
export { externalImageKind, externalImageProvider } from "./kind";
export { planUpdate, type UpdatePlan } from "./plan";
export { manifestFromAsset } from "./readback";
