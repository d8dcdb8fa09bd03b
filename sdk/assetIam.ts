import type * as pulumi from "@pulumi/pulumi";

import assetIamBindingShim = require("../provider/shim/assetIamBinding");
import assetIamMemberShim = require("../provider/shim/assetIamMember");
import assetIamPolicyShim = require("../provider/shim/assetIamPolicy");

import { EarthEngineResource } from "./resource";

/*
 * Access to Earth Engine assets, named and split as @pulumi/gcp's storage.BucketIAM* resources.
 * Every write is a read-modify-write of the asset's IAM policy (getIamPolicy, setIamPolicy with
 * the etag), serialised per asset inside the provider process and retried when another writer
 * changed the policy in between. A policy that already holds the declaration is adopted without
 * a write. Earth Engine's ACLs map to roles: readers roles/viewer, writers roles/editor, owners
 * roles/owner. Do not mix AssetIamPolicy with the other two on one asset, nor AssetIamBinding
 * with AssetIamMember for the same role: they would undo each other.
 */

interface AssetIamArgsBase {
    /** The asset (any type): `projects/<project>/assets/<path>`, usually another resource's `assetName`. Changing it replaces. */
    assetName: pulumi.Input<string>;
    /** Consumer project for quota (`x-goog-user-project`); see ExternalImageArgs.project. */
    project?: pulumi.Input<string>;
}

export interface AssetIamMemberArgs extends AssetIamArgsBase {
    /** `roles/viewer` (read), `roles/editor` (write) or `roles/owner`. Changing it replaces. */
    role: pulumi.Input<string>;
    /**
     * `user:<email>`, `group:<email>`, `serviceAccount:<email>`, `domain:<domain>`, `allUsers`
     * (public read) or `allAuthenticatedUsers`; the last two only with roles/viewer. Changing it replaces.
     */
    member: pulumi.Input<string>;
}

export interface AssetIamBindingArgs extends AssetIamArgsBase {
    /** The role this resource is authoritative for. Changing it replaces. */
    role: pulumi.Input<string>;
    /** Exactly the members that hold the role (forms as AssetIamMemberArgs.member). Updated in place. */
    members: pulumi.Input<pulumi.Input<string>[]>;
}

export interface AssetIamPolicyArgs extends AssetIamArgsBase {
    /**
     * The whole policy: every `{role, members}`. Without a roles/owner binding the asset's owners
     * are kept, as Earth Engine does. Updated in place; destroy leaves only the owners.
     */
    bindings: pulumi.Input<pulumi.Input<{ role: pulumi.Input<string>; members: pulumi.Input<pulumi.Input<string>[]> }>[]>;
}

/** Non-authoritative: grants one role to one member; other grants are left alone. Id `<assetName> <role> <member>`. */
export class AssetIamMember extends EarthEngineResource {
    declare readonly assetName: pulumi.Output<string>;
    declare readonly role: pulumi.Output<string>;
    declare readonly member: pulumi.Output<string>;

    constructor(name: string, args: AssetIamMemberArgs, opts?: pulumi.CustomResourceOptions) {
        super(assetIamMemberShim, "AssetIamMember", name, args, ["project"], opts);
    }
}

/** Authoritative for one role on one asset; other roles are left alone. Id `<assetName> <role>`. */
export class AssetIamBinding extends EarthEngineResource {
    declare readonly assetName: pulumi.Output<string>;
    declare readonly role: pulumi.Output<string>;
    /** Sorted, without duplicates. */
    declare readonly members: pulumi.Output<string[]>;

    constructor(name: string, args: AssetIamBindingArgs, opts?: pulumi.CustomResourceOptions) {
        super(assetIamBindingShim, "AssetIamBinding", name, args, ["project"], opts);
    }
}

/** Authoritative for the asset's whole policy (owners kept unless declared). Id: the asset name. */
export class AssetIamPolicy extends EarthEngineResource {
    declare readonly assetName: pulumi.Output<string>;
    /** One per role, roles and members sorted. */
    declare readonly bindings: pulumi.Output<{ role: string; members: string[] }[]>;
    /** The policy's etag after this resource's last write or read. */
    declare readonly etag: pulumi.Output<string>;

    constructor(name: string, args: AssetIamPolicyArgs, opts?: pulumi.CustomResourceOptions) {
        super(assetIamPolicyShim, "AssetIamPolicy", name, args, ["etag", "project"], opts);
    }
}
