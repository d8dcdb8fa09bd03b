import type * as pulumi from "@pulumi/pulumi";
import type { EarthEngineClient } from "../earthengine";
import { manifestFromAsset } from "../externalImage/readback";
import { type Generations, liveGenerationsByKey } from "../externalImage/sourceGenerations";
import { PartialWriteError, type Props, providerFor, ResourceError, type ResourceKind, UnexpectedCallError } from "../resource";
import { readOrGone } from "../resource/lifecycle";
import { dropUndefined, isObject } from "../values/compare";
import { formatPath } from "../values/failures";
import { type ApplyResult, applySteps, type ImageFailure, quotaName, type SetRecord } from "./apply";
import { checkSetArgs } from "./check";
import { type ExternalImageSetOutputs, externalImageSetContract } from "./contract";
import { listImages } from "./listing";
import { type ImageStep, imagesOf, manifestOf, planSet, recordedImagesOf, updateTimesOf } from "./plan";
import { compactImages } from "./record";
import { afterRefresh, afterWrites, type SetSources, sourceOutputs, sourcesOf } from "./sources";

/** Failures named one by one in an error message; the rest are counted. */
const MAX_LISTED_FAILURES = 5;

const projectOf = (props: Props) => (typeof props.project === "string" ? props.project : undefined);

function outputsOf(parent: string, project: string | undefined, record: SetRecord, sources: SetSources): ExternalImageSetOutputs {
    const { images, updateTimes } = record;
    return dropUndefined({
        parent,
        project,
        recordedImages: compactImages(images),
        updateTimes,
        ...sourceOutputs(sources, Object.keys(images)),
    }) as ExternalImageSetOutputs;
}

/** The live generations of the images `keys` of `declared` under `parent`: one listing per folder (see liveGenerationsByKey). */
function readGenerations(parent: string, declared: Record<string, Props>, keys: Iterable<string>) {
    return liveGenerationsByKey(Object.fromEntries([...keys].map((key) => [key, manifestOf(parent, key, declared[key] ?? {})])));
}

/** The images `steps` import (or adopt after a failed write): their source generations are read just before. */
function importing(steps: readonly ImageStep[]): Set<string> {
    const imports = (step: ImageStep): boolean =>
        step.kind === "create" ||
        step.kind === "reimport" ||
        step.kind === "verify" ||
        (step.kind === "move" && step.afterMove?.kind === "reimport");
    return new Set(steps.filter(imports).map((step) => step.key));
}

/** The source record after `result`: the images whose import completed take the generations `read` before it. */
function sourcesAfter(stored: SetSources, steps: readonly ImageStep[], result: ApplyResult, read: Record<string, Generations> | undefined) {
    const imported = new Set([...importing(steps)].filter((key) => result.done.has(key)));
    return afterWrites(stored, Object.keys(result.images), imported, read);
}

/**
 * The ExternalImageSet kind: many external images in one parent, owned by one resource. Its diff
 * and update plan per image (see plan.ts); refresh lists the parent and reads only the images
 * whose `updateTime` moved, and reads the source files' generations with one Cloud Storage
 * listing per folder (sources.ts). Stateless per call.
 */
