import type { ApiVersion, EarthEngineAsset } from "../api";
import { getAsset } from "./assetMethods";
import { fullAssetName, invalidAssetNameMessage, isAssetName, parentOf } from "./assetNames";
import { cannotOverwrite, failedPrecondition, invalidArgument } from "./errors";
import { isContainerType, requireContainer } from "./hierarchy";
import { parseProtoJson } from "./protoJson";
import { type AssetStore, isImplicitFolder } from "./store";

/**
 * `assets.move` (`POST …:move {destinationName}`): renames one asset. A folder or collection
 * that still holds assets is refused, as reported of the Cloud API (gee-community/geetools#187;
 * geeadd and geetools move containers child by child). There is no overwrite: an existing
 * destination is refused. The asset's IAM policy moves with it (it stays shared as it was).
 */
export function moveAsset(store: AssetStore, version: ApiVersion, source: string, body: unknown): EarthEngineAsset {
    const { value: request } = parseProtoJson(body ?? {}, "MoveAssetRequest", version);
    const asset = getAsset(store, source);
    if (isImplicitFolder(source)) throw failedPrecondition(`Asset '${source}' is a legacy root folder and cannot be moved.`);
    const destination = destinationOf(request.destinationName);
    if (destination === source || destination.startsWith(`${source}/`)) {
        throw invalidArgument(`Cannot move asset '${source}' to '${destination}', which is itself or inside it.`);
    }
    if (isContainerType(asset.type) && store.children(source).length > 0) {
        throw failedPrecondition(
            `Cannot move asset '${source}': the ${asset.type} still holds assets; move them one at a time, then the empty ${asset.type}.`,
        );
    }
    if (store.get(destination)) throw cannotOverwrite(destination);
    requireParent(store, destination, asset.type);
    const { id: _id, updateTime: _t, name: _name, ...rest } = asset;
    store.put({ ...rest, name: destination });
    store.policies.rename(source, destination);
    store.remove(source);
    return getAsset(store, destination);
}

/**
 * `assets.copy` (`POST …:copy {destinationName, overwrite}`): copies an image (the only copyable
 * type the emulator stores; Google also copies tables). `overwrite` replaces an existing image.
 */
export function copyAsset(store: AssetStore, version: ApiVersion, source: string, body: unknown): EarthEngineAsset {
    const { value: request } = parseProtoJson(body ?? {}, "CopyAssetRequest", version);
    const asset = getAsset(store, source);
    if (asset.type !== "IMAGE" && asset.type !== "TABLE") {
        throw invalidArgument(`Cannot copy asset '${source}'; can only copy images or tables.`);
    }
    const destination = destinationOf(request.destinationName);
    const existing = store.get(destination);
    if (existing) {
        if (request.overwrite !== true) throw cannotOverwrite(destination);
        if (isContainerType(existing.type)) {
            throw failedPrecondition(`Asset '${destination}' is a ${existing.type}; only an image can be replaced by a copy.`);
        }
    }
    requireParent(store, destination, asset.type);
    const { id: _id, updateTime: _t, name: _name, ...rest } = asset;
    return store.put({ ...rest, name: destination });
}

function destinationOf(value: unknown): string {
    if (typeof value !== "string" || value === "") {
        throw invalidArgument(
            "Invalid argument at 'destination_name': give the full name of the new asset, projects/<project>/assets/<path>.",
        );
    }
    const name = fullAssetName(value);
    if (!isAssetName(name)) throw invalidArgument(`Invalid argument at 'destination_name': ${invalidAssetNameMessage(value)}`);
    return name;
}

/** As for assets.create: the parent must hold assets, and a collection holds only images. */
function requireParent(store: AssetStore, name: string, type: string): void {
    const parent = parentOf(name);
    requireContainer(store, parent);
    if (parent && type !== "IMAGE" && store.get(parent)?.type === "IMAGE_COLLECTION") {
        throw failedPrecondition(`Asset '${parent}' is an IMAGE_COLLECTION, which holds only images; move the ${type} elsewhere.`);
    }
}
