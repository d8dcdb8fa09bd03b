import { iamTarget, membersSchema, roleSchema } from "../iam/schemas";
import { defineContract, type KindContract } from "../resource/contract";

const grant = {
    /** The role this resource is authoritative for. Changing it replaces. */
    role: roleSchema("role"),
    /**
     * Exactly the members that hold the role (forms as AssetIamMemberArgs.member). Updated in
     * place. As an output: sorted, without duplicates.
     */
    members: membersSchema,
};

const inputs: typeof iamTarget & typeof grant = { ...iamTarget, ...grant };

const outputs = {};

/** AssetIamBinding: authoritative for one role on one asset; other roles are left alone. Id `<assetName> <role>`. */
export const assetIamBindingContract: KindContract<typeof inputs, typeof outputs> = defineContract("AssetIamBinding", inputs, outputs);
