import type { EarthEngineAsset, ListAssetsResponse } from "../api";
import { getAsset } from "./assetMethods";
import { failedPrecondition, invalidArgument } from "./errors";
import { isContainerType } from "./hierarchy";
import { parseListFilter } from "./listFilter";
import type { AssetStore } from "./store";

const DEFAULT_PAGE_SIZE = 1000;
const MAX_PAGE_SIZE = 1000;
const MAX_BASIC_PAGE_SIZE = 10_000;
const VIEWS = ["EARTH_ENGINE_ASSET_VIEW_UNSPECIFIED", "FULL", "BASIC", "BASIC_SYNC"];

/** Query parameters of `listAssets`, as sent. */
export interface ListQuery {
    pageSize?: string;
    pageToken?: string;
    view?: string;
    filter?: string;
}

/**
 * `listAssets` on a project root (`projects/p`) or on a folder or collection: the immediate
 * children, sorted by name, one page at a time; a collection's `filter` applies first (listFilter.ts). A page token remembers the last name returned,
 * so assets added or removed between pages neither repeat nor shift the rest.
 */
export function listAssets(store: AssetStore, parent: string, query: ListQuery): ListAssetsResponse {
    const view = query.view ?? "EARTH_ENGINE_ASSET_VIEW_UNSPECIFIED";
    if (!VIEWS.includes(view)) throw invalidArgument(`Invalid value at 'view', "${view}": use one of ${VIEWS.join(", ")}`);
    const basic = view === "BASIC" || view === "BASIC_SYNC";
    const pageSize = pageSizeOf(query.pageSize, basic ? MAX_BASIC_PAGE_SIZE : MAX_PAGE_SIZE);
    const root = parent.replace(/\/assets$/, "");
    let type = "FOLDER"; // a project root lists as a folder
    if (!/^projects\/[^/]+$/.test(root)) {
        const asset = getAsset(store, parent);
        if (!isContainerType(asset.type))
            throw failedPrecondition(`Asset '${parent}' is of type ${asset.type} and has no children to list.`);
        type = asset.type;
    }
    // The reference: the filter applies to image collections and is ignored for folders.
    const filter = query.filter && type === "IMAGE_COLLECTION" ? parseListFilter(query.filter) : undefined;
    const after = query.pageToken ? tokenPosition(query.pageToken, root) : undefined;
    const children = store.children(root).filter((asset) => (after === undefined || asset.name > after) && (!filter || filter(asset)));
    const page = children.slice(0, pageSize).map((asset) => (basic ? basicView(asset) : asset));
    const response: ListAssetsResponse = {};
    if (page.length > 0) response.assets = page;
    if (children.length > pageSize) response.nextPageToken = pageToken(root, page[page.length - 1].name);
    return response;
}

/** Default 1000; 0 means the default; larger values are lowered to the maximum (AIP-158). */
function pageSizeOf(text: string | undefined, max: number): number {
    if (text === undefined || text === "") return DEFAULT_PAGE_SIZE;
    const size = Number(text);
    if (!Number.isInteger(size) || size < 0) throw invalidArgument(`Invalid value at 'page_size' (TYPE_INT32), "${text}"`);
    return size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, max);
}

// Opaque to clients: base64url JSON naming the parent, so a token cannot be replayed on another listing.
function pageToken(parent: string, lastName: string): string {
    return Buffer.from(JSON.stringify({ parent, after: lastName })).toString("base64url");
}

function tokenPosition(token: string, parent: string): string {
    try {
        const decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { parent?: unknown; after?: unknown };
        if (decoded.parent === parent && typeof decoded.after === "string") return decoded.after;
    } catch {
        // Reported below, like a token for another parent.
    }
    throw invalidArgument(`Invalid page token '${token}': pass the nextPageToken of the previous page of this same listing.`);
}

// EarthEngineAssetView (REST reference): BASIC "returns only the type, name and id of the asset".
function basicView(asset: EarthEngineAsset): EarthEngineAsset {
    const { type, name, id } = asset;
    return { type, name, id };
}
