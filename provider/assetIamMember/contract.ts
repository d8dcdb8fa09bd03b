import { iamTarget, memberSchema, roleSchema } from "../iam/schemas";
import { defineContract, type KindContract } from "../resource/contract";

const grant = {
    /** `roles/viewer` (read), `roles/editor` (write) or `roles/owner`. Changing it replaces. */
    role: roleSchema("role"),
    /**
     * `user:<email>`, `group:<email>`, `serviceAccount:<email>`, `domain:<domain>`, `allUsers`
     * (public read) or `allAuthenticatedUsers`; the last two only with roles/viewer. Changing it replaces.
     */
    member: memberSchema,
};

const inputs: typeof iamTarget & typeof grant = { ...iamTarget, ...grant };

const outputs = {};

/** AssetIamMember: non-authoritative, one member in one role; other grants are left alone. Id `<assetName> <role> <member>`. */
export const assetIamMemberContract: KindContract<typeof inputs, typeof outputs> = defineContract("AssetIamMember", inputs, outputs);
