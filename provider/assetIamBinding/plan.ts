import type { IamPlan } from "../iam/kind";
import { publicGrantFailures } from "../iam/members";
import { asDeclared, membersOf, withRole } from "../iam/policy";
import type { Props } from "../resource";

const role = (props: Props) => String(props.role);

/** Authoritative for one role: exactly these members hold it; other roles are left alone. */
export const assetIamBindingPlan: IamPlan = {
    replaceKeys: ["role"],
    crossCheck: (news) =>
        Array.isArray(news.members) ? news.members.flatMap((member, i) => publicGrantFailures(member, `members[${i}]`, news.role)) : [],
    idOf: (props) => `${props.assetName} ${props.role}`,
    grants: (props) => [role(props), props.members as string[]],
    apply: (policy, props) => withRole(policy, role(props), props.members as string[]),
    remove: (policy, props) => withRole(policy, role(props), []),
    observe: (policy, props) => {
        const members = asDeclared(membersOf(policy, role(props)), Array.isArray(props.members) ? (props.members as string[]) : []);
        return members.length > 0 ? { members } : undefined;
    },
};
