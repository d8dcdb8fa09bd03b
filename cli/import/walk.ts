import { AssetNotFoundError, type EarthEngineAsset, type EarthEngineClient, type IamBinding } from "../../provider/earthengine";
import { ASSET_NAME_HINT, normalizeAssetName, parseAssetName } from "../../provider/values/assetName";

/** One asset as the walk found it. */
export interface WalkedAsset {
    /** As listed, or as `assets.get` answered where the listing lacked what a declaration needs. */
    asset: EarthEngineAsset;
    /** The bindings of its IAM policy (undefined: not read). */
    bindings?: IamBinding[];
    /** A folder's or collection's children, in the listing's order (undefined: not walked). */
    children?: WalkedAsset[];
}

/** The walked tree: one root asset, or the assets at a project's root. */
export type WalkedTree = { kind: "asset"; root: WalkedAsset } | { kind: "project"; project: string; children: WalkedAsset[] };

export interface WalkOptions {
    /** Descend into folders (collections are always listed: their images are part of their declaration). */
    recursive: boolean;
    /** Read each asset's IAM policy. */
    readIam: boolean;
    /** Called as the walk finds assets (`found`) and finishes them (`done`); counts only grow. */
    onProgress?: (progress: WalkProgress) => void;
    /** Page size of listAssets (default: the service's default, 1000). */
    pageSize?: number;
}

export interface WalkProgress {
    found: number;
    done: number;
    /** Requests sent so far: list pages, gets and IAM reads. */
    requests: number;
}

/** Counts of what the walk asked Earth Engine, for the summary and the bench. */
export interface WalkCalls {
    listPages: number;
    gets: number;
    iamReads: number;
}

const PROJECT_ROOT = /^projects\/([^/]+)(?:\/assets)?\/?$/;

/**
 * Reads the tree at `rootName` with reads only: `listAssets` page by page for every container
 * walked, `assets.get` only for a listed image that lacks its tilesets (the listing may omit
 * them; Earth Engine's BASIC view does), and `getIamPolicy` per asset when asked (not for images inside a collection, which
 * cannot hold a policy of their own). Requests go
 * through the client, so its retry policy and limiter apply; siblings are read concurrently.
 */
export async function walkTree(
    client: EarthEngineClient,
    rootName: string,
    options: WalkOptions,
): Promise<{ tree: WalkedTree; calls: WalkCalls }> {
    const calls: WalkCalls = { listPages: 0, gets: 0, iamReads: 0 };
    const progress = { found: 0, done: 0 };
    const report = () => options.onProgress?.({ ...progress, requests: calls.listPages + calls.gets + calls.iamReads });

    const counted = async <T>(request: Promise<T>, kind: keyof WalkCalls): Promise<T> => {
        const answer = await request;
        calls[kind]++;
        return answer;
    };
    const list = async (parent: string): Promise<EarthEngineAsset[]> => {
        const out: EarthEngineAsset[] = [];
        let pageToken: string | undefined;
        do {
            const page = await client.listAssets(parent, { pageToken, pageSize: options.pageSize });
            calls.listPages++;
            out.push(...(page.assets ?? []));
            progress.found += page.assets?.length ?? 0;
            report();
            pageToken = page.nextPageToken || undefined;
        } while (pageToken);
        return out;
    };

    // An image inside a collection has no policy of its own to declare: Earth Engine refuses to set one
    // ("Parent of the asset ... is a collection"), so its IAM is not read.
    const visit = async (listed: EarthEngineAsset, descend: boolean, read = false, inCollection = false): Promise<WalkedAsset> => {
        const [asset, bindings, children] = await Promise.all([
            !read && needsGet(listed) ? counted(client.getAsset(listed.name), "gets") : listed,
            options.readIam && !inCollection
                ? counted(client.getIamPolicy(listed.name), "iamReads").then((p) => p.bindings ?? [])
                : undefined,
            walksChildren(listed, descend)
                ? list(listed.name).then((found) => visitAll(found, options.recursive, listed.type === "IMAGE_COLLECTION"))
                : undefined,
        ]);
        progress.done++;
        report();
        return { asset, ...(bindings ? { bindings } : {}), ...(children ? { children } : {}) };
    };
    const visitAll = (assets: EarthEngineAsset[], descend: boolean, inCollection = false) =>
        Promise.all(assets.map((a) => visit(a, descend, false, inCollection)));

    const project = PROJECT_ROOT.exec(rootName)?.[1];
    if (project !== undefined) {
        const children = await visitAll(await list(`projects/${project}/assets`), options.recursive);
        return { tree: { kind: "project", project, children }, calls };
    }
    const name = normalizeAssetName(rootName);
    if (!parseAssetName(name))
        throw new Error(`"${rootName}" is not an asset name: ${ASSET_NAME_HINT}, or projects/<project> for a whole project`);
    let root: EarthEngineAsset;
    try {
        root = await client.getAsset(name);
        calls.gets++;
    } catch (error) {
        if (error instanceof AssetNotFoundError)
            throw new Error(`${name} does not exist (or the caller may not read it): check the name and the credentials' project`);
        throw error;
    }
    progress.found++;
    return { tree: { kind: "asset", root: await visit(root, true, true) }, calls };
}

/** A listed image without tilesets may be an external image the listing abbreviated: read it. */
function needsGet(asset: EarthEngineAsset): boolean {
    return asset.type === "IMAGE" && asset.tilesets === undefined;
}

/** Collections always (their images are their content); folders at the root, or below it with `recursive`. */
function walksChildren(asset: EarthEngineAsset, descend: boolean): boolean {
    return asset.type === "IMAGE_COLLECTION" || (asset.type === "FOLDER" && descend);
}
