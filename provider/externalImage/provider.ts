import type * as pulumi from "@pulumi/pulumi";
import { AssetAlreadyExistsError, AssetNotFoundError, type EarthEngineAsset, type EarthEngineClient } from "../earthengine";
import { differingFields, dropUndefined } from "../manifest";
import { type Props, providerFor, ResourceError, type ResourceKind, WrittenButUnreadError } from "../resource";
import { checkArgs, type ExternalImageInputs, type ExternalImageOutputs, parseInputs } from "./args";
import { planUpdate } from "./plan";
import { manifestFromAsset } from "./readback";

/** Outputs echo the inputs (the engine hands outputs back as `olds`) plus what the server says. */
function outputsOf(inputs: ExternalImageInputs, asset: Pick<EarthEngineAsset, "updateTime">): ExternalImageOutputs {
    return dropUndefined({ ...inputs, assetName: inputs.imageManifest.name, updateTime: asset.updateTime });
}

function adoptionRefused(name: string, differences: string[]): Error {
    return new ResourceError(
        `Earth Engine asset ${name} already exists and differs from this declaration in: ${differences.join(", ")}.\n` +
            "Nothing was changed. To take the asset over and make it match the declaration, set `adopt: true` on the resource " +
            "(it re-imports with overwrite: true; `pulumi import` does not work for dynamic resources). " +
            "Otherwise choose another asset name or delete the existing asset.",
    );
}

function notAnImage(name: string, type: string): Error {
    return new ResourceError(
        `Earth Engine asset ${name} already exists as a ${type}, not an image. Nothing was changed; choose another asset name for the ExternalImage.`,
    );
}

/**
 * Reads the asset after a write. If that fails the asset exists all the same, so the error
 * carries the id and properties and the engine records a resource that failed to initialise
 * instead of forgetting it.
 */
async function readAfterWrite(client: EarthEngineClient, inputs: ExternalImageInputs): Promise<EarthEngineAsset> {
    try {
        return await client.getAsset(inputs.imageManifest.name);
    } catch (error) {
        throw new WrittenButUnreadError(inputs.imageManifest.name, outputsOf(inputs, {}), error);
    }
}

/**
 * The ExternalImage kind: one imported external image. Stateless per call; see README "What
 * each change does" for the plan each diff produces.
 */
export const externalImageKind: ResourceKind = {
    typeName: "ExternalImage",
    createNotFoundHint:
        "Most likely its parent folder or image collection does not exist (or is not writable); create the parent first (an ee.Folder or ee.ImageCollection whose assetName the image's name uses), and check the consumer project, then run pulumi up again.",

    check: checkArgs,

    nameOf: (inputs: Props) => {
        const manifest = inputs.imageManifest as { name?: unknown } | undefined;
        return typeof manifest?.name === "string" ? manifest.name : "the ExternalImage";
    },

    diff(olds: Props, news: Props): pulumi.dynamic.DiffResult {
        const plan = planUpdate(olds, news);
        switch (plan.kind) {
            case "none":
                return { changes: false };
            case "replace":
                // Create-before-delete is safe: the new asset has another name.
                return { changes: true, replaces: ["imageManifest"], deleteBeforeReplace: false };
            default:
                return { changes: true };
        }
    },

    async create(raw: Props, context): Promise<{ id: string; outs: object }> {
        const inputs = parseInputs(raw);
        const name = inputs.imageManifest.name;
        const client = context.client(inputs.project);
        try {
            await client.importExternal(inputs.imageManifest, { overwrite: inputs.adopt === true });
        } catch (error) {
            if (!(error instanceof AssetAlreadyExistsError)) throw error;
            // Already there: a re-run after a lost response, or an asset made by hand.
            const existing = await client.getAsset(name);
            if (existing.type !== "IMAGE") throw notAnImage(name, existing.type);
            const differences = differingFields(inputs.imageManifest, manifestFromAsset(existing, inputs.imageManifest));
            if (differences.length > 0) throw adoptionRefused(name, differences);
            return { id: name, outs: outputsOf(inputs, existing) };
        }
        return { id: name, outs: outputsOf(inputs, await readAfterWrite(client, inputs)) };
    },

    async read(id: string, stored: Props, context): Promise<pulumi.dynamic.ReadResult> {
        if (stored.imageManifest === undefined) {
            throw new ResourceError(
                `Cannot read ${id}: no declaration is stored for it. \`pulumi import\` does not work for dynamic resources; declare the ExternalImage with adopt: true instead.`,
            );
        }
        const inputs = parseInputs(stored);
        let asset: EarthEngineAsset;
        try {
            asset = await context.client(inputs.project).getAsset(id);
        } catch (error) {
            if (error instanceof AssetNotFoundError) return { id: "", props: {} }; // deleted out of band
            throw error;
        }
        // Something else now holds the name (a folder or collection): this image is gone.
        if (asset.type !== "IMAGE") return { id: "", props: {} };
        const refreshed: ExternalImageInputs = { ...inputs, imageManifest: manifestFromAsset(asset, inputs.imageManifest) };
        const outs = outputsOf(refreshed, asset);
        const { assetName: _, updateTime: __, ...refreshedInputs } = outs;
        return { id, props: outs, inputs: refreshedInputs };
    },

    async update(id: string, olds: Props, news: Props, context): Promise<{ outs: object }> {
        const plan = planUpdate(olds, news);
        const inputs = parseInputs(news);
        const client = context.client(inputs.project);
        switch (plan.kind) {
            case "none":
            case "local":
                return { outs: outputsOf(inputs, { updateTime: typeof olds.updateTime === "string" ? olds.updateTime : undefined }) };
            case "patch":
                return { outs: outputsOf(inputs, await client.patchAsset(id, plan.asset, plan.updateMask)) };
            case "reimport":
                await client.importExternal(inputs.imageManifest, { overwrite: true });
                return { outs: outputsOf(inputs, await readAfterWrite(client, inputs)) };
            case "replace":
                throw new Error("a name change replaces the asset; the engine should not have asked for an update");
        }
    },

    async delete(id: string, props: Props, context): Promise<void> {
        // Only the project is needed: delete must work even for state an older version wrote.
        const project = typeof props.project === "string" ? props.project : undefined;
        try {
            await context.client(project).deleteAsset(id);
        } catch (error) {
            if (error instanceof AssetNotFoundError) return; // already gone: the goal is met
            throw error;
        }
    },
};

/** What the engine drives through `pulumi-earthengine/provider/shim`. */
export const externalImageProvider = providerFor(externalImageKind);
