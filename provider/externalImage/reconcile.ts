import { AssetAlreadyExistsError, AssetNotFoundError, type EarthEngineAsset, type EarthEngineClient } from "../earthengine";
import { differingFields } from "../manifest";
import { AssetConflictError } from "../resource/errors";
import type { ExternalImageInputs } from "./check";
import { manifestFromAsset } from "./readback";

/** The environment variable that, for one run, lets create take over existing assets that differ from their declaration. */
export const ADOPT_EXISTING_ENV = "EARTHENGINE_ADOPT_EXISTING";

type Env = Record<string, string | undefined>;

/**
 * Registers the declared image exactly once. `importExternal` has no request id, so:
 * - `adopt: true` imports with `overwrite: true`, which is idempotent and retried directly;
 * - otherwise `overwrite: false`. After an attempt whose outcome is unknown (5xx, reset, hang-up,
 *   timeout, dropped response) and after 409 ALREADY_EXISTS, the asset is read: absent means
 *   retry, present and equal to the declaration means done, present and different is an error
 *   that names the differing fields, unless `EARTHENGINE_ADOPT_EXISTING=1` is set for this run,
 *   which re-imports it with `overwrite: true` (create is only called for declared resources).
 */
export async function importOnce(
    client: EarthEngineClient,
    inputs: ExternalImageInputs,
    env: Env = process.env,
): Promise<EarthEngineAsset | undefined> {
    const adoptExisting = env[ADOPT_EXISTING_ENV] === "1";
    const manifest = inputs.imageManifest;
    if (inputs.adopt === true) {
        await client.importExternal(manifest, { overwrite: true });
        return undefined;
    }
    // The asset as read when it was found equal: no need to read it again.
    let found: EarthEngineAsset | undefined;
    const settle = async () => {
        const outcome = await reconcileExisting(client, inputs, adoptExisting);
        found = outcome.state === "equal" ? outcome.asset : undefined;
        return outcome.state;
    };
    try {
        await client.importExternal(manifest, {
            overwrite: false,
            resolveAmbiguous: async () => ((await settle()) === "absent" ? "retry" : "done"),
        });
    } catch (error) {
        if (!(error instanceof AssetAlreadyExistsError)) throw error;
        // Already there: an earlier attempt or run whose answer was lost, or an asset made by hand.
        if ((await settle()) === "absent") throw error;
    }
    return found;
}

/** What an existing asset at the declared name means for create; throws when it cannot be taken over. */
export async function reconcileExisting(
    client: EarthEngineClient,
    inputs: ExternalImageInputs,
    adoptExisting: boolean,
): Promise<{ state: "absent" | "adopted" } | { state: "equal"; asset: EarthEngineAsset }> {
    const name = inputs.imageManifest.name;
    let existing: EarthEngineAsset;
    try {
        existing = await client.getAsset(name);
    } catch (error) {
        if (error instanceof AssetNotFoundError) return { state: "absent" };
        throw error;
    }
    if (existing.type !== "IMAGE") throw notAnImage(name, existing.type);
    const differences = differingFields(inputs.imageManifest, manifestFromAsset(existing, inputs.imageManifest));
    if (differences.length === 0) return { state: "equal", asset: existing };
    if (!adoptExisting) throw adoptionRefused(name, differences);
    await client.importExternal(inputs.imageManifest, { overwrite: true });
    return { state: "adopted" };
}

/** The way out of an existing image that differs, as the message gives it. */
const ADOPT_FIX =
    "To take the asset over and make it match the declaration, set `adopt: true` on the resource " +
    `(it re-imports with overwrite: true; \`pulumi import\` does not work for dynamic resources), or run this one \`pulumi up\` with ${ADOPT_EXISTING_ENV}=1 ` +
    "(after an interrupted up: see README, Recovering from an interrupted up). " +
    "Otherwise choose another asset name or delete the existing asset.";

function adoptionRefused(name: string, differences: string[]): AssetConflictError {
    return new AssetConflictError({ assetName: name, declaredType: "IMAGE", existingType: "IMAGE", differences, fix: ADOPT_FIX });
}

function notAnImage(name: string, type: string): AssetConflictError {
    return new AssetConflictError({
        assetName: name,
        declaredType: "IMAGE",
        existingType: type,
        fix: "choose another asset name for the image, or delete the existing asset.",
    });
}
