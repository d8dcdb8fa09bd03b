import type * as pulumi from "@pulumi/pulumi";
import { AssetAlreadyExistsError, type EarthEngineAsset, type EarthEngineClient, EarthEngineError } from "../earthengine";
import {
    AssetConflictError,
    deleteIgnoringNotFound,
    GONE,
    type KindContext,
    type KindContract,
    type Props,
    ResourceError,
    type ResourceKind,
    readAfterWrite,
    readOrGone,
    UnexpectedCallError,
} from "../resource";
import { normalizeAssetName } from "../values/assetName";
import { dropUndefined, sameValue } from "../values/compare";
import { isUnknown } from "../values/unknown";
import { type ContainerInputs, type ContainerType, checkContainerArgs, METADATA_FIELDS, metadataOf, parseContainerInputs } from "./check";
import { deleteChildren, listChildren } from "./forceDestroy";
import type { ContainerPlan } from "./plan";

const LABEL: Record<ContainerType, string> = { FOLDER: "folder", IMAGE_COLLECTION: "image collection" };

function outputsOf(
    inputs: ContainerInputs,
    asset: Pick<EarthEngineAsset, "updateTime">,
): ContainerInputs & { assetName: string; updateTime?: string } {
    return dropUndefined({ ...inputs, assetName: inputs.name, updateTime: asset.updateTime });
}

/** Metadata fields whose values differ between the declaration and the asset. */
function differingMetadata(inputs: ContainerInputs, asset: EarthEngineAsset): string[] {
    const [declared, actual] = [metadataOf(inputs as unknown as Props), metadataOf(asset as unknown as Props)];
    return METADATA_FIELDS.filter((field) => !sameValue(declared[field], actual[field]));
}

/** Create found the name taken: adopt an identical container, refuse anything else. */
async function adoptExisting(client: EarthEngineClient, type: ContainerType, inputs: ContainerInputs): Promise<EarthEngineAsset> {
    const existing = await client.getAsset(inputs.name);
    const conflict = { assetName: inputs.name, declaredType: type, existingType: existing.type };
    if (existing.type !== type) {
        throw new AssetConflictError({ ...conflict, fix: "choose another name, or delete the existing asset." });
    }
    const differences = differingMetadata(inputs, existing);
    if (differences.length > 0) {
        throw new AssetConflictError({
            ...conflict,
            differences,
            fix: "Make the declaration match the existing asset (then run pulumi up again to change it in place), or choose another name.",
        });
    }
    return existing;
}

/** Delete without forceDestroy: a refusal because of children gets a message that says what to do. */
async function deleteRefused(client: EarthEngineClient, type: ContainerType, name: string, error: EarthEngineError): Promise<Error> {
    const children = await listChildren(client, name).catch(() => []);
    if (children.length === 0) return error;
    const shown = children.slice(0, 3).map((child) => child.name);
    return new ResourceError(
        `Could not delete ${name}: the ${LABEL[type]} still holds ${children.length} asset(s) (${shown.join(", ")}${children.length > 3 ? ", ..." : ""}), and Earth Engine deletes only empty containers.\n` +
            "Delete or move them first, or set `forceDestroy: true` on the resource (and run pulumi up) to delete them with it " +
            `(the old container of a rename keeps its stored inputs: run that pulumi up with ${DELETE_UNMOVED_ENV}=1 instead).` +
            `\n${error.message}`,
        { cause: error },
    );
}

/**
 * A container's rename is a replacement (Google's Cloud API is reported to refuse moving a
 * non-empty folder, gee-community/geetools#187): the new container is created first, the
 * declared images move into it as updates, and the old container is deleted last. That delete
 * must never take an image: one that was moved is no longer there, and one the program did not
 * declare is someone's data (and a container whose stored `forceDestroy` is true cannot be
 * renamed: see check.ts). Renames are recorded when diff plans them, in this process, which is
 * the one that runs the delete at the end of the same up.
 */
const renamedTo = new Map<string, string>();

/**
 * Set to 1 for one run: a renamed container's delete also deletes the assets still inside it (and
 * so does any container delete of that run, since a rename's delete retried by a later up cannot
 * be told apart from another delete).
 */
export const DELETE_UNMOVED_ENV = "EARTHENGINE_DELETE_UNMOVED";

function deleteUnmovedOptedIn(): boolean {
    return process.env[DELETE_UNMOVED_ENV] === "1";
}

function recordRename(from: string, to: string): void {
    renamedTo.set(from, to);
}

/** For tests: forgets every recorded rename. */
export function forgetRenames(): void {
    renamedTo.clear();
}

/** Deletes the old container of a rename if it is empty (or the user opted in for this run); else fails naming what is left. */
async function deleteRenamed(client: EarthEngineClient, name: string): Promise<boolean> {
    const to = renamedTo.get(name);
    if (to === undefined) return false;
    const left = await listChildren(client, name);
    if (left.length > 0 && !deleteUnmovedOptedIn()) {
        const shown = left.slice(0, 5).map((child) => child.name);
        throw new ResourceError(
            `Could not delete ${name} after its rename to ${to}: it still holds ${left.length} asset(s) this program does not declare (${shown.join(", ")}${left.length > 5 ? ", ..." : ""}). ` +
                "Nothing was deleted: a rename moves only the declared images, and never deletes the others. " +
                `Move them (earthengine mv <old> ${to}/<id>) or declare them, then run pulumi up again; or, to delete them, run that pulumi up with ${DELETE_UNMOVED_ENV}=1.`,
        );
    }
    if (left.length > 0) await deleteChildren(client, name);
    await client.deleteAsset(name);
    return true;
}

