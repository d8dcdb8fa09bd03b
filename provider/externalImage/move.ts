import { AssetAlreadyExistsError, AssetNotFoundError, type EarthEngineClient } from "../earthengine";
import { differingFields, type ImageManifest } from "../manifest";
import { ResourceError } from "../resource";
import { manifestFromAsset } from "./readback";

/**
 * Moves an image from `from` to `to` once (`assets.move`; its IAM policy and out-of-band
 * properties go with it). `assets.move` is not idempotent, so after an attempt whose outcome is
 * unknown, or when the source is already gone (an earlier up moved it but its state was not
 * saved), the image at `to` counts as the move done if it equals one of `expected` (the
 * manifest as stored, or as declared when the change after the move went through too).
 * Anything else at `to` is refused, and nothing is moved.
 */
export async function moveImage(client: EarthEngineClient, from: string, to: string, expected: readonly ImageManifest[]): Promise<void> {
    const movedAlready = async (): Promise<boolean> => {
        const found = await client.getAsset(to).catch((error) => {
            if (error instanceof AssetNotFoundError) return undefined;
            throw error;
        });
        if (!found) return false;
        const differences = expected.map((manifest) =>
            found.type === "IMAGE"
                ? differingFields({ ...manifest, name: to }, manifestFromAsset(found, { ...manifest, name: to }))
                : ["type"],
        );
        if (differences.every((d) => d.length > 0)) throw destinationTaken(from, to, differences[0]);
        return true;
    };
    try {
        await client.moveAsset(from, to, async () => ((await movedAlready()) ? "done" : "retry"));
    } catch (error) {
        if (error instanceof AssetNotFoundError && (await movedAlready())) return;
        if (error instanceof AssetAlreadyExistsError) throw destinationTaken(from, to, ["it already exists"]);
        throw error;
    }
}

function destinationTaken(from: string, to: string, differences: string[]): Error {
    return new ResourceError(
        `Could not rename ${from} to ${to}: an asset at ${to} is not this image (${differences.join(", ")}). Nothing was moved or deleted; choose another name, or move or delete the asset at ${to} first.`,
    );
}
