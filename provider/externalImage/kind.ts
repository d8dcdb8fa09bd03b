import type * as pulumi from "@pulumi/pulumi";
import type { EarthEngineAsset, EarthEngineClient } from "../earthengine";
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
import { dropUndefined, isObject } from "../values/compare";
import { isUnknown } from "../values/unknown";
import { checkArgs, checkedInputs, type ExternalImageInputs, parseInputs } from "./check";
import { externalImageContract } from "./contract";
import { moveImage } from "./move";
import { planUpdate, type UpdatePlan } from "./plan";
import { manifestFromAsset } from "./readback";
import { importOnce } from "./reconcile";
import { type Generations, liveGenerations } from "./sourceGenerations";

/** `project` and `adopt` are Pulumi-side inputs; everything else named in a plan is in the manifest. */
function isManifestField(field: string): boolean {
    return field !== "project" && field !== "adopt";
}

/**
 * What `up` does for `plan`, in a line: `patch: properties."k"`, `re-import: tilesets`,
 * `move: name` or, for a rename with other changes, `move: name; patch: properties."k"`.
 */
function summaryOf(plan: UpdatePlan): string | undefined {
    if (plan.kind === "none") return undefined;
    const fields = plan.changed.map((field) => field.replace(/^imageManifest\./, ""));
    switch (plan.kind) {
        case "local":
            return summarizeChange("state only", fields);
        case "patch":
            return summarizeChange("patch", [...plan.updateMask, ...fields.filter((field) => !isManifestField(field))]);
        case "reimport":
            return summarizeChange("re-import", fields);
        case "unknownName":
            return summarizeChange("move", ["name"]);
        case "move": {
            const afterMove = summaryOf(plan.afterMove);
            return [summarizeChange("move", ["name"]), afterMove].filter(Boolean).join("; ");
        }
    }
}

/** Outputs echo the inputs (the engine hands outputs back as `olds`) plus what the server says. */
function outputsOf(
    inputs: ExternalImageInputs,
    asset: Pick<EarthEngineAsset, "updateTime">,
    sources: SourceOutputs = {},
): Partial<OutputsOf<typeof externalImageContract>> {
    return dropUndefined({ ...inputs, assetName: inputs.imageManifest.name, updateTime: asset.updateTime, ...sources });
}

type SourceOutputs = { sourceGenerations?: Generations; liveSourceGenerations?: Generations };

/** The generations Earth Engine is about to import (read before the import: a rewrite during it shows as drift later). */
async function importedGenerations(inputs: ExternalImageInputs): Promise<SourceOutputs> {
    const generations = await liveGenerations(inputs.imageManifest);
    return generations ? { sourceGenerations: generations, liveSourceGenerations: generations } : {};
}

