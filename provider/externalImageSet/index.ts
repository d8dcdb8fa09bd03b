export { type ExternalImageSetInputs, type ExternalImageSetOutputs, externalImageSetContract } from "./contract";
export { externalImageSetKind, externalImageSetProvider } from "./kind";
export { changeSummaryOf, type ImageStep, planSet, type SetPlan } from "./plan";
