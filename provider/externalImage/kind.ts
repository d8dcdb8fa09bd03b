import type * as pulumi from "@pulumi/pulumi";
import type { EarthEngineAsset } from "../earthengine";
import { dropUndefined, isUnknown } from "../manifest";
import {
    deleteIgnoringNotFound,
    GONE,
    type Props,
    providerFor,
    ResourceError,
    type ResourceKind,
    readAfterWrite,
    readOrGone,
    summarizeChange,
    UnexpectedCallError,
} from "../resource";
import type { OutputsOf } from "../resource/contract";
import { checkArgs, checkedInputs, type ExternalImageInputs, parseInputs } from "./check";
import { externalImageContract } from "./contract";
import { planUpdate } from "./plan";
import { manifestFromAsset } from "./readback";
import { importOnce } from "./reconcile";

/** `project` and `adopt` are Pulumi-side inputs; everything else named in a plan is in the manifest. */
function isManifestField(field: string): boolean {
    return field !== "project" && field !== "adopt";
}

/** Outputs echo the inputs (the engine hands outputs back as `olds`) plus what the server says. */
function outputsOf(
    inputs: ExternalImageInputs,
    asset: Pick<EarthEngineAsset, "updateTime">,
): Partial<OutputsOf<typeof externalImageContract>> {
    return dropUndefined({ ...inputs, assetName: inputs.imageManifest.name, updateTime: asset.updateTime });
}

/**
 * The ExternalImage kind: one imported external image. Stateless per call; see README "What
 * each change does" for the plan each diff produces.
 */
export const externalImageKind: ResourceKind = {
    typeName: externalImageContract.typeName,
    createNotFoundHint:
        "Most likely its parent folder or image collection does not exist (or is not writable); create the parent first (an ee.Folder or ee.ImageCollection whose assetName the image's name uses), and check the consumer project, then run pulumi up again.",

    check: checkArgs,

    nameOf: (inputs: Props) => {
        const manifest = inputs.imageManifest as { name?: unknown } | undefined;
        return typeof manifest?.name === "string" ? manifest.name : "the ExternalImage";
    },

    assetNameOf: (inputs: Props) => {
        const manifest = inputs.imageManifest as { name?: unknown } | undefined;
        return typeof manifest?.name === "string" && !isUnknown(manifest.name) ? manifest.name : undefined;
    },

    changeSummary(olds: Props, news: Props): string | undefined {
        const plan = planUpdate(olds, news);
        const fields = plan.kind === "none" ? [] : plan.changed.map((field) => field.replace(/^imageManifest\./, ""));
        switch (plan.kind) {
            case "none":
                return undefined;
            case "local":
                return summarizeChange("state only", fields);
            case "patch":
                return summarizeChange("patch", [...plan.updateMask, ...fields.filter((field) => !isManifestField(field))]);
            case "reimport":
                return summarizeChange("re-import", fields);
            case "replace":
                return summarizeChange("replace", fields);
        }
    },

    diff(olds: Props, news: Props): pulumi.dynamic.DiffResult {
        const plan = planUpdate(olds, news);
        switch (plan.kind) {
            case "none":
            case "local":
                // No updateTime: the read after the last write failed; update completes the outputs.
                return { changes: plan.kind === "local" || olds.updateTime === undefined };
            case "replace":
                // Create-before-delete is safe: the new asset has another name.
                return { changes: true, replaces: ["imageManifest"], deleteBeforeReplace: false };
            default:
                return { changes: true };
        }
    },

    async create(raw: Props, context): Promise<{ id: string; outs: object }> {
        const inputs = checkedInputs(raw);
        const client = context.client(inputs.project);
        const existing = await importOnce(client, inputs);
        return {
            id: inputs.imageManifest.name,
            outs: outputsOf(inputs, existing ?? (await readAfterWrite(client, inputs.imageManifest.name, outputsOf(inputs, {})))),
        };
    },

    async read(id: string, stored: Props, context): Promise<pulumi.dynamic.ReadResult> {
        if (stored.imageManifest === undefined) {
            throw new ResourceError(
                `Cannot read ${id}: no declaration is stored for it. \`pulumi import\` does not work for dynamic resources; declare the ExternalImage with adopt: true instead.`,
            );
        }
        const inputs = parseInputs(stored);
        const asset = await readOrGone(() => context.client(inputs.project).getAsset(id));
        // Deleted out of band, or something else now holds the name (a folder or collection).
        if (asset?.type !== "IMAGE") return GONE;
        const refreshed: ExternalImageInputs = { ...inputs, imageManifest: manifestFromAsset(asset, inputs.imageManifest) };
        const outs = outputsOf(refreshed, asset);
        // assetName stays: check adds it to the inputs (see ResourceKind.assetNameOf).
        const { updateTime: _, ...refreshedInputs } = outs;
        return { id, props: outs, inputs: refreshedInputs };
    },

    async update(id: string, olds: Props, news: Props, context): Promise<{ outs: object }> {
        const plan = planUpdate(olds, news);
        const inputs = checkedInputs(news);
        const client = context.client(inputs.project);
        switch (plan.kind) {
            case "none":
            case "local":
                if (typeof olds.updateTime === "string") return { outs: outputsOf(inputs, { updateTime: olds.updateTime }) };
                return { outs: outputsOf(inputs, await readAfterWrite(client, inputs.imageManifest.name, outputsOf(inputs, {}))) };
            case "patch":
                return { outs: outputsOf(inputs, await client.patchAsset(id, plan.asset, plan.updateMask)) };
            case "reimport":
                await client.importExternal(inputs.imageManifest, { overwrite: true });
                return { outs: outputsOf(inputs, await readAfterWrite(client, inputs.imageManifest.name, outputsOf(inputs, {}))) };
            case "replace":
                throw new UnexpectedCallError("update asked to rename an image, which the diff answers with a replacement");
        }
    },

    async delete(id: string, props: Props, context): Promise<void> {
        // Only the project is needed: delete must work even for state an older version wrote.
        const project = typeof props.project === "string" ? props.project : undefined;
        await deleteIgnoringNotFound(() => context.client(project).deleteAsset(id));
    },
};

/** The ExternalImage provider, as `resourceProviders.ExternalImage` serves it (for tests and the bench). */
export const externalImageProvider = providerFor(externalImageKind);
