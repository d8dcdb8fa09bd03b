import type * as pulumi from "@pulumi/pulumi";

import folderShim = require("../provider/shim/folder");

import { EarthEngineResource } from "./resource";

export interface FolderArgs {
    /**
     * Full asset name, `projects/<project>/assets/<path>` (or a legacy `users/<user>/<path>`).
     * The parent must exist: use a parent Folder's `assetName` in it (`pulumi.interpolate`) and
     * Pulumi creates the parent first and deletes it last. Changing it replaces the folder.
     */
    name: pulumi.Input<string>;
    /** Consumer project for quota (`x-goog-user-project`); see ExternalImageArgs.project. Changing it makes no call. */
    project?: pulumi.Input<string>;
    /**
     * On destroy, delete everything inside first (depth first, through every page of
     * `listAssets`), including assets made outside Pulumi. Default false: deleting a non-empty
     * folder fails, as Earth Engine refuses it, and nothing is deleted.
     */
    forceDestroy?: pulumi.Input<boolean>;
}

/**
 * An Earth Engine folder, made with `projects.assets.create` (`type: FOLDER`). An identical
 * folder that already exists is adopted; a different asset at the name is refused. Refresh
 * notices an out-of-band deletion.
 */
export class Folder extends EarthEngineResource {
    /** `projects/<project>/assets/<path>`; also the resource id. Use it in children's names. */
    declare readonly assetName: pulumi.Output<string>;
    /** When Earth Engine last changed the folder (RFC 3339). */
    declare readonly updateTime: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly project: pulumi.Output<string | undefined>;
    declare readonly forceDestroy: pulumi.Output<boolean | undefined>;

    constructor(name: string, args: FolderArgs, opts?: pulumi.CustomResourceOptions) {
        super(folderShim, "Folder", name, args, ["assetName", "updateTime", "project", "forceDestroy"], opts);
    }
}
