import type * as pulumi from "@pulumi/pulumi";
import { externalImageContract } from "../provider/externalImage/contract";

import externalImageShim = require("../provider/shim");

import type { ImageManifestArgs } from "./inputs";
import { warnAboutManifest } from "./manifestWarnings";
import { type ArgsOf, type EarthEngineResourceClass, withOutputsOf } from "./resource";

/**
 * The inputs of an ExternalImage, from its contract (each field is documented in
 * provider/externalImage/contract.ts); the manifest is the named ImageManifestArgs.
 */
export interface ExternalImageArgs extends ArgsOf<typeof externalImageContract, { imageManifest: pulumi.Input<ImageManifestArgs> }> {}

const ExternalImageBase: EarthEngineResourceClass<typeof externalImageContract> = withOutputsOf();

/**
 * An Earth Engine image asset backed by Cloud-Optimized GeoTIFFs in Cloud Storage (an
 * "external image"), registered with `projects.image.importExternal`.
 *
 * Changes to `properties`, `startTime` or `endTime` are patched in place; other manifest
 * changes re-import the image with `overwrite: true`; a new asset name replaces it (the new
 * asset is created before the old one is deleted).
 *
 * Problems Earth Engine would refuse fail `check` (before any request); things it accepts but
 * that look wrong (see the README's "Compatibility") are logged as warnings by the program.
 */
export class ExternalImage extends ExternalImageBase {
    constructor(name: string, args: ExternalImageArgs, opts?: pulumi.CustomResourceOptions) {
        super(externalImageShim, externalImageContract, name, withIgnoredPaths(args, opts), opts);
        warnAboutManifest(this, args.imageManifest);
    }
}

/**
 * The args with the `ignoreChanges` option's manifest paths as the `ignoreChanges` input, so that
 * `check` can apply them in the spelling the program writes, snake_case or camelCase (see
 * provider/externalImage/ignoreChanges.ts). Paths added later by transforms are not seen here:
 * the engine alone applies those, which works for camelCase paths only.
 */
function withIgnoredPaths(args: ExternalImageArgs, opts: pulumi.CustomResourceOptions | undefined): object {
    const paths = (opts?.ignoreChanges ?? []).filter((path) => path.startsWith("imageManifest"));
    return paths.length > 0 ? { ...args, ignoreChanges: paths } : args;
}
