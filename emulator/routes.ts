import { API_VERSIONS, type ApiVersion } from "../api";
import { listAlgorithms } from "./algorithms";
import { deleteAsset, getAsset, patchAsset } from "./assetMethods";
import { invalidAssetNameMessage, isAssetName } from "./assetNames";
import { createAsset } from "./createAsset";
import { ApiError, invalidArgument } from "./errors";
import { parseJsonBody, type ReceivedBody } from "./http";
import { getIamPolicy, setIamPolicy } from "./iam";
import { importExternal } from "./importExternal";
import { listAssets } from "./listAssets";
import { copyAsset, moveAsset } from "./moveCopy";
import type { AssetStore } from "./store";

/** An authenticated API call as received. */
export interface ApiCall {
    method: string;
    /** The URL path, percent-decoded. */
    path: string;
    query: Record<string, string>;
    body: ReceivedBody;
}

/** What a method handler gets: the checked query and the parsed JSON body (POST and PATCH only). */
interface ParsedCall {
    query: Record<string, string>;
    body: unknown;
}

/**
 * How a route appears in the discovery document: the method id(s) (resource path and method name,
 * as the official Python client calls them: `projects.assets.get` is `projects().assets().get()`),
 * the path template after `/{version}/`, and the request and response schema names.
 */
export interface DiscoveryInfo {
    ids: readonly string[];
    path: string;
    request?: string;
    response: string;
}

export interface Route {
    method: string;
    /** Matches the path after `/{version}/`. */
    pattern: RegExp;
    /** Query parameters the method takes, besides Google's system parameters. */
    params: readonly string[];
    handle(store: AssetStore, version: ApiVersion, match: RegExpExecArray, call: ParsedCall): unknown;
    discovery: DiscoveryInfo;
}

// Asset paths never hold ':' (it starts a custom method such as :listAssets); project ids may.
export const ROUTES: readonly Route[] = [
    {
        method: "POST",
        pattern: /^projects\/([^/]+)\/image:importExternal$/,
        params: [],
        handle: (store, version, _m, call) => importExternal(store, version, call.body),
        discovery: {
            ids: ["projects.image.importExternal"],
            path: "{+project}/image:importExternal",
            request: "ImportExternalImageRequest",
            response: "Empty",
        },
    },
    {
        method: "GET",
        pattern: /^(projects\/[^/]+(?:\/assets(?:\/[^:]+)?)?):listAssets$/,
        params: ["pageSize", "pageToken", "view", "filter"],
        handle: (store, _v, m, call) => listAssets(store, checkedName(m[1]), call.query),
        discovery: {
            ids: ["projects.listAssets", "projects.assets.listAssets"],
            path: "{+parent}:listAssets",
            response: "ListAssetsResponse",
        },
    },
    {
        method: "POST",
        pattern: /^projects\/([^/]+)\/assets$/,
        params: ["assetId", "overwrite"],
        handle: (store, version, m, call) => createAsset(store, version, m[1], call.query, call.body),
        discovery: { ids: ["projects.assets.create"], path: "{+parent}/assets", request: "EarthEngineAsset", response: "EarthEngineAsset" },
    },
    {
        method: "POST",
        pattern: /^(projects\/[^/]+\/assets\/[^:]+):getIamPolicy$/,
        params: [],
        handle: (store, _v, m, call) => getIamPolicy(store, checkedName(m[1]), call.body),
        discovery: {
            ids: ["projects.assets.getIamPolicy"],
            path: "{+resource}:getIamPolicy",
            request: "GetIamPolicyRequest",
            response: "Policy",
        },
    },
    {
        method: "POST",
        pattern: /^(projects\/[^/]+\/assets\/[^:]+):setIamPolicy$/,
        params: [],
        handle: (store, _v, m, call) => setIamPolicy(store, checkedName(m[1]), call.body),
        discovery: {
            ids: ["projects.assets.setIamPolicy"],
            path: "{+resource}:setIamPolicy",
            request: "SetIamPolicyRequest",
            response: "Policy",
        },
    },
    {
        method: "GET",
        pattern: /^(projects\/[^/]+\/assets\/[^:]+)$/,
        params: [],
        handle: (store, _v, m) => getAsset(store, checkedName(m[1])),
        discovery: { ids: ["projects.assets.get"], path: "{+name}", response: "EarthEngineAsset" },
    },
    {
        method: "PATCH",
        pattern: /^(projects\/[^/]+\/assets\/[^:]+)$/,
        params: ["updateMask"],
        handle: (store, version, m, call) => patchAsset(store, version, checkedName(m[1]), call.body, call.query.updateMask),
        discovery: { ids: ["projects.assets.patch"], path: "{+name}", request: "UpdateAssetRequest", response: "EarthEngineAsset" },
    },
    {
        method: "DELETE",
        pattern: /^(projects\/[^/]+\/assets\/[^:]+)$/,
        params: [],
        handle: (store, _v, m) => deleteAsset(store, checkedName(m[1])),
        discovery: { ids: ["projects.assets.delete"], path: "{+name}", response: "Empty" },
    },
    {
        method: "POST",
        pattern: /^(projects\/[^/]+\/assets\/[^:]+):move$/,
        params: [],
        handle: (store, version, m, call) => moveAsset(store, version, checkedName(m[1]), call.body),
        discovery: { ids: ["projects.assets.move"], path: "{+sourceName}:move", request: "MoveAssetRequest", response: "EarthEngineAsset" },
    },
    {
        method: "POST",
        pattern: /^(projects\/[^/]+\/assets\/[^:]+):copy$/,
        params: [],
        handle: (store, version, m, call) => copyAsset(store, version, checkedName(m[1]), call.body),
        discovery: { ids: ["projects.assets.copy"], path: "{+sourceName}:copy", request: "CopyAssetRequest", response: "EarthEngineAsset" },
    },
    {
        method: "GET",
        pattern: /^projects\/[^/]+\/algorithms$/,
        params: [],
        handle: () => listAlgorithms(),
        discovery: { ids: ["projects.algorithms.list"], path: "{+parent}/algorithms", response: "ListAlgorithmsResponse" },
    },
];

