/**
 * IAM principals and roles as a Policy's bindings take them. Member forms: Google IAM's Binding
 * reference (https://cloud.google.com/iam/docs/reference/rest/v1/Policy#Binding): `allUsers`,
 * `allAuthenticatedUsers`, `user:{email}`, `serviceAccount:{email}`, `group:{email}`,
 * `domain:{domain}`, and `deleted:{user|serviceAccount|group}:{email}?uid={id}` for removed
 * principals; the official Earth Engine clients write these forms. Roles: `roles/{name}` or a
 * custom role `projects/{p}/roles/{name}` / `organizations/{n}/roles/{name}` (IAM roles reference).
 */

const EMAIL = "[^\\s@:]+@[^\\s@]+";
const MEMBER = new RegExp(
    `^(?:allUsers|allAuthenticatedUsers|(?:user|group|serviceAccount):${EMAIL}|deleted:(?:user|group|serviceAccount):${EMAIL}|domain:[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)$`,
);
const ROLE = /^(?:roles|projects\/[^/\s]+\/roles|organizations\/\d+\/roles)\/[A-Za-z0-9_.]+$/;

export function isIamMember(member: unknown): member is string {
    return typeof member === "string" && MEMBER.test(member);
}

export function isIamRole(role: unknown): role is string {
    return typeof role === "string" && ROLE.test(role);
}
