import { iamKind } from "../iam/kind";
import { assetIamPolicyContract } from "./contract";
import { assetIamPolicyPlan } from "./plan";

/** The AssetIamPolicy kind: a read-modify-write of the asset's policy with the policy plan (see iam/kind.ts). */
export const assetIamPolicyKind = iamKind(assetIamPolicyContract, assetIamPolicyPlan);
