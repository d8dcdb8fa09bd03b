import type { ApiVersion, EarthEngineAsset } from "../api";
import { assetNotFound, failedPrecondition } from "./errors";
import { isContainerType } from "./hierarchy";
import { type AssetMetadata, checkTimeRange, metadataViolations } from "./metadata";
import { applyPatch, parseUpdateMask, withoutNulls } from "./patchMask";
import { parseProtoJson } from "./protoJson";
import { type AssetStore, isImplicitFolder } from "./store";
import { refuseAny } from "./validation";

/** `assets.get`. */
export function getAsset(store: AssetStore, name: string): EarthEngineAsset {
    const asset = store.get(name);
    if (!asset) throw assetNotFound(name);
    return asset;
}

/** `assets.delete`: answers `{}`. A folder or collection must be emptied first (in the service's reported words). */
export function deleteAsset(store: AssetStore, name: string): Record<string, never> {
    const asset = getAsset(store, name);
    if (isImplicitFolder(name)) throw failedPrecondition(`Asset '${name}' is a legacy root folder and cannot be deleted.`);
    const children = isContainerType(asset.type) ? store.children(name).length : 0;
    if (children > 0) {
        throw failedPrecondition(`Before trying to delete an asset, delete its children: '${name}'`);
    }
    store.remove(name);
    return {};
}

/**
 * `assets.patch`: changes metadata only (see patchMask.ts). The mask comes from the body's
 * `updateMask` or, as the API also allows, the `updateMask` query parameter.
 */
export function patchAsset(
    store: AssetStore,
    version: ApiVersion,
    name: string,
    body: unknown,
    queryMask: string | undefined,
): EarthEngineAsset {
    const { value: request, problems } = parseProtoJson(body ?? {}, "UpdateAssetRequest", version);
    const mask = parseUpdateMask(request.updateMask ?? queryMask, version);
    const asset = withoutNulls(request.asset) as Record<string, unknown>;
    refuseAny(metadataViolations(asset, problems, ["asset"]), ["asset"]);
    const current = getAsset(store, name);
    if (isImplicitFolder(name)) throw failedPrecondition(`Asset '${name}' is a legacy root folder and cannot be changed.`);
    const next = applyPatch(current, asset as AssetMetadata, mask);
    checkTimeRange(next.startTime, next.endTime, "asset.end_time");
    if (current.type === "FOLDER" && (next.properties || next.startTime || next.endTime)) {
        throw failedPrecondition(`Asset '${name}' is a FOLDER; folders have no properties or time range.`);
    }
    const { id: _id, updateTime: _updateTime, ...rest } = next;
    return store.put(rest);
}
