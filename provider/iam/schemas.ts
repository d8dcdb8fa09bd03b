import { z } from "zod";
import { project } from "../resource/fields";
import { assetNameSchema } from "../values/assetName";
import { isUnknown } from "../values/unknown";
import { memberFailures, roleFailures } from "./members";
import { canonicalBindings, uniqueMembers } from "./policy";

/**
 * The IAM inputs' zod schemas, over the one set of member and role rules in members.ts (which
 * the emulator shares). A member's form is checked alone; whether a public member may hold the
 * role is checked where both are known (the kind's check, a binding).
 */

/** The inputs every IAM kind takes besides its grant: the asset, and the consumer project. */
export const iamTarget = {
    /** The asset: `projects/<project>/assets/<path>`, usually another resource's `assetName`. Changing it replaces. */
    assetName: assetNameSchema("assetName"),
    /** Consumer project for quota (`x-goog-user-project`); see ExternalImageArgs.project. */
    project,
};

/** Issues of a member or role check, with their paths below the value checked. */
function addFailures(ctx: z.RefinementCtx, failures: { reason: string }[], path: PropertyKey[] = []): void {
    for (const failure of failures) ctx.addIssue({ code: "custom", message: failure.reason, path });
}

/** A role: `roles/viewer` (read), `roles/editor` (write), `roles/owner`, or a custom role. */
export function roleSchema(property: string) {
    return z
        .custom<string>((value) => value !== undefined, { error: `${property} is required: roles/viewer, roles/editor or roles/owner` })
        .superRefine((value, ctx) => addFailures(ctx, roleFailures(value, property)));
}

/** One IAM member, as gcloud and @pulumi/gcp write it (`user:<email>`, `allUsers`, ...). */
export const memberSchema = z
    .custom<string>((value) => value !== undefined, { error: "member is required: for example user:ana@example.com or allUsers" })
    .superRefine((value, ctx) => addFailures(ctx, memberFailures(value, "member", undefined)));

/** A list of members; normalised to sorted and without duplicates. */
export const membersSchema = z
    .custom<string[]>((value) => value !== undefined, { error: "members is required: the list of members that hold the role" })
    .superRefine((members, ctx) => addMemberFailures(ctx, members, undefined, []))
    .transform((members) => uniqueMembers(members));

/** Each member's form (and, when the role is known, whether a public member may hold it), with its index in the path. */
function addMemberFailures(ctx: z.RefinementCtx, members: unknown, role: unknown, path: PropertyKey[]): void {
    if (isUnknown(members)) return;
    if (!Array.isArray(members)) {
        addFailures(ctx, [{ reason: "members must be a list of IAM members" }], path);
        return;
    }
    for (const [i, member] of members.entries()) addFailures(ctx, memberFailures(member, "", role), [...path, i]);
}

/** One binding of a whole policy: `{role, members}`. */
function addBindingFailures(ctx: z.RefinementCtx, binding: unknown, path: PropertyKey[]): void {
    if (binding === null || typeof binding !== "object" || Array.isArray(binding)) {
        addFailures(ctx, [{ reason: "each binding is {role, members}" }], path);
        return;
    }
    const { role, members, ...rest } = binding as Record<string, unknown>;
    for (const key of Object.keys(rest))
        addFailures(ctx, [{ reason: `unknown field "${key}"; a binding has role and members` }], [...path, key]);
    addFailures(ctx, roleFailures(role, ""), [...path, "role"]);
    if (members === undefined)
        addFailures(ctx, [{ reason: "members is required: the list of members that hold the role" }], [...path, "members"]);
    else addMemberFailures(ctx, members, role, [...path, "members"]);
}

/** The whole policy's bindings, each `{role, members}`; normalised to one per role, sorted, empty dropped. */
export const bindingsSchema = z
    .custom<{ role: string; members: string[] }[]>((value) => value !== undefined, {
        error: "bindings is required: the list of {role, members}; [] leaves only the owners",
    })
    .superRefine((bindings, ctx) => {
        if (!Array.isArray(bindings)) addFailures(ctx, [{ reason: "bindings must be a list of {role, members}" }]);
        else for (const [i, binding] of bindings.entries()) addBindingFailures(ctx, binding, [i]);
    })
    .transform((bindings) => canonicalBindings(bindings));
