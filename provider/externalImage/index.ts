export type { ExternalImageInputs, ExternalImageOutputs } from "./args";
export { planUpdate, type UpdatePlan } from "./plan";
export { externalImageKind, externalImageProvider } from "./provider";
export { manifestFromAsset } from "./readback";
