import type { CheckFailure } from "../values/failures";
import { isUnknown } from "../values/unknown";

/**
 * IAM member forms Earth Engine assets take (the official clients write them with these
 * prefixes; `deleted:` forms are how IAM shows removed principals). One rule for the provider's
 * check and the emulator.
 */
export const MEMBER_FORM =
    /^(?:allUsers|allAuthenticatedUsers|(?:(?:deleted:)?(?:user|group|serviceAccount)):[^\s@:]+@[^\s@]+|domain:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/;
/** A predefined or custom role name. */
export const ROLE_FORM = /^(?:roles|projects\/[^/\s]+\/roles|organizations\/\d+\/roles)\/[A-Za-z0-9_.]+$/;
/** The roles the official clients map ACLs to. */
export const ROLES = { owners: "roles/owner", writers: "roles/editor", readers: "roles/viewer" } as const;
const PUBLIC = new Set(["allUsers", "allAuthenticatedUsers"]);

const MEMBER_HINT =
    "use user:<email>, group:<email>, serviceAccount:<email>, domain:<domain>, allUsers or allAuthenticatedUsers (as in gcloud and @pulumi/gcp IAM members)";

/** The member's form; a public member only reads (the official CLI refuses to grant write to all users). */
export function memberFailures(member: unknown, property: string, role: unknown): CheckFailure[] {
    if (isUnknown(member)) return [];
    if (typeof member !== "string" || !MEMBER_FORM.test(member)) {
        const prefixed = typeof member === "string" ? withPrefix(member) : undefined;
        const fix = prefixed
            ? `write ${JSON.stringify(prefixed)} (IAM names the kind of principal before the email; group:<email> for a group)`
            : MEMBER_HINT;
        return [{ property, reason: `${JSON.stringify(member)} is not an IAM member; ${fix}` }];
    }
    return publicGrantFailures(member, property, role);
}

/** A public member (`allUsers`, `allAuthenticatedUsers`) in any role but roles/viewer: the official CLI refuses it. */
export function publicGrantFailures(member: unknown, property: string, role: unknown): CheckFailure[] {
    if (typeof member !== "string" || !PUBLIC.has(member) || typeof role !== "string" || role === ROLES.readers || isUnknown(role))
        return [];
    return [
        {
            property,
            reason: `${member} can only be granted ${ROLES.readers} (public read); Earth Engine's CLI refuses to give write or ownership to everyone`,
        },
    ];
}

export function roleFailures(role: unknown, property: string): CheckFailure[] {
    if (isUnknown(role)) return [];
    if (typeof role === "string" && ROLE_FORM.test(role)) return [];
    return [
        {
            property,
            reason: `${JSON.stringify(role)} is not a role; use roles/viewer (read), roles/editor (write) or roles/owner, as Earth Engine maps readers, writers and owners`,
        },
    ];
}

/** A bare email with its IAM prefix (the official CLI's `acl ch -u` adds `user:` the same way). */
function withPrefix(member: string): string | undefined {
    if (!/^[^\s@:]+@[^\s@:]+\.[^\s@:]+$/.test(member)) return undefined;
    return member.endsWith(".gserviceaccount.com") ? `serviceAccount:${member}` : `user:${member}`;
}
