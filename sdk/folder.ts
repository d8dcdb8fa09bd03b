import type * as pulumi from "@pulumi/pulumi";
import { folderContract } from "../provider/folder/contract";

import folderShim = require("../provider/shim/folder");

import { type ArgsOf, type EarthEngineResourceClass, withOutputsOf } from "./resource";

/** The inputs of a Folder; each field is documented in its contract (provider/folder/contract.ts). */
export type FolderArgs = ArgsOf<typeof folderContract>;

const FolderBase: EarthEngineResourceClass<typeof folderContract> = withOutputsOf();

/**
 * An Earth Engine folder, made with `projects.assets.create` (`type: FOLDER`). An identical
 * folder that already exists is adopted; a different asset at the name is refused. Refresh
 * notices an out-of-band deletion.
 */
export class Folder extends FolderBase {
    constructor(name: string, args: FolderArgs, opts?: pulumi.CustomResourceOptions) {
        super(folderShim, folderContract, name, args, opts);
    }
}
