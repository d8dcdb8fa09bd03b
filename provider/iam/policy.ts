import type { IamBinding, IamPolicy } from "../earthengine";
import { ROLES } from "./members";

/** The members holding `role` (empty when none). */
export function membersOf(policy: IamPolicy, role: string): string[] {
    return [...new Set((policy.bindings ?? []).filter((b) => b.role === role).flatMap((b) => b.members))].sort();
}

/** The policy with `role` held by exactly `members` (the binding dropped when empty), etag kept. */
export function withRole(policy: IamPolicy, role: string, members: readonly string[]): IamPolicy {
    const others = (policy.bindings ?? []).filter((b) => b.role !== role);
    const bindings = members.length > 0 ? [...others, { role, members: [...new Set(members)].sort() }] : others;
    return { ...policy, bindings };
}

/** Bindings in one canonical form (one per role, members sorted, empty dropped, roles sorted). */
export function canonicalBindings(bindings: readonly IamBinding[] | undefined): IamBinding[] {
    const roles = [...new Set((bindings ?? []).map((b) => b.role))].sort();
    return roles
        .map((role) => ({ role, members: membersOf({ bindings: [...(bindings ?? [])] }, role) }))
        .filter((binding) => binding.members.length > 0);
}

/**
 * The bindings a whole-policy declaration governs: all of them, except the owners when the
 * declaration names none (Earth Engine keeps an asset's owners when a new policy leaves them
 * out, which `earthengine acl set` relies on).
 */
export function governedBindings(bindings: readonly IamBinding[] | undefined, declared: readonly IamBinding[]): IamBinding[] {
    const ownersDeclared = declared.some((b) => b.role === ROLES.owners);
    return canonicalBindings(bindings).filter((b) => ownersDeclared || b.role !== ROLES.owners);
}
