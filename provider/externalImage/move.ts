import { AssetAlreadyExistsError, AssetNotFoundError, type EarthEngineClient } from "../earthengine";
import { differingFields, type ImageManifest } from "../manifest";
import { AssetConflictError, ResourceError, readOrGone } from "../resource";
import { manifestFromAsset } from "./readback";

const FIX = "Nothing was moved or deleted; choose another name, or move or delete the asset there first.";

/**
 * Moves an image from `from` to `to` once (`assets.move`; its IAM policy and out-of-band
 * properties go with it). `assets.move` is not idempotent, so after an attempt whose outcome is
 * unknown, or when the source is already gone (an earlier up moved it but its state was not
 * saved), the move counts as done when the source is gone and the image at `to` equals one of
 * `expected` (the manifest as stored, or as declared when the change after the move went
 * through too). Anything else at `to` is an AssetConflictError, and nothing is moved.
 */
export async function moveImage(client: EarthEngineClient, from: string, to: string, expected: readonly ImageManifest[]): Promise<void> {
    /** True when `to` holds this image, false when it holds nothing; throws for any other asset. */
    const destinationIsThisImage = async (): Promise<boolean> => {
        const found = await readOrGone(() => client.getAsset(to));
        if (found === undefined) return false;
        if (found.type !== "IMAGE")
            throw new AssetConflictError({ assetName: to, declaredType: "IMAGE", existingType: found.type, fix: FIX });
        const differences = expected.map((manifest) =>
            differingFields({ ...manifest, name: to }, manifestFromAsset(found, { ...manifest, name: to })),
        );
        if (differences.every((fields) => fields.length > 0)) {
            throw new AssetConflictError({
                assetName: to,
                declaredType: "IMAGE",
                existingType: "IMAGE",
                differences: differences[0],
                fix: FIX,
            });
        }
        return true;
    };
    const sourceGone = async () => (await readOrGone(() => client.getAsset(from))) === undefined;
    try {
        await client.moveAsset(from, to, async () => ((await sourceGone()) && (await destinationIsThisImage()) ? "done" : "retry"));
    } catch (error) {
        if (error instanceof AssetNotFoundError && (await destinationIsThisImage())) return;
        if (error instanceof AssetAlreadyExistsError && (await destinationIsThisImage())) {
            throw new ResourceError(
                `Could not move ${from} to ${to}: ${to} already holds a copy of this image. Nothing was moved or deleted; delete one of the two, then run pulumi up again.`,
            );
        }
        throw error;
    }
}
