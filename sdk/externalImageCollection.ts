import * as pulumi from "@pulumi/pulumi";
import type { ImageManifestInput } from "../provider/manifest/schema";
import { ExternalImage } from "./externalImage";
import { ImageCollection, type ImageCollectionArgs } from "./imageCollection";
import { describeProblems, type EntryProblem, mergeEntry } from "./timeseries/entries";
import { entryKeyProblem } from "./timeseries/entryKey";
import type { ImageDefaultsArgs, ImageEntryArgs } from "./timeseries/inputs";
import { propertyTypeWarnings } from "./timeseries/propertyTypes";

export interface ExternalImageCollectionArgs extends ImageCollectionArgs {
    /** Fields every image shares (bands, tilesets, uriPrefix, properties, ...); see `ImageDefaults`. */
    defaults?: ImageDefaultsArgs;
    /**
     * The images, keyed by asset id: entry `k` is the image `<name>/k` and the child resource
     * `<component name>/k`. Keys are one asset-id segment (letters, digits, `_`, `-`). Adding a key
     * creates one image, removing one deletes it, changing an entry touches only that image.
     */
    images: Record<string, ImageEntryArgs>;
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
    /** The image resources by entry key. */
    readonly images: Readonly<Record<string, ExternalImage>>;

    constructor(name: string, args: ExternalImageCollectionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("earthengine:index:ExternalImageCollection", name, {}, opts);
        const { defaults, images, ...collectionArgs } = args;
        const badKeys: EntryProblem[] = Object.keys(images).flatMap((key) => {
            const reason = entryKeyProblem(key);
            return reason ? [{ property: `images[${JSON.stringify(key)}]`, reason }] : [];
        });
        // hideStack: the SDK then logs the message alone against this resource, not the stack and
        // an inspection of the whole resource object.
        if (badKeys.length > 0) throw new pulumi.ResourceError(describeProblems(name, badKeys), this, true);

        this.collection = new ImageCollection(name, collectionArgs, { parent: this });
        this.assetName = this.collection.assetName;
        const merged: Record<string, pulumi.Output<Record<string, unknown>>> = {};
        const children: Record<string, ExternalImage> = {};
        for (const [key, entry] of Object.entries(images)) {
            merged[key] = pulumi.all([pulumi.output(defaults), pulumi.output(entry)]).apply(([d, e]) => {
                const result = mergeEntry(key, d, e);
                if (!result.ok) throw new pulumi.ResourceError(describeProblems(name, result.problems), this, true);
                return result.manifest;
            });
            // Naming the collection through its output orders creation parent-first, deletion child-first.
            const imageManifest = pulumi
                .all([this.collection.assetName, merged[key]])
                .apply(([collectionName, manifest]) => ({ ...manifest, name: `${collectionName}/${key}` }));
            children[key] = new ExternalImage(
                `${name}/${key}`,
                { project: collectionArgs.project, imageManifest: imageManifest as pulumi.Output<ImageManifestInput> },
                { parent: this },
            );
        }
        this.images = children;
        // Warnings need every entry; as a registered output the engine waits for them before it ends.
        const imageKeys = pulumi.all([pulumi.output(collectionArgs.properties), pulumi.all(merged)]).apply(([properties, manifests]) => {
            for (const warning of propertyTypeWarnings(properties, manifests)) pulumi.log.warn(warning, this);
            return Object.keys(manifests);
        });
        this.registerOutputs({ assetName: this.assetName, imageKeys });
    }
}
