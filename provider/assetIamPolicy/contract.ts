import { z } from "zod";
import { bindingsSchema, iamTarget } from "../iam/schemas";
import { defineContract, type KindContract } from "../resource/contract";

const grant = {
    /**
     * The whole policy: every `{role, members}`. Without a roles/owner binding the asset's owners
     * are kept, as Earth Engine does. Updated in place; destroy leaves only the owners. As an
     * output: one per role, roles and members sorted.
     */
    bindings: bindingsSchema,
};

const inputs: typeof iamTarget & typeof grant = { ...iamTarget, ...grant };

const outputs = {
    /** The policy's etag after this resource's last write or read. */
    etag: z.string(),
};

/** AssetIamPolicy: authoritative for the asset's whole policy (owners kept unless declared). Id: the asset name. */
export const assetIamPolicyContract: KindContract<typeof inputs, typeof outputs> = defineContract("AssetIamPolicy", inputs, outputs);
