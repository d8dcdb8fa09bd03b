import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import {
    EXTERNAL_IMAGE_SET_OUTPUT_KEYS,
    type ExternalImageSetOutputs,
    type externalImageSetContract,
    type SetImageInput,
} from "../provider/externalImageSet/contract";

import externalImageSetShim = require("../provider/shim/externalImageSet");

import type { DeepInput } from "./inputs";
import { EarthEngineResource } from "./resource";

type SetInputs = Omit<z.input<typeof externalImageSetContract.inputs>, "changeSummary">;

/** ExternalImageSet's inputs (see the contract for each field): `parent`, `project`, `images`. */
export type ExternalImageSetArgs = { [K in keyof SetInputs]: DeepInput<SetInputs[K]> };
export type { SetImageInput };

/**
 * Many external images in one folder or image collection, owned by one resource: for archives
 * of thousands of images (README "Large archives"). Image `k` is `<parent>/k`. An `up` sends
 * only the writes of the images that changed (import, patch, re-import, delete), through the
 * provider's request limits; `refresh` lists the parent and reads only the images whose
 * `updateTime` moved; preview makes no Earth Engine call. `pulumi preview --diff` shows
 * `changeSummary` (`+created ~changed -deleted`) and exactly the images that change.
 *
 * A create or update that fails midway records the images that exist, so the next `up`
 * continues and a `destroy` deletes them all.
 */
export class ExternalImageSet extends EarthEngineResource {
    declare readonly parent: pulumi.Output<string>;
    declare readonly project: pulumi.Output<string | undefined>;
    /** The images as registered (normalised manifests without name), by key. */
    declare readonly images: pulumi.Output<ExternalImageSetOutputs["images"]>;
    /** When Earth Engine last changed each image (RFC 3339), by key. */
    declare readonly updateTimes: pulumi.Output<Record<string, string>>;
    /** The full asset name of each image, `projects/<project>/assets/<path>/<key>`, by key. */
    readonly imageNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ExternalImageSetArgs, opts?: pulumi.CustomResourceOptions) {
        super(externalImageSetShim, "ExternalImageSet", name, args, EXTERNAL_IMAGE_SET_OUTPUT_KEYS, opts);
        this.imageNames = pulumi
            .all([this.parent, this.images])
            .apply(([parent, images]) => Object.fromEntries(Object.keys(images ?? {}).map((key) => [key, `${parent}/${key}`])));
    }
}