export const externalImageSetKind: ResourceKind = {
    typeName: externalImageSetContract.typeName,
    createNotFoundHint:
        "Most likely the parent folder or image collection does not exist (or is not writable); create it first (an ee.Folder or ee.ImageCollection whose assetName the set's parent uses), then run pulumi up again.",

    check: (news, olds) => checkSetArgs(olds ?? {}, news),

    // The same preflight as ExternalImage, per image, at `images.<key>`; unchanged images are not read.
    preflightTargets: (news: Props, olds: Props) => {
        const images = isObject(news.images) ? news.images : {};
        const stored = isObject(olds.images) ? olds.images : {};
        return Object.entries(images).map(([key, manifest]) => ({ root: formatPath("images", [key]), manifest, previous: stored[key] }));
    },

    nameOf: (inputs: Props) => (typeof inputs.parent === "string" ? `the images in ${inputs.parent}` : "the ExternalImageSet"),

    diff(olds: Props, news: Props): pulumi.dynamic.DiffResult {
        const plan = planSet(olds, news);
        if (plan.kind === "unknown") return { changes: true };
        return { changes: plan.steps.length > 0 || plan.projectChanged };
    },

    async create(inputs: Props, context): Promise<{ id: string; outs: object }> {
        const parent = inputs.parent as string;
        const declared = imagesOf(inputs);
        const steps: ImageStep[] = Object.keys(declared).map((key) => ({ kind: "create", key }));
        const generations = await readGenerations(parent, declared, Object.keys(declared));
        const result = await applyStepsStopping(context.client(projectOf(inputs)), inputs, { images: {}, updateTimes: {} }, steps);
        const sources = sourcesAfter({ recorded: {}, live: {} }, steps, result, generations);
        const outs = outputsOf(parent, projectOf(inputs), sortedRecord(result, declared), sources);
        if (result.failures.length > 0) {
            const message = failureMessage("create", parent, result, Object.keys(declared).length);
            // Nothing registered: nothing to record.
            if (Object.keys(result.images).length === 0) throw new ResourceError(message);
            throw new PartialWriteError(parent, outs, message);
        }
        return { id: parent, outs };
    },

    async read(id: string, stored: Props, context): Promise<pulumi.dynamic.ReadResult> {
        const parent = typeof stored.parent === "string" ? stored.parent : id;
        const project = projectOf(stored);
        const client = context.client(project);
        const listed = await listImages(client, parent);
        if (listed === undefined) return { id: "", props: {} }; // the parent is gone, and its images with it
        const recorded = recordedImagesOf(stored);
        const times = updateTimesOf(stored);
        const record: SetRecord = { images: {}, updateTimes: {} };
        const moved: string[] = [];
        for (const [key, image] of Object.entries(recorded)) {
            const asset = listed.get(key);
            if (asset === undefined) continue; // deleted out of band
            if (asset.updateTime !== undefined && asset.updateTime === times[key]) {
                record.images[key] = image;
                record.updateTimes[key] = asset.updateTime;
            } else moved.push(key);
        }
        await Promise.all(
            moved.map(async (key) => {
                const asset = await readOrGone(() => client.getAsset(manifestOf(parent, key, recorded[key]).name));
                if (asset === undefined || asset.type !== "IMAGE") return;
                const { name: _, ...image } = manifestFromAsset(asset, manifestOf(parent, key, recorded[key]));
                record.images[key] = image;
                if (asset.updateTime) record.updateTimes[key] = asset.updateTime;
            }),
        );
        const kept = Object.keys(record.images);
        const sources = afterRefresh(sourcesOf(stored), kept, await readGenerations(parent, record.images, kept));
        const sorted = sortedRecord(record, recorded);
        const props = outputsOf(parent, project, sorted, sources);
        // The inputs as found: the next diff and `preview --diff` compare the program with them.
        const inputs = dropUndefined({ parent, project, images: sorted.images });
        return { id, props, inputs };
    },

    async update(id: string, olds: Props, news: Props, context): Promise<{ outs: object }> {
        const plan = planSet(olds, news);
        if (plan.kind !== "images") throw new UnexpectedCallError("update got a set whose parent or images are not known yet");
        const parent = news.parent as string;
        const recorded: SetRecord = { images: recordedImagesOf(olds), updateTimes: updateTimesOf(olds) };
        const imports = importing(plan.steps);
        const generations = imports.size > 0 ? await readGenerations(parent, imagesOf(news), imports) : undefined;
        const result = await applyStepsStopping(context.client(projectOf(news)), news, recorded, plan.steps);
        const sources = sourcesAfter(sourcesOf(olds), plan.steps, result, generations);
        const outs = outputsOf(parent, projectOf(news), sortedRecord(result, imagesOf(news)), sources);
        const moves = new Set(plan.steps.flatMap((step) => (step.kind === "move" ? [step.key] : [])));
        const unmoved =
            moves.size > 0 && (result.stopped !== undefined || result.quota !== undefined || result.failures.some((f) => moves.has(f.key)));
        if (unmoved) {
            // One record cannot hold images under two parents: keep the stored one (the old parent);
            // the next up moves the rest, and an image already moved counts as done.
            throw new ResourceError(failureMessage("move", parent, result, moves.size, String(olds.parent)));
        }
        if (result.failures.length > 0) {
            throw new PartialWriteError(id, outs, failureMessage("update", parent, result, Object.keys(imagesOf(news)).length));
        }
        return { outs };
    },

    async delete(id: string, props: Props, context): Promise<void> {
        const parent = typeof props.parent === "string" ? props.parent : id;
        const images = recordedImagesOf(props);
        const steps: ImageStep[] = Object.keys(images).map((key) => ({ kind: "delete", key }));
        const recorded: SetRecord = { images, updateTimes: updateTimesOf(props) };
        const result = await applySteps(context.client(projectOf(props)), { parent, project: projectOf(props) }, recorded, {}, steps);
        if (result.failures.length > 0) {
            // The engine keeps the old state on a failed delete; the next destroy deletes what is left.
            throw new ResourceError(failureMessage("delete", parent, result, 0));
        }
    },
};

