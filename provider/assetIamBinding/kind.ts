import { iamKind } from "../iam/kind";
import { assetIamBindingContract } from "./contract";
import { assetIamBindingPlan } from "./plan";

/** The AssetIamBinding kind: a read-modify-write of the asset's policy with the binding plan (see iam/kind.ts). */
export const assetIamBindingKind = iamKind(assetIamBindingContract, assetIamBindingPlan);