/** What distinguishes Folder and ImageCollection; the rest is shared. */
export interface ContainerSpec {
    contract: KindContract;
    /** The asset type `assets.create` makes. */
    type: ContainerType;
    /** The kind's plan (pure): what an update from stored outputs to checked inputs takes. */
    plan(olds: Props, news: Props): ContainerPlan;
}

/** A Folder or ImageCollection kind: `assets.create`, metadata patched in place, a new name replaces. */
export function containerKind({ contract, type, plan: planOf }: ContainerSpec): ResourceKind {
    const typeName = contract.typeName;
    const client = (context: KindContext, project: string | undefined) => context.client(project);
    return {
        typeName,
        createNotFoundHint:
            "Most likely its parent folder does not exist (or is not writable); declare the parent as an ee.Folder and use its assetName in this name, then run pulumi up again.",

        check: (news: Props, olds?: Props) => checkContainerArgs(contract, news, olds),

        nameOf: (inputs: Props) => (typeof inputs.name === "string" ? inputs.name : `the ${typeName}`),
        assetNameOf: (inputs: Props) => (typeof inputs.name === "string" && !isUnknown(inputs.name) ? inputs.name : undefined),

        diff(olds: Props, news: Props): pulumi.dynamic.DiffResult {
            const plan = planOf(olds, news);
            if (plan.kind === "none") return { changes: false };
            // Create-before-delete is safe: the new container has another name. The declared
            // images move into it; the old one's delete then takes no image (see deleteRenamed).
            if (plan.kind === "replace") {
                if (typeof olds.name === "string" && typeof news.name === "string" && !isUnknown(news.name))
                    recordRename(olds.name, normalizeAssetName(news.name));
                return { changes: true, replaces: ["name"], deleteBeforeReplace: false };
            }
            return { changes: true };
        },

        async create(raw: Props, context): Promise<{ id: string; outs: object }> {
            const inputs = parseContainerInputs(raw);
            const ee = client(context, inputs.project);
            const { name, project: _, forceDestroy: __, ...metadata } = inputs;
            try {
                await ee.createAsset(name, { type, ...metadata });
            } catch (error) {
                if (!(error instanceof AssetAlreadyExistsError)) throw error;
                // Already there: a re-run after a lost response, or a container made by hand.
                return { id: name, outs: outputsOf(inputs, await adoptExisting(ee, type, inputs)) };
            }
            return { id: name, outs: outputsOf(inputs, await readAfterWrite(ee, inputs.name, outputsOf(inputs, {}))) };
        },

        async read(id: string, stored: Props, context): Promise<pulumi.dynamic.ReadResult> {
            const inputs = parseContainerInputs({ ...stored, name: id });
            const asset = await readOrGone(() => client(context, inputs.project).getAsset(id));
            // Deleted out of band, or something else holds the name now.
            if (asset?.type !== type) return GONE;
            const { name, project, forceDestroy } = inputs;
            // A folder has no metadata inputs, whatever the server returns.
            const metadata = type === "FOLDER" ? {} : metadataOf(asset as unknown as Props);
            const refreshed: ContainerInputs = dropUndefined({ name, project, forceDestroy, ...metadata });
            const outs = outputsOf(refreshed, asset);
            // assetName stays: check adds it to the inputs (see ResourceKind.assetNameOf).
            const { updateTime: _, ...refreshedInputs } = outs;
            return { id, props: outs, inputs: refreshedInputs };
        },

        async update(id: string, olds: Props, news: Props, context): Promise<{ outs: object }> {
            const plan = planOf(olds, news);
            const inputs = parseContainerInputs(news);
            switch (plan.kind) {
                case "none":
                case "local":
                    return { outs: outputsOf(inputs, { updateTime: typeof olds.updateTime === "string" ? olds.updateTime : undefined }) };
                case "patch":
                    return { outs: outputsOf(inputs, await client(context, inputs.project).patchAsset(id, plan.asset, plan.updateMask)) };
                case "replace":
                    throw new UnexpectedCallError("update asked to rename a container, which the diff answers with a replacement");
            }
        },

        async delete(id: string, props: Props, context): Promise<void> {
            const ee = client(context, typeof props.project === "string" ? props.project : undefined);
            try {
                await deleteIgnoringNotFound(async () => {
                    if (await deleteRenamed(ee, id)) return;
                    // The opt-in also reaches a rename's delete retried by a later up (a pending delete, run before any diff).
                    if (props.forceDestroy === true || deleteUnmovedOptedIn()) await deleteChildren(ee, id);
                    await ee.deleteAsset(id);
                });
            } catch (error) {
                if (error instanceof EarthEngineError && error.httpStatus === 400 && props.forceDestroy !== true) {
                    throw await deleteRefused(ee, type, id, error);
                }
                throw error;
            }
        },
    };
}
