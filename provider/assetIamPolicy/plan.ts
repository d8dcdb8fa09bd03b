import type { IamBinding, IamPolicy } from "../earthengine";
import { isDeclaredGrant } from "../iam/declaredGrants";
import type { IamPlan } from "../iam/kind";
import { ROLES } from "../iam/members";
import { governedBindings, hasMember, membersOf, withRole } from "../iam/policy";
import type { Props } from "../resource";

const declaredBindings = (props: Props) => (Array.isArray(props.bindings) ? (props.bindings as IamBinding[]) : []);
const owners = (policy: IamPolicy) => membersOf(policy, ROLES.owners);

/**
 * Authoritative for the whole policy: exactly these bindings. When no `roles/owner` binding is
 * declared, the asset's owners are kept (Earth Engine keeps them anyway) and not compared.
 */
export const assetIamPolicyPlan: IamPlan = {
    replaceKeys: [],
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
};
