import { AssetNotFoundError, type EarthEngineAsset, type EarthEngineClient } from "../earthengine";

/**
 * Every immediate child of `parent`, through all pages of `listAssets`. View BASIC gives names and
 * types only; FULL also the metadata and `updateTime` (at Google BASIC carries no `updateTime`).
 */
export async function listChildren(
    client: EarthEngineClient,
    parent: string,
    pageSize?: number,
    view: "BASIC" | "FULL" = "BASIC",
): Promise<EarthEngineAsset[]> {
    const children: EarthEngineAsset[] = [];
    let pageToken: string | undefined;
    do {
        const page = await client.listAssets(parent, { view, pageToken, pageSize });
        children.push(...(page.assets ?? []));
        pageToken = page.nextPageToken;
    } while (pageToken);
    return children;
}

/**
 * Deletes everything under `parent`, depth first (a container's children before the container),
 * as `earthengine rm -r` does. Each listing is complete before its deletions start, so paging
 * never skips an asset. An asset already gone counts as deleted. Returns how many were deleted.
 */
export async function deleteChildren(client: EarthEngineClient, parent: string, pageSize?: number): Promise<number> {
    let deleted = 0;
    for (const child of await listChildren(client, parent, pageSize)) {
        if (child.type === "FOLDER" || child.type === "IMAGE_COLLECTION") deleted += await deleteChildren(client, child.name, pageSize);
        try {
            await client.deleteAsset(child.name);
            deleted++;
        } catch (error) {
            if (!(error instanceof AssetNotFoundError)) throw error;
        }
    }
    return deleted;
}
