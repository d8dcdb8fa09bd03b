export { declareGrants, forgetDeclaredGrants, isDeclaredGrant } from "./declaredGrants";
export { type IamSpec, iamKind } from "./kind";
export { assetIamBindingKind, assetIamMemberKind, assetIamPolicyKind } from "./kinds";
export { MEMBER_FORM, memberFailures, ROLE_FORM, ROLES, roleFailures } from "./members";
export {
    asDeclared,
    canonicalBindings,
    governedBindings,
    hasMember,
    memberKey,
    membersOf,
    sameGrants,
    uniqueMembers,
    withRole,
} from "./policy";
export { MAX_POLICY_ATTEMPTS, modifyPolicy, type PolicyChange } from "./readModifyWrite";
