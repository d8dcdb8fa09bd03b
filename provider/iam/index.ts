export { declareGrants, forgetDeclaredGrants, isDeclaredGrant } from "./declaredGrants";
export { type IamPlan, iamKind } from "./kind";
export { MEMBER_FORM, memberFailures, publicGrantFailures, ROLE_FORM, ROLES, roleFailures } from "./members";
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
export { bindingsSchema, memberSchema, membersSchema, roleSchema } from "./schemas";
