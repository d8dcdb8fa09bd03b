import { assetNotFound, failedPrecondition } from "./errors";
import type { AssetStore } from "./store";

/**
 * Checks that a new asset's parent exists and can hold assets. `undefined` stands for a
 * project's root, which always exists.
 */
export function requireContainer(store: AssetStore, parent: string | undefined): void {
    if (parent === undefined) return;
    const container = store.get(parent);
    if (!container) throw assetNotFound(parent);
    if (!isContainerType(container.type)) {
        throw failedPrecondition(
            `Asset '${parent}' is of type ${container.type}; only a FOLDER or an IMAGE_COLLECTION can hold other assets.`,
        );
    }
}

/** True for asset types that hold other assets. */
export function isContainerType(type: string): boolean {
    return type === "FOLDER" || type === "IMAGE_COLLECTION";
}
