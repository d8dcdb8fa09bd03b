export type { ExternalImageInputs, ExternalImageOutputs } from "./args";
export { planUpdate, type UpdatePlan } from "./plan";
export { externalImageProvider } from "./provider";
export { manifestFromAsset } from "./readback";
