import { listChildren } from "../container/forceDestroy";
import type { EarthEngineAsset, EarthEngineClient } from "../earthengine";
import { readOrGone } from "../resource/lifecycle";

/** `listAssets` answers at most this many assets a page in the FULL view. */
export const LIST_PAGE_SIZE = 1000;

/**
 * The images directly under `parent`, by key, from a paged `listAssets` in the FULL view (at
 * Google the BASIC view carries no `updateTime`); undefined when the parent itself is gone.
 * Assets of other types are left out: at their key the image is gone.
 */
export async function listImages(client: EarthEngineClient, parent: string): Promise<Map<string, EarthEngineAsset> | undefined> {
    const children = await readOrGone(() => listChildren(client, parent, LIST_PAGE_SIZE, "FULL"));
    if (children === undefined) return undefined;
    const prefix = `${parent}/`;
    const images = new Map<string, EarthEngineAsset>();
    for (const asset of children) {
        if (asset.type === "IMAGE" && asset.name.startsWith(prefix)) images.set(asset.name.slice(prefix.length), asset);
    }
    return images;
}

/**
 * The images at `keys` that exist, read the cheaper way: one GET each when they are fewer than
 * the listing's pages (for `total` images), else the listing.
 */
export async function readImages(
    client: EarthEngineClient,
    parent: string,
    keys: readonly string[],
    total: number,
): Promise<Map<string, EarthEngineAsset>> {
    if (keys.length > Math.ceil(Math.max(total, 1) / LIST_PAGE_SIZE)) return (await listImages(client, parent)) ?? new Map();
    const found = new Map<string, EarthEngineAsset>();
    await Promise.all(
        keys.map(async (key) => {
            const asset = await readOrGone(() => client.getAsset(`${parent}/${key}`));
            if (asset?.type === "IMAGE") found.set(key, asset);
        }),
    );
    return found;
}
