import type * as pulumi from "@pulumi/pulumi";
import { AssetNotFoundError } from "../earthengine";

/** What `read` answers for a resource that no longer exists: the engine then drops it from state. */
export const GONE: pulumi.dynamic.ReadResult = Object.freeze({ id: "", props: {} });

/**
 * The read of a resource's remote object, or undefined when Earth Engine answers `not found`
 * (deleted out of band, or an IAM policy whose asset is gone); any other error is thrown.
 */
export async function readOrGone<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
        return await read();
    } catch (error) {
        if (error instanceof AssetNotFoundError) return undefined;
        throw error;
    }
}

/**
 * Runs a delete; `not found` means the goal is already met (deleted out of band, or by an
 * earlier attempt whose answer was lost), so it succeeds. Any other error is thrown.
 */
export async function deleteIgnoringNotFound(remove: () => Promise<unknown>): Promise<void> {
    await readOrGone(remove);
}
