import * as pulumi from "@pulumi/pulumi";
import type { ImageManifestInput } from "../provider/manifest/schema";
import { assetIdSegmentProblem as entryKeyProblem } from "../provider/values/assetName";
import { ExternalImage } from "./externalImage";
import { ExternalImageSet, type SetImageInput } from "./externalImageSet";
import { ImageCollection, type ImageCollectionArgs } from "./imageCollection";
import { isPlainValue } from "./plainValues";
import { describeProblems, type EntryProblem, type MergedEntry, mergeEntry } from "./timeseries/entries";
import type { ImageDefaultsArgs, ImageEntryArgs } from "./timeseries/inputs";
import { propertyTypeWarnings } from "./timeseries/propertyTypes";

export interface ExternalImageCollectionArgs extends ImageCollectionArgs {
    /** Fields every image shares (bands, tilesets, uriPrefix, properties, ...); see `ImageDefaults`. */
    defaults?: pulumi.Input<ImageDefaultsArgs>;
    /**
     * The images, keyed by asset id: entry `k` is the image `<name>/k` and the child resource
     * `<component name>/k`. Keys are one asset-id segment (letters, digits, `_`, `-`). Adding a key
     * creates one image, removing one deletes it, changing an entry touches only that image.
     */
    images: Record<string, pulumi.Input<ImageEntryArgs>>;
    /**
     * Batch mode: one `ExternalImageSet` resource owns every image, in place of one `ExternalImage`
     * per entry, so a stack carries thousands of images (README "Large archives"). Never switched
     * on implicitly; default false. Moving a collection between the modes: README "Large archives",
     * with `retainImagesOnDelete` one `up` ahead, so that no image is deleted.
     */
    batch?: boolean;
    /**
     * Give the resources that own the images `retainOnDelete`: when they leave the program (or on
     * destroy) Pulumi forgets them and Earth Engine keeps the images. Set it one `up` before
     * switching `batch`, so the resources of the old mode leave without deleting anything and the
     * new mode adopts the identical images. Default false.
     */
    retainImagesOnDelete?: boolean;
}

/**
 * An image collection of external images declared as a list of files and dates: the
 * `ImageCollection` plus one `ExternalImage` per entry, each entry merged over `defaults`.
 * The images name the collection through its `assetName` output, so Pulumi creates the
 * collection first and deletes it last.
 *
 * Errors (the program stops before any Earth Engine call): a key that is not one asset-id segment,
 * `name` in an entry or in defaults, `uri` together with `tilesets`, an entry with neither.
 * Warnings: a property that is a number in some images and a string in others (Earth Engine is
 * reported to refuse such an image in a collection).
 */
export class ExternalImageCollection extends pulumi.ComponentResource {
    /** The collection's full asset name, `projects/<project>/assets/<path>`. */
    readonly assetName: pulumi.Output<string>;
    /** The collection resource. */
    readonly collection: ImageCollection;
    /** The image resources by entry key; empty in batch mode (see `imageSet`). */
    readonly images: Readonly<Record<string, ExternalImage>>;
    /** In batch mode, the one resource that owns every image. */
    readonly imageSet?: ExternalImageSet;
    /** The full asset name of each image, by entry key. */
    readonly imageNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ExternalImageCollectionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("earthengine:index:ExternalImageCollection", name, {}, opts);
        const { defaults, images, batch, retainImagesOnDelete, ...collectionArgs } = args;
        // Entries given as plain values (the usual case: literals or stack config) are merged and
        // checked here, so one error names every bad entry before any resource is registered.
        // hideStack: the SDK then logs the message alone against this resource, not the stack and
        // an inspection of the whole resource object.
        const eager = isPlainValue(defaults) ? Object.entries(images).filter(([, entry]) => isPlainValue(entry)) : [];
        const results = new Map<string, MergedEntry>(eager.map(([key, entry]) => [key, mergeEntry(key, defaults, entry)]));
        // Each problem once (every entry repeats a problem of the defaults).
        const problems = new Map<string, EntryProblem>();
        for (const key of Object.keys(images)) {
            const reason = entryKeyProblem(key);
            const result = results.get(key);
            const found = result
                ? result.ok
                    ? []
                    : result.problems
                : reason
                  ? [{ property: `images[${JSON.stringify(key)}]`, reason }]
                  : [];
            for (const problem of found) problems.set(`${problem.property}\0${problem.reason}`, problem);
        }
        if (problems.size > 0) throw new pulumi.ResourceError(describeProblems(name, [...problems.values()]), this, true);

        this.collection = new ImageCollection(name, collectionArgs, { parent: this });
        this.assetName = this.collection.assetName;
        // Entries that hold outputs are merged when they resolve. A merge never rejects: each
        // consumer raises its own error, since the SDK edits an error's message in place each time
        // it passes through a serialization (one error shared by many outputs grows without bound).
        const merged: Record<string, pulumi.OutputInstance<MergedEntry>> = {};
        const children: Record<string, ExternalImage> = {};
        for (const [key, entry] of Object.entries(images)) {
            const known = results.get(key);
            merged[key] = known
                ? pulumi.output(known)
                : pulumi.all([pulumi.output(defaults), pulumi.output(entry)]).apply(([d, e]) => mergeEntry(key, d, e));
        }
        const imageOpts = { parent: this, ...(retainImagesOnDelete ? { retainOnDelete: true } : {}) };
        if (batch) {
            const setImages = pulumi.all(merged).apply((all) => {
                const problems = Object.values(all).flatMap((result) => (result.ok ? [] : result.problems));
                if (problems.length > 0) throw new pulumi.ResourceError(describeProblems(name, problems), this, true);
                return Object.fromEntries(
                    Object.entries(all).map(([key, result]) => [key, (result.ok ? result.manifest : {}) as unknown as SetImageInput]),
                );
            });
            this.imageSet = new ExternalImageSet(
                name,
                {
                    parent: this.collection.assetName,
                    project: collectionArgs.project,
                    images: setImages,
                },
                imageOpts,
            );
            this.imageNames = this.imageSet.imageNames;
        } else {
            for (const key of Object.keys(images)) {
                // Naming the collection through its output orders creation parent-first, deletion child-first.
                const imageManifest = pulumi.all([this.collection.assetName, merged[key]]).apply(([collectionName, result]) => {
                    if (!result.ok) throw new pulumi.ResourceError(describeProblems(name, result.problems), this, true);
                    return { ...result.manifest, name: `${collectionName}/${key}` };
                });
                children[key] = new ExternalImage(
                    `${name}/${key}`,
                    { project: collectionArgs.project, imageManifest: imageManifest as pulumi.Output<ImageManifestInput> },
                    imageOpts,
                );
            }
            this.imageNames = pulumi.all(Object.fromEntries(Object.entries(children).map(([key, child]) => [key, child.assetName])));
        }
        this.images = children;
        // Warnings need every entry; as a registered output the engine waits for them before it ends.
        const imageKeys = pulumi.all([pulumi.output(collectionArgs.properties), pulumi.all(merged)]).apply(([properties, results]) => {
            const manifests = Object.fromEntries(Object.entries(results).flatMap(([key, r]) => (r.ok ? [[key, r.manifest]] : [])));
            for (const warning of propertyTypeWarnings(properties, manifests)) pulumi.log.warn(warning, this);
            return Object.keys(results);
        });
        // Per-image mode registers what it always did, so existing stacks see no change.
        this.registerOutputs(
            batch ? { assetName: this.assetName, imageKeys, imageNames: this.imageNames } : { assetName: this.assetName, imageKeys },
        );
    }
}
