import * as pulumi from "@pulumi/pulumi";
import { externalImageSetContract, type SetImageInput } from "../provider/externalImageSet/contract";

import externalImageSetShim = require("../provider/shim/externalImageSet");

import { type ArgsOf, type EarthEngineResourceClass, withOutputsOf } from "./resource";

/** ExternalImageSet's inputs (see the contract for each field): `parent`, `project`, `images`. */
export type ExternalImageSetArgs = Omit<ArgsOf<typeof externalImageSetContract>, "changeSummary">;
export type { SetImageInput };

const ExternalImageSetBase: EarthEngineResourceClass<typeof externalImageSetContract> = withOutputsOf();

/**
 * Many external images in one folder or image collection, owned by one resource: for archives
 * of thousands of images (README "Large archives"). Image `k` is `<parent>/k`. An `up` sends
 * only the writes of the images that changed (import, patch, re-import, delete), through the
 * provider's request limits; `refresh` lists the parent and reads only the images whose
 * `updateTime` moved, and reads the source files' Cloud Storage generations with one listing per
 * folder: an image whose file was rewritten after its import is re-imported alone by the next
 * `up` (outputs `sourceGenerations`, `liveSourceGenerations`); preview makes no Earth Engine call. `pulumi preview --diff` shows
 * `changeSummary` (`+created ~changed -deleted`) and exactly the images that change.
 *
 * A create or update that fails midway records the images that exist, so the next `up`
 * continues and a `destroy` deletes them all.
 */
export class ExternalImageSet extends ExternalImageSetBase {
    /** The full asset name of each image, `projects/<project>/assets/<path>/<key>`, by key. */
    readonly imageNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ExternalImageSetArgs, opts?: pulumi.CustomResourceOptions) {
        super(externalImageSetShim, externalImageSetContract, name, args, opts);
        // The provider records the images compactly (output `recordedImages`) rather than echoing
        // them: `images` is the declaration, resolved once the set is (through `parent`).
        const images = pulumi
            .all([this.parent, pulumi.output(args.images)])
            .apply(([, declared]) => declared as Record<string, SetImageInput>);
        (this as { images: pulumi.Output<Record<string, SetImageInput>> }).images = images;
        this.imageNames = pulumi
            .all([this.parent, images])
            .apply(([parent, declared]) => Object.fromEntries(Object.keys(declared ?? {}).map((key) => [key, `${parent}/${key}`])));
    }
}
