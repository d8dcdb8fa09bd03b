import type { IamPlan } from "../iam/kind";
import { publicGrantFailures } from "../iam/members";
import { hasMember, memberKey, membersOf, withRole } from "../iam/policy";
import type { Props } from "../resource";

const role = (props: Props) => String(props.role);

/** Non-authoritative: one member in one role; other members and roles are left alone. */
export const assetIamMemberPlan: IamPlan = {
    replaceKeys: ["role", "member"],
    crossCheck: (news) => publicGrantFailures(news.member, "member", news.role),
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
};
