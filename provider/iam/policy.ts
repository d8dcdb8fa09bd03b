import type { IamBinding, IamPolicy } from "../earthengine";
import { sameValue } from "../values/compare";
import { ROLES } from "./members";

// The part of a member after its type prefix is an email or a domain, which IAM compares (and may
// return) in another case than written: terraform-provider-google#3880, #4276, #5646, fixed in
// magic-modules#1957 by comparing members case-insensitively. The prefix and allUsers keep their case.
const EMAIL_MEMBER = /^((?:deleted:)?(?:user|group|serviceAccount|domain)):(.*)$/;

/** The member as IAM compares it: the email or domain part lower-cased. */
export function memberKey(member: string): string {
    const m = EMAIL_MEMBER.exec(member);
    return m ? `${m[1]}:${m[2].toLowerCase()}` : member;
}

/** Whether `members` holds `member`, in any case of its email part. */
export function hasMember(members: readonly string[], member: string): boolean {
    const key = memberKey(member);
    return members.some((m) => memberKey(m) === key);
}

/** Members unique by memberKey (the first spelling kept), sorted. */
export function uniqueMembers(members: readonly string[]): string[] {
    const byKey = new Map<string, string>();
    for (const member of members) if (!byKey.has(memberKey(member))) byKey.set(memberKey(member), member);
    return [...byKey.values()].sort();
}

/** `actual` members written as `declared` spells them where the two differ only in case. */
export function asDeclared(actual: readonly string[], declared: readonly string[]): string[] {
    const spelling = new Map(declared.map((member) => [memberKey(member), member]));
    return uniqueMembers(actual.map((member) => spelling.get(memberKey(member)) ?? member));
}

/** The members holding `role` (empty when none). */
export function membersOf(policy: IamPolicy, role: string): string[] {
    return uniqueMembers((policy.bindings ?? []).filter((b) => b.role === role).flatMap((b) => b.members));
}

/** The policy with `role` held by exactly `members` (the binding dropped when empty), etag kept. */
export function withRole(policy: IamPolicy, role: string, members: readonly string[]): IamPolicy {
    const others = (policy.bindings ?? []).filter((b) => b.role !== role);
    const bindings = members.length > 0 ? [...others, { role, members: uniqueMembers(members) }] : others;
    return { ...policy, bindings };
}

/** Bindings in one canonical form (one per role, members sorted, empty dropped, roles sorted). */
export function canonicalBindings(bindings: readonly IamBinding[] | undefined): IamBinding[] {
    const roles = [...new Set((bindings ?? []).map((b) => b.role))].sort();
    return roles
        .map((role) => ({ role, members: membersOf({ bindings: [...(bindings ?? [])] }, role) }))
        .filter((binding) => binding.members.length > 0);
}

/** Whether two lists of bindings grant the same, comparing members as IAM does (see memberKey). */
export function sameGrants(a: readonly IamBinding[] | undefined, b: readonly IamBinding[] | undefined): boolean {
    const keyed = (bindings: readonly IamBinding[] | undefined) =>
        canonicalBindings(bindings).map(({ role, members }) => ({ role, members: uniqueMembers(members.map(memberKey)) }));
    return sameValue(keyed(a), keyed(b));
}

/**
 * The bindings a whole-policy declaration governs: all of them, except the owners when the
 * declaration names none (Earth Engine keeps an asset's owners when a new policy leaves them
 * out, which `earthengine acl set` relies on). Members are spelled as declared where they differ only in case.
 */
export function governedBindings(bindings: readonly IamBinding[] | undefined, declared: readonly IamBinding[]): IamBinding[] {
    const ownersDeclared = declared.some((b) => b.role === ROLES.owners);
    const declaredMembers = declared.flatMap((b) => b.members);
    return canonicalBindings(bindings)
        .filter((b) => ownersDeclared || b.role !== ROLES.owners)
        .map((b) => ({ role: b.role, members: asDeclared(b.members, declaredMembers) }));
}
