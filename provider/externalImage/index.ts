export type { ExternalImageInputs, ExternalImageOutputs } from "./args";
export { type UpdatePlan, planUpdate } from "./plan";
export { externalImageProvider } from "./provider";
export { manifestDifferences, manifestFromAsset } from "./readback";
