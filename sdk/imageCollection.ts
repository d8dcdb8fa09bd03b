import type * as pulumi from "@pulumi/pulumi";
import { imageCollectionContract } from "../provider/imageCollection/contract";

import imageCollectionShim = require("../provider/shim/imageCollection");

import { type ArgsOf, type EarthEngineResourceClass, withOutputsOf } from "./resource";

/** The inputs of an ImageCollection (a Folder's, plus metadata); documented in provider/imageCollection/contract.ts. */
export type ImageCollectionArgs = ArgsOf<typeof imageCollectionContract>;

const ImageCollectionBase: EarthEngineResourceClass<typeof imageCollectionContract> = withOutputsOf();

/**
 * An Earth Engine image collection, made with `projects.assets.create`
 * (`type: IMAGE_COLLECTION`). Metadata changes are one `assets.patch` with an exact mask; a new
 * name replaces it. An identical existing collection is adopted; a differing one is refused.
 * Refresh reads the metadata back (drift) and notices an out-of-band deletion.
 */
export class ImageCollection extends ImageCollectionBase {
    constructor(name: string, args: ImageCollectionArgs, opts?: pulumi.CustomResourceOptions) {
        super(imageCollectionShim, imageCollectionContract, name, args, opts);
    }
}
