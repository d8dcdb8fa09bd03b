import type { ApiVersion, EarthEngineAsset } from "../api";
import { fullAssetName, invalidAssetNameMessage, isAssetName, LEGACY_PROJECT, parentOf } from "./assetNames";
import { cannotOverwrite, failedPrecondition, invalidArgument } from "./errors";
import { requireContainer } from "./hierarchy";
import { type AssetMetadata, checkTimeRange, metadataViolations } from "./metadata";
import { withoutNulls } from "./patchMask";
import { parseProtoJson } from "./protoJson";
import type { AssetStore } from "./store";
import { refuseAny } from "./validation";

/** Query parameters of `assets.create`, as sent. */
export interface CreateQuery {
    assetId?: string;
    overwrite?: string;
}

/**
 * `assets.create` for the two container types: FOLDER and IMAGE_COLLECTION (the latter with
 * properties and a time range). Images come from `importExternal`, and the other types from
 * ingestion or export, which the emulator does not offer.
 */
export function createAsset(store: AssetStore, version: ApiVersion, project: string, query: CreateQuery, body: unknown): EarthEngineAsset {
    const { value: request, problems } = parseProtoJson(body ?? {}, "EarthEngineAsset", version);
    const name = assetNameOf(project, query.assetId);
    if (typeof request.name === "string" && fullAssetName(request.name) !== name) {
        throw invalidArgument(
            `Invalid argument at 'name': the body names '${request.name}' but assetId names '${name}'; give one or make them agree.`,
        );
    }
    const type = request.type;
    if (type === "IMAGE") {
        throw invalidArgument(
            `assets.create does not make images; register a Cloud-Optimized GeoTIFF with POST /${version}/projects/${project}/image:importExternal.`,
        );
    }
    if (type !== "FOLDER" && type !== "IMAGE_COLLECTION") {
        throw invalidArgument(
            `Invalid argument at 'type': assets.create makes a FOLDER or an IMAGE_COLLECTION, got ${JSON.stringify(type ?? null)}.`,
        );
    }
    const metadata = withoutNulls(request) as AssetMetadata & Record<string, unknown>;
    refuseAny(metadataViolations(metadata, problems, []));
    checkTimeRange(metadata.startTime, metadata.endTime, "end_time");
    const hasMetadata = Object.keys(metadata.properties ?? {}).length > 0 || metadata.startTime || metadata.endTime;
    if (type === "FOLDER" && hasMetadata)
        throw invalidArgument("Invalid argument: a FOLDER has no properties, start_time or end_time; use an IMAGE_COLLECTION.");
    const parent = parentOf(name);
    requireContainer(store, parent);
    if (parent && store.get(parent)?.type === "IMAGE_COLLECTION") {
        throw failedPrecondition(`Asset '${parent}' is an IMAGE_COLLECTION, which holds only images; create the ${type} elsewhere.`);
    }
    replaceable(store, name, query.overwrite);
    const asset: Omit<EarthEngineAsset, "id" | "updateTime"> = { type, name };
    if (metadata.properties && Object.keys(metadata.properties).length > 0) asset.properties = metadata.properties;
    for (const field of ["startTime", "endTime", "title", "description"] as const) {
        if (metadata[field] !== undefined) asset[field] = metadata[field];
    }
    return store.put(asset);
}

function assetNameOf(project: string, assetId: string | undefined): string {
    if (!assetId)
        throw invalidArgument("Invalid argument at 'asset_id': give the new asset's path, for example ?assetId=folder/collection.");
    // The official Python client sends a legacy id as parent `projects/earthengine-legacy` and
    // assetId `users/<u>/...` or `projects/<p>/...` (`_cloud_api_utils.split_asset_name`).
    const fullName = /^projects\/[^/]+\/assets\//.test(assetId) || (project !== LEGACY_PROJECT && assetId.startsWith("projects/"));
    const name = fullAssetName(fullName || assetId.startsWith("users/") ? assetId : `projects/${project}/assets/${assetId}`);
    if (!isAssetName(name)) throw invalidArgument(`Invalid argument at 'asset_id': ${invalidAssetNameMessage(assetId)}`);
    return name;
}

/** With overwrite, an existing asset is replaced only when nothing would be orphaned. */
function replaceable(store: AssetStore, name: string, overwrite: string | undefined): void {
    const existing = store.get(name);
    if (!existing) return;
    if (overwrite !== "true") throw cannotOverwrite(name);
    if (store.children(name).length > 0) throw failedPrecondition(`Asset '${name}' has child assets; delete them before overwriting it.`);
}
