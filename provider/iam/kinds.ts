import type { IamBinding, IamPolicy } from "../earthengine";
import { containsUnknown, isObject, isUnknown, type ManifestFailure } from "../manifest";
import type { Props } from "../resource";
import { isDeclaredGrant } from "./declaredGrants";
import { iamKind } from "./kind";
import { memberFailures, ROLES, roleFailures } from "./members";
import { asDeclared, canonicalBindings, governedBindings, hasMember, memberKey, membersOf, uniqueMembers, withRole } from "./policy";

const role = (props: Props) => String(props.role);
const required = (props: Props, key: string, what: string): ManifestFailure[] =>
    props[key] === undefined ? [{ property: key, reason: `${key} is required: ${what}` }] : [];

/** A list of members, checked one by one; normalised to sorted and unique. */
function checkMembers(props: Props, key: string, roleValue: unknown): ManifestFailure[] {
    const members = props[key];
    if (members === undefined || isUnknown(members)) return [];
    if (!Array.isArray(members)) return [{ property: key, reason: `${key} must be a list of IAM members` }];
    const failures = members.flatMap((member, i) => memberFailures(member, `${key}[${i}]`, roleValue));
    if (failures.length === 0 && !members.some(isUnknown)) props[key] = uniqueMembers(members as string[]);
    return failures;
}

/** Non-authoritative: one member in one role; other members and roles are left alone. */
export const assetIamMemberKind = iamKind({
    typeName: "AssetIamMember",
    exposesEtag: false,
    keys: ["role", "member"],
    replaceKeys: ["role", "member"],
    check: (props) => [
        ...required(props, "role", "roles/viewer, roles/editor or roles/owner"),
        ...roleFailures(props.role, "role"),
        ...required(props, "member", "for example user:ana@example.com or allUsers"),
        ...memberFailures(props.member, "member", props.role),
    ],
    idOf: (props) => `${props.assetName} ${props.role} ${props.member}`,
    grants: (props) => [role(props), [String(props.member)]],
    apply: (policy, props) => withRole(policy, role(props), [...membersOf(policy, role(props)), String(props.member)]),
    remove: (policy, props) =>
        withRole(
            policy,
            role(props),
            membersOf(policy, role(props)).filter((m) => memberKey(m) !== memberKey(String(props.member))),
        ),
    observe: (policy, props) => (hasMember(membersOf(policy, role(props)), String(props.member)) ? {} : undefined),
});

/** Authoritative for one role: exactly these members hold it; other roles are left alone. */
export const assetIamBindingKind = iamKind({
    typeName: "AssetIamBinding",
    exposesEtag: false,
    keys: ["role", "members"],
    replaceKeys: ["role"],
    check: (props) => [
        ...required(props, "role", "roles/viewer, roles/editor or roles/owner"),
        ...roleFailures(props.role, "role"),
        ...required(props, "members", "the list of members that hold the role"),
        ...checkMembers(props, "members", props.role),
    ],
    idOf: (props) => `${props.assetName} ${props.role}`,
    grants: (props) => [role(props), props.members as string[]],
    apply: (policy, props) => withRole(policy, role(props), props.members as string[]),
    remove: (policy, props) => withRole(policy, role(props), []),
    observe: (policy, props) => {
        const members = asDeclared(membersOf(policy, role(props)), Array.isArray(props.members) ? (props.members as string[]) : []);
        return members.length > 0 ? { members } : undefined;
    },
});

const declaredBindings = (props: Props) => (Array.isArray(props.bindings) ? (props.bindings as IamBinding[]) : []);
const owners = (policy: IamPolicy) => membersOf(policy, ROLES.owners);

/**
 * Authoritative for the whole policy: exactly these bindings. When no `roles/owner` binding is
 * declared, the asset's owners are kept (Earth Engine keeps them anyway) and not compared.
 */
export const assetIamPolicyKind = iamKind({
    typeName: "AssetIamPolicy",
    exposesEtag: true,
    keys: ["bindings"],
    replaceKeys: [],
    check: (props) => {
        const bindings = props.bindings;
        if (bindings === undefined) return required(props, "bindings", "the list of {role, members}; [] leaves only the owners");
        if (isUnknown(bindings)) return [];
        if (!Array.isArray(bindings)) return [{ property: "bindings", reason: "bindings must be a list of {role, members}" }];
        const failures = bindings.flatMap((binding: unknown, i): ManifestFailure[] => {
            if (!isObject(binding)) return [{ property: `bindings[${i}]`, reason: "each binding is {role, members}" }];
            const unknownKeys = Object.keys(binding).filter((key) => key !== "role" && key !== "members");
            return [
                ...unknownKeys.map((key) => ({
                    property: `bindings[${i}].${key}`,
                    reason: `unknown field "${key}"; a binding has role and members`,
                })),
                ...roleFailures(binding.role, `bindings[${i}].role`),
                ...checkMembers(binding, "members", binding.role).map((f) => ({ ...f, property: `bindings[${i}].${f.property}` })),
            ];
        });
        if (failures.length === 0 && !containsUnknown(bindings)) props.bindings = canonicalBindings(bindings as IamBinding[]);
        return failures;
    },
    idOf: (props) => String(props.assetName),
    apply: (policy, props) => {
        const declared = declaredBindings(props);
        const kept = declared.some((b) => b.role === ROLES.owners) ? [] : [{ role: ROLES.owners, members: owners(policy) }];
        return { ...policy, bindings: [...declared, ...kept] };
    },
    // Only what this policy declared goes: never the owners, never a grant that an AssetIamMember or
    // AssetIamBinding of this process declares (moving from a policy to members in one up creates
    // the members first and deletes the policy last), never a grant someone added beside it.
    remove: (policy, props) =>
        declaredBindings(props)
            .filter((binding) => binding.role !== ROLES.owners)
            .reduce(
                (current, { role, members }) =>
                    withRole(
                        current,
                        role,
                        membersOf(current, role).filter((m) => !hasMember(members, m) || isDeclaredGrant(String(props.assetName), role, m)),
                    ),
                policy,
            ),
    observe: (policy, props) => ({ bindings: governedBindings(policy.bindings, declaredBindings(props)) }),
});
