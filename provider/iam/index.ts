export { type IamSpec, iamKind } from "./kind";
export { assetIamBindingKind, assetIamMemberKind, assetIamPolicyKind } from "./kinds";
export { MEMBER_FORM, memberFailures, ROLE_FORM, ROLES, roleFailures } from "./members";
export { canonicalBindings, governedBindings, membersOf, withRole } from "./policy";
export { MAX_POLICY_ATTEMPTS, modifyPolicy, type PolicyChange } from "./readModifyWrite";
