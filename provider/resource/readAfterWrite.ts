import type { EarthEngineAsset, EarthEngineClient } from "../earthengine";
import { WrittenButUnreadError } from "./errors";

/**
 * Reads an asset after a write. If that fails the asset exists all the same, so the error carries
 * its id and `outputs` (without server fields) and the engine records a resource that failed to
 * initialise instead of forgetting it; the next `up` reads it again.
 */
export async function readAfterWrite(client: EarthEngineClient, name: string, outputs: object): Promise<EarthEngineAsset> {
    try {
        return await client.getAsset(name);
    } catch (error) {
        throw new WrittenButUnreadError(name, outputs, error);
    }
}