// Parameters every Google API accepts (https://cloud.google.com/apis/docs/system-parameters).
export const SYSTEM_PARAMS = [
    "$.xgafv",
    "access_token",
    "alt",
    "callback",
    "fields",
    "key",
    "oauth_token",
    "prettyPrint",
    "quotaUser",
    "uploadType",
    "upload_protocol",
];
export const BOOLEAN_PARAMS = ["overwrite"];

/** Runs the call against the store and returns the response body; throws ApiError for every failure. */
export function dispatch(store: AssetStore, call: ApiCall): unknown {
    const [, version, rest = ""] = /^\/([^/]+)\/(.*)$/.exec(call.path) ?? [];
    const route = API_VERSIONS.includes(version as ApiVersion)
        ? ROUTES.find((r) => r.method === call.method && r.pattern.test(rest))
        : undefined;
    const match = route?.pattern.exec(rest);
    if (!route || !match)
        throw new ApiError(404, `Method not found: ${call.method} ${call.path} is not an Earth Engine API method the emulator knows.`);
    const query = checkedQuery(call.query, route.params);
    // As at Google: the URL is routed first, so a bad body never hides a wrong URL.
    const body = call.method === "POST" || call.method === "PATCH" ? parseJsonBody(call.body) : undefined;
    return route.handle(store, version as ApiVersion, match, { query, body });
}

/** The query with snake_case names camelized; an unknown parameter fails as it does at Google. */
function checkedQuery(query: Record<string, string>, params: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) {
        const name = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
        if (SYSTEM_PARAMS.includes(key)) continue;
        if (!params.includes(name)) {
            throw invalidArgument(
                `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
            );
        }
        if (BOOLEAN_PARAMS.includes(name) && value !== "true" && value !== "false") {
            throw invalidArgument(`Invalid value at '${key}' (TYPE_BOOL), "${value}"`);
        }
        out[name] = value;
    }
    return out;
}

function checkedName(name: string): string {
    if (/^projects\/[^/]+(\/assets)?$/.test(name) || isAssetName(name)) return name;
    throw invalidArgument(invalidAssetNameMessage(name));
}
