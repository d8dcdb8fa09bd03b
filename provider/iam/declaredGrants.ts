import { memberKey } from "./policy";

// Process-wide, as the per-asset lock: every resource of one stack operation runs in this process.
// AssetIamMember and AssetIamBinding record what they declare when the engine checks them, which
// it does for every resource of the program before it deletes removed ones (deletes come last).
const declared = new Map<string, Set<string>>();

const grantKey = (role: string, member: string) => `${role} ${memberKey(member)}`;

/** Records that a member or binding resource of this process declares `members` in `role` on `assetName`. */
export function declareGrants(assetName: string, role: string, members: readonly string[]): void {
    const grants = declared.get(assetName) ?? new Set<string>();
    declared.set(assetName, grants);
    for (const member of members) grants.add(grantKey(role, member));
}

/** Whether a member or binding resource of this process declares `member` in `role` on `assetName`. */
export function isDeclaredGrant(assetName: string, role: string, member: string): boolean {
    return declared.get(assetName)?.has(grantKey(role, member)) ?? false;
}

/** For tests: forgets every declaration. */
export function forgetDeclaredGrants(): void {
    declared.clear();
}
