import { iamKind } from "../iam/kind";
import { assetIamMemberContract } from "./contract";
import { assetIamMemberPlan } from "./plan";

/** The AssetIamMember kind: a read-modify-write of the asset's policy with the member plan (see iam/kind.ts). */
export const assetIamMemberKind = iamKind(assetIamMemberContract, assetIamMemberPlan);
