import type * as pulumi from "@pulumi/pulumi";

import imageCollectionShim = require("../provider/shim/imageCollection");

import type { FolderArgs } from "./folder";
import { EarthEngineResource } from "./resource";

export interface ImageCollectionArgs extends FolderArgs {
    /** Collection metadata: keys of letters, digits and '_', values strings or numbers. Patched in place. */
    properties?: pulumi.Input<Record<string, pulumi.Input<string | number>>>;
    /** Start of the collection's time range (RFC 3339). Patched in place. */
    startTime?: pulumi.Input<string>;
    /** Exclusive end of the collection's time range (RFC 3339), after startTime. Patched in place. */
    endTime?: pulumi.Input<string>;
    /** Title (API v1alpha only, the default; v1 and v1beta refuse it). Patched in place. */
    title?: pulumi.Input<string>;
    /** Description (API v1alpha only, the default; v1 and v1beta refuse it). Patched in place. */
    description?: pulumi.Input<string>;
}

/**
 * An Earth Engine image collection, made with `projects.assets.create`
 * (`type: IMAGE_COLLECTION`). Metadata changes are one `assets.patch` with an exact mask; a new
 * name replaces it. An identical existing collection is adopted; a differing one is refused.
 * Refresh reads the metadata back (drift) and notices an out-of-band deletion.
 */
export class ImageCollection extends EarthEngineResource {
    /** `projects/<project>/assets/<path>`; also the resource id. Use it in the images' names. */
    declare readonly assetName: pulumi.Output<string>;
    /** When Earth Engine last changed the collection (RFC 3339). */
    declare readonly updateTime: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly project: pulumi.Output<string | undefined>;
    declare readonly forceDestroy: pulumi.Output<boolean | undefined>;
    declare readonly properties: pulumi.Output<Record<string, string | number> | undefined>;
    declare readonly startTime: pulumi.Output<string | undefined>;
    declare readonly endTime: pulumi.Output<string | undefined>;
    declare readonly title: pulumi.Output<string | undefined>;
    declare readonly description: pulumi.Output<string | undefined>;

    constructor(name: string, args: ImageCollectionArgs, opts?: pulumi.CustomResourceOptions) {
        const outputs = [
            "assetName",
            "updateTime",
            "project",
            "forceDestroy",
            "properties",
            "startTime",
            "endTime",
            "title",
            "description",
        ];
        super(imageCollectionShim, "ImageCollection", name, args, outputs, opts);
    }
}