/** applySteps for a create or update of `inputs`. */
function applyStepsStopping(client: EarthEngineClient, inputs: Props, recorded: SetRecord, steps: ImageStep[]): Promise<ApplyResult> {
    return applySteps(client, { parent: inputs.parent as string, project: projectOf(inputs) }, recorded, imagesOf(inputs), steps);
}

/** The record with keys in the declaration's order (state and `--diff` read in the program's order). */
function sortedRecord(record: SetRecord, order: Record<string, unknown>): SetRecord {
    const keys = [...Object.keys(order), ...Object.keys(record.images).filter((key) => !Object.hasOwn(order, key))];
    const images: SetRecord["images"] = {};
    const updateTimes: SetRecord["updateTimes"] = {};
    for (const key of keys) {
        if (!Object.hasOwn(record.images, key)) continue;
        images[key] = record.images[key];
        if (record.updateTimes[key] !== undefined) updateTimes[key] = record.updateTimes[key];
    }
    return { images, updateTimes };
}

/** What failed, how many images exist now, and what the next command does; bounded whatever the count. */
function failureMessage(
    action: "create" | "update" | "delete" | "move",
    parent: string,
    result: ApplyResult,
    declared: number,
    from?: string,
): string {
    const registered = Object.keys(result.images).length;
    const lines: string[] = [];
    if (action === "move") {
        lines.push(`Could not move every image of the set from ${from} to ${parent} (${declared} to move); none was deleted for the move.`);
        lines.push(`The set stays recorded under ${from}; the next pulumi up moves the rest (an image already moved counts as done).`);
    } else if (action === "delete") {
        lines.push(
            `Could not delete ${result.failures.length} of the images in ${parent}; ${registered - result.failures.length} were deleted.`,
        );
        lines.push("The set stays in state with every image it had; the next pulumi destroy (or up) deletes what is left.");
    } else if (result.quota !== undefined) {
        lines.push(`Earth Engine refused more writes to ${parent} under ${quotaName(result.quota)}`);
        lines.push(
            `${registered} of ${declared} declared images are registered and recorded in state; the next pulumi up continues from there (once the quota allows it: after the rate window, or after the quota is raised).`,
        );
    } else {
        lines.push(`Could not ${action} ${result.failures.length} image${result.failures.length === 1 ? "" : "s"} in ${parent}.`);
        lines.push(
            `${registered} of ${declared} declared images are registered and recorded in state; the next pulumi up retries the rest.`,
        );
        if (result.stopped !== undefined)
            lines.push("No further write was started: the first error below would meet every other image too.");
    }
    lines.push(...result.failures.slice(0, MAX_LISTED_FAILURES).map(describeFailure));
    if (result.failures.length > MAX_LISTED_FAILURES) lines.push(`  ... and ${result.failures.length - MAX_LISTED_FAILURES} more`);
    return lines.join("\n");
}

function describeFailure({ key, error }: ImageFailure): string {
    const message = error instanceof Error ? error.message : String(error);
    return `  images.${key}: ${message.split("\n")[0].slice(0, 400)}`;
}

/** What the engine drives through `pulumi-earthengine/provider/shim/externalImageSet`. */
export const externalImageSetProvider = providerFor(externalImageSetKind);
