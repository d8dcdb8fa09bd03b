import type * as pulumi from "@pulumi/pulumi";
import { assetIamBindingContract } from "../provider/assetIamBinding/contract";
import { assetIamMemberContract } from "../provider/assetIamMember/contract";
import { assetIamPolicyContract } from "../provider/assetIamPolicy/contract";

import assetIamBindingShim = require("../provider/shim/assetIamBinding");
import assetIamMemberShim = require("../provider/shim/assetIamMember");
import assetIamPolicyShim = require("../provider/shim/assetIamPolicy");

import { type ArgsOf, type EarthEngineResourceClass, withOutputsOf } from "./resource";

/*
 * Access to Earth Engine assets, named and split as @pulumi/gcp's storage.BucketIAM* resources.
 * Every write is a read-modify-write of the asset's IAM policy (getIamPolicy, setIamPolicy with
 * the etag), serialised per asset inside the provider process and retried when another writer
 * changed the policy in between. A policy that already holds the declaration is adopted without
 * a write. Earth Engine's ACLs map to roles: readers roles/viewer, writers roles/editor, owners
 * roles/owner. Do not mix AssetIamPolicy with the other two on one asset, nor AssetIamBinding
 * with AssetIamMember for the same role: they would undo each other. Each field is documented
 * in the kind's contract (provider/assetIam<Kind>/contract.ts).
 */

export type AssetIamMemberArgs = ArgsOf<typeof assetIamMemberContract>;
export type AssetIamBindingArgs = ArgsOf<typeof assetIamBindingContract>;
export type AssetIamPolicyArgs = ArgsOf<typeof assetIamPolicyContract>;

const AssetIamMemberBase: EarthEngineResourceClass<typeof assetIamMemberContract> = withOutputsOf();

/** Non-authoritative: grants one role to one member; other grants are left alone. Id `<assetName> <role> <member>`. */
export class AssetIamMember extends AssetIamMemberBase {
    constructor(name: string, args: AssetIamMemberArgs, opts?: pulumi.CustomResourceOptions) {
        super(assetIamMemberShim, assetIamMemberContract, name, args, opts);
    }
}

const AssetIamBindingBase: EarthEngineResourceClass<typeof assetIamBindingContract> = withOutputsOf();

/** Authoritative for one role on one asset; other roles are left alone. Id `<assetName> <role>`. */
export class AssetIamBinding extends AssetIamBindingBase {
    constructor(name: string, args: AssetIamBindingArgs, opts?: pulumi.CustomResourceOptions) {
        super(assetIamBindingShim, assetIamBindingContract, name, args, opts);
    }
}

const AssetIamPolicyBase: EarthEngineResourceClass<typeof assetIamPolicyContract> = withOutputsOf();

/** Authoritative for the asset's whole policy (owners kept unless declared). Id: the asset name. */
export class AssetIamPolicy extends AssetIamPolicyBase {
    constructor(name: string, args: AssetIamPolicyArgs, opts?: pulumi.CustomResourceOptions) {
        super(assetIamPolicyShim, assetIamPolicyContract, name, args, opts);
    }
}
