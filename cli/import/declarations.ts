import type { EarthEngineAsset, IamBinding } from "../../provider/earthengine";
import { assetIdSegmentProblem, parseAssetName } from "../../provider/values/assetName";
import { type CollectionImages, liftDefaults, type ManifestFields, manifestOfAsset, sortedObject } from "./imageEntries";
import type { WalkedAsset, WalkedTree } from "./walk";

/**
 * The program to generate, as data: what `--format json` writes as declarations.json and what
 * `--format ts` renders as TypeScript. A pure function of the walked tree and the options, so the
 * same tree always gives the same declarations in the same order.
 */
export interface Declarations {
    /** The asset (or project root) the import read. */
    source: string;
    protect: boolean;
    resources: Declaration[];
    skipped: SkippedAsset[];
}

export type Declaration = FolderDeclaration | CollectionDeclaration | ImageDeclaration | IamDeclaration;

interface AssetDeclarationBase {
    /** The Pulumi resource name: the asset's path below `projects/<project>/assets/`, stable across imports. */
    name: string;
    assetName: string;
    /** The resource name of the folder or collection declared as the asset's parent; its `assetName` prefixes this one's. */
    parent?: string;
}

export interface FolderDeclaration extends AssetDeclarationBase {
    type: "Folder";
    /** The folder's children were not read (`--recursive` not given): they are not declared. */
    notWalked?: true;
}

export interface CollectionDeclaration extends AssetDeclarationBase, CollectionImages {
    type: "ExternalImageCollection";
    /** The collection's own metadata: properties, startTime, endTime, title, description. */
    metadata: Record<string, unknown>;
    batch: boolean;
}

export interface ImageDeclaration extends AssetDeclarationBase {
    type: "ExternalImage";
    imageManifest: ManifestFields;
}

export interface IamDeclaration {
    type: "AssetIamBinding" | "AssetIamPolicy";
    name: string;
    /** The resource name of the asset's declaration. */
    target: string;
    /** AssetIamBinding: one role and its members. */
    role?: string;
    members?: string[];
    /** AssetIamPolicy: every non-owner binding. */
    bindings?: IamBinding[];
}

export interface SkippedAsset {
    assetName: string;
    type: string;
    reason: string;
}

export interface DeclareOptions {
    protect: boolean;
    batchThreshold: number;
    iam: "binding" | "policy" | "none";
}

/** Fields Earth Engine does not return, so an import cannot recover them; the generated code marks them. */
export const NOT_RECOVERABLE =
    "Not recoverable (Earth Engine does not return them): each image's memo, the manifest-level uriPrefix and defaults " +
    "(minTileAreaRatio, skipMetadataRead), maskBands, footprint (and footprints the service rewrote). Fill them in if you set them; " +
    "the provider does not compare them with the asset, so leaving them out changes nothing.";

const OWNER = "roles/owner";

/** The declarations that adopt `tree`. */
export function declare(tree: WalkedTree, options: DeclareOptions): Declarations {
    const out: Declarations = {
        source: tree.kind === "project" ? `projects/${tree.project}` : tree.root.asset.name,
        protect: options.protect,
        resources: [],
        skipped: [],
    };
    const iam: IamDeclaration[] = [];
    const visit = (walked: WalkedAsset, parent: string | undefined): void => {
        const { asset } = walked;
        const name = resourceName(asset.name);
        const base = { name, assetName: asset.name, ...(parent ? { parent } : {}) };
        if (asset.type === "FOLDER") {
            out.resources.push({ type: "Folder", ...base, ...(walked.children ? {} : { notWalked: true as const }) });
            iam.push(...iamOf(walked, name, options));
            for (const child of byName(walked.children ?? [])) visit(child, name);
        } else if (asset.type === "IMAGE_COLLECTION") {
            const manifests: Record<string, ManifestFields> = {};
            const images = byName(walked.children ?? []).filter((child) => {
                const key = child.asset.name.slice(asset.name.length + 1);
                const problem = skipReason(child.asset) ?? assetIdSegmentProblem(key);
                if (problem) out.skipped.push({ assetName: child.asset.name, type: child.asset.type, reason: problem });
                else manifests[key] = manifestOfAsset(child.asset);
                return problem === undefined;
            });
            const lifted = liftDefaults(manifests);
            out.resources.push({
                type: "ExternalImageCollection",
                ...base,
                metadata: collectionMetadata(asset),
                batch: images.length > options.batchThreshold,
                ...lifted,
            });
            iam.push(...iamOf(walked, name, options));
        } else {
            const reason = skipReason(asset);
            if (reason) {
                out.skipped.push({ assetName: asset.name, type: asset.type, reason });
                return;
            }
            out.resources.push({ type: "ExternalImage", ...base, imageManifest: manifestOfAsset(asset) });
            iam.push(...iamOf(walked, name, options));
        }
    };
    if (tree.kind === "project") for (const child of byName(tree.children)) visit(child, undefined);
    else visit(tree.root, undefined);
    out.resources.push(...iam);
    return out;
}

/** Sorted by asset name: the listing's order is the service's, not a promise. */
function byName(assets: WalkedAsset[]): WalkedAsset[] {
    return [...assets].sort((a, b) => (a.asset.name < b.asset.name ? -1 : a.asset.name > b.asset.name ? 1 : 0));
}

/** Why the product cannot manage an asset (undefined: it can, as a folder, collection or external image). */
function skipReason(asset: EarthEngineAsset): string | undefined {
    switch (asset.type) {
        case "FOLDER":
        case "IMAGE_COLLECTION":
            return undefined;
        case "IMAGE":
            return asset.tilesets && asset.tilesets.length > 0
                ? undefined
                : "an ingested image (its pixels are stored by Earth Engine, not read from Cloud-Optimized GeoTIFFs): pulumi-earthengine manages external images only";
        case "TABLE":
            return "a table: pulumi-earthengine does not manage tables";
        case "CLASSIFIER":
            return "a classifier: pulumi-earthengine does not manage classifiers";
        case "FEATURE_VIEW":
            return "a feature view: pulumi-earthengine does not manage feature views";
        default:
            return `an asset of type ${asset.type}, which pulumi-earthengine does not manage`;
    }
}

/** `projects/p/assets/a/b` → `a/b`; a legacy `projects/earthengine-legacy/assets/users/u/a` → `users/u/a`. */
export function resourceName(assetName: string): string {
    return parseAssetName(assetName)?.path ?? assetName;
}

function collectionMetadata(asset: EarthEngineAsset): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (asset.properties && Object.keys(asset.properties).length > 0) out.properties = sortedObject(asset.properties);
    for (const key of ["startTime", "endTime", "title", "description"] as const) if (asset[key]) out[key] = asset[key];
    return out;
}

/** The asset's IAM as declarations: owners never (destroying an owner binding would strip the owners). */
function iamOf(walked: WalkedAsset, target: string, options: DeclareOptions): IamDeclaration[] {
    if (options.iam === "none" || !walked.bindings) return [];
    const bindings = walked.bindings
        .filter((b) => b.role !== OWNER && b.members.length > 0)
        .map((b) => ({ role: b.role, members: [...new Set(b.members)].sort() }))
        .sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
    if (bindings.length === 0) return [];
    if (options.iam === "policy") return [{ type: "AssetIamPolicy", name: `${target}:iam-policy`, target, bindings }];
    return bindings.map((b) => ({
        type: "AssetIamBinding" as const,
        name: `${target}:${b.role}`,
        target,
        role: b.role,
        members: b.members,
    }));
}