/** The stored source outputs, carried over a change that does not import. */
function storedSources(olds: Props): SourceOutputs {
    const out: SourceOutputs = {};
    if (isObject(olds.sourceGenerations)) out.sourceGenerations = olds.sourceGenerations as Generations;
    if (isObject(olds.liveSourceGenerations)) out.liveSourceGenerations = olds.liveSourceGenerations as Generations;
    return out;
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

    preflightTargets: (news: Props, olds: Props) => [{ root: "imageManifest", manifest: news.imageManifest, previous: olds.imageManifest }],

    nameOf: (inputs: Props) => {
        const manifest = inputs.imageManifest as { name?: unknown } | undefined;
        return typeof manifest?.name === "string" ? manifest.name : "the ExternalImage";
    },

    assetNameOf: (inputs: Props) => {
        const manifest = inputs.imageManifest as { name?: unknown } | undefined;
        return typeof manifest?.name === "string" && !isUnknown(manifest.name) ? manifest.name : undefined;
    },

    changeSummary: (olds: Props, news: Props) => summaryOf(planUpdate(olds, news)),

    diff(olds: Props, news: Props): pulumi.dynamic.DiffResult {
        const plan = planUpdate(olds, news);
        switch (plan.kind) {
            case "none":
            case "local":
                // No updateTime: the read after the last write failed; update completes the outputs.
                return { changes: plan.kind === "local" || olds.updateTime === undefined };
            default:
                return { changes: true };
        }
    },

    async create(raw: Props, context): Promise<{ id: string; outs: object }> {
        const inputs = checkedInputs(raw);
        const client = context.client(inputs.project);
        const sources = await importedGenerations(inputs);
        const existing = await importOnce(client, inputs);
        return {
            id: inputs.imageManifest.name,
            outs: outputsOf(inputs, existing ?? (await readAfterWrite(client, inputs.imageManifest.name, outputsOf(inputs, {}))), sources),
        };
    },

    async read(resourceId: string, stored: Props, context): Promise<pulumi.dynamic.ReadResult> {
        // After a rename the engine keeps the first id (update cannot change it): the asset is at assetName, and refresh moves the id there.
        const id = currentName(resourceId, stored);
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
        // The files' live generations beside the recorded ones; a resource made before this release takes the live ones as recorded.
        const live = await liveGenerations(inputs.imageManifest);
        const kept = storedSources(stored);
        const sources: SourceOutputs = live ? { sourceGenerations: kept.sourceGenerations ?? live, liveSourceGenerations: live } : kept;
        const outs = outputsOf(refreshed, asset, sources);
        // assetName stays: check adds it to the inputs (see ResourceKind.assetNameOf).
        const { updateTime: _, sourceGenerations: _recorded, liveSourceGenerations: _live, ...refreshedInputs } = outs;
        return { id, props: outs, inputs: refreshedInputs };
    },

    async update(_id: string, olds: Props, news: Props, context): Promise<{ outs: object }> {
        const plan = planUpdate(olds, news);
        const inputs = checkedInputs(news);
        const client = context.client(inputs.project);
        if (plan.kind !== "move") return { outs: await applyPlan(client, plan, inputs, olds) };
        await moveImage(client, plan.from, plan.to, [parseInputs(olds).imageManifest, inputs.imageManifest]);
        return { outs: await applyPlan(client, plan.afterMove, inputs, olds) };
    },

    async delete(resourceId: string, props: Props, context): Promise<void> {
        // Only the project is needed: delete must work even for state an older version wrote.
        const project = typeof props.project === "string" ? props.project : undefined;
        await deleteIgnoringNotFound(() => context.client(project).deleteAsset(currentName(resourceId, props)));
    },
};

/** The asset's name now: `assetName` (a rename moves the asset but keeps the resource id), else the id. */
function currentName(id: string, props: Props): string {
    return typeof props.assetName === "string" ? props.assetName : id;
}

/** Does one plan that keeps the name (the asset is already at `inputs.imageManifest.name`). */
async function applyPlan(client: EarthEngineClient, plan: UpdatePlan, inputs: ExternalImageInputs, olds: Props): Promise<object> {
    const name = inputs.imageManifest.name;
    switch (plan.kind) {
        case "none":
        case "local":
            if (typeof olds.updateTime === "string" && olds.assetName === name) {
                return outputsOf(inputs, { updateTime: olds.updateTime }, storedSources(olds));
            }
            return outputsOf(inputs, await readAfterWrite(client, name, outputsOf(inputs, {})), storedSources(olds));
        case "patch":
            return outputsOf(inputs, await client.patchAsset(name, plan.asset, plan.updateMask), storedSources(olds));
        case "reimport": {
            const sources = await importedGenerations(inputs);
            await client.importExternal(inputs.imageManifest, { overwrite: true });
            return outputsOf(inputs, await readAfterWrite(client, name, outputsOf(inputs, {})), sources);
        }
        default:
            throw new UnexpectedCallError(`update planned ${plan.kind === "move" ? "a second move" : "a move to a name not known yet"}`);
    }
}

/** The ExternalImage provider, as `resourceProviders.ExternalImage` serves it (for tests and the bench). */
export const externalImageProvider = providerFor(externalImageKind);
