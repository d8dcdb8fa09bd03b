import * as pulumi from "@pulumi/pulumi";
import { externalImageSetContract, type SetImageInput } from "../provider/externalImageSet/contract";

import externalImageSetShim = require("../provider/shim/externalImageSet");

import { warnAboutImages } from "./manifestWarnings";
import { isDeferred } from "./plainValues";
import { type ArgsOf, type EarthEngineResourceClass, withOutputsOf } from "./resource";

/** ExternalImageSet's inputs (see the contract for each field): `parent`, `project`, `images`. */
export type ExternalImageSetArgs = Omit<ArgsOf<typeof externalImageSetContract>, "changeSummary">;
export type { SetImageInput };

/** A map given as a value, not as an Output or a promise of one: its keys are known now. */
const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === "object" && !isDeferred(value);

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
        // The option's paths under `images` go to check too, as the `ignoreChanges` input, which it applies in either spelling.
        const ignored = (opts?.ignoreChanges ?? []).filter((path) => path.startsWith("images"));
        super(externalImageSetShim, externalImageSetContract, name, ignored.length > 0 ? { ...args, ignoreChanges: ignored } : args, opts);
        warnAboutImages(this, args.images);
        // The provider records the images compactly (output `recordedImages`), not echoed: the
        // `images` output is the declaration, resolved once the set is. Made on first use only: an
        // Output of thousands of manifests costs the program about a second to build.
        const declared = args.images;
        let images: pulumi.Output<Record<string, SetImageInput>> | undefined;
        Object.defineProperty(this, "images", {
            get: () => {
                images ??= pulumi.all([this.parent, declared]).apply(([, value]) => value as Record<string, SetImageInput>);
                return images;
            },
        });
        const keys = isPlainRecord(declared)
            ? pulumi.output(Object.keys(declared))
            : pulumi.output(declared).apply((value) => Object.keys(value ?? {}));
        this.imageNames = pulumi
            .all([this.parent, keys])
            .apply(([parent, imageKeys]) => Object.fromEntries(imageKeys.map((key) => [key, `${parent}/${key}`])));
    }
}
