import {
    AssetAlreadyExistsError,
    type EarthEngineAsset,
    type EarthEngineClient,
    EarthEngineError,
    findCause,
    InvalidArgumentError,
    QuotaExceededError,
} from "../earthengine";
import { moveImage } from "../externalImage/move";
import { importOnce, reconcileExisting } from "../externalImage/reconcile";
import { readOrGone } from "../resource/lifecycle";
import { readImages } from "./listing";
import { type ImageStep, imageName, manifestOf } from "./plan";

type Props = Record<string, unknown>;

/** The images a set has recorded: declarations by key and, for those read back, update times. */
export interface SetRecord {
    images: Record<string, Props>;
    updateTimes: Record<string, string>;
}

/** Why an image's write failed; `quota` when Earth Engine refused it under a quota. */
export interface ImageFailure {
    key: string;
    error: unknown;
}

export interface ApplyResult extends SetRecord {
    failures: ImageFailure[];
    /** The keys whose step completed (a step not started after a stop is in neither this nor `failures`). */
    done: Set<string>;
    /** The first quota refusal: no write was started after it. */
    quota?: unknown;
    /** Set when an error every other image would meet too stopped the writes (see stopsTheRun). */
    stopped?: unknown;
}

/** Image writes run at once; the shared limiter (earthengine:maxConcurrentRequests) bounds the requests. */
const WORKERS = 32;

/**
 * Applies `steps` to the images `recorded` (stored outputs), taking each image to `declared`:
 * each write as ExternalImage makes it (an import reconciled after an ambiguous failure, an
 * existing identical image adopted), then a read-back of the images written without an update
 * time. Failures do not stop the other images, except a quota refusal, after which no write
 * starts. The result records exactly what exists.
 */
export async function applySteps(
    client: EarthEngineClient,
    target: { parent: string; project?: string },
    recorded: SetRecord,
    declared: Record<string, Props>,
    steps: readonly ImageStep[],
): Promise<ApplyResult> {
    const images = { ...recorded.images };
    const updateTimes = { ...recorded.updateTimes };
    const failures: ImageFailure[] = [];
    const done = new Set<string>();
    const unsure = new Set<string>(); // failed creates that may have registered all the same
    let quota: unknown;
    let stopped: unknown;
    const { parent, project } = target;
    const create = async (key: string): Promise<EarthEngineAsset | undefined> =>
        importOnce(client, { project, imageManifest: manifestOf(parent, key, declared[key]) });

    const written = (key: string, asset: Pick<EarthEngineAsset, "updateTime"> | undefined) => {
        images[key] = declared[key];
        if (asset?.updateTime) updateTimes[key] = asset.updateTime;
        else delete updateTimes[key];
    };

    const run = async (step: ImageStep): Promise<void> => {
        const { key } = step;
        const name = imageName(parent, key);
        switch (step.kind) {
            case "move": {
                // As stored, or as declared when an earlier attempt also made the change after the move.
                const expected = [manifestOf(step.from, key, recorded.images[key] ?? {}), manifestOf(parent, key, declared[key])];
                await moveImage(client, imageName(step.from, key), name, expected);
                return step.afterMove ? run(step.afterMove) : written(key, undefined);
            }
            case "create":
                return written(key, await create(key));
            case "patch": {
                const patched = await readOrGone(() => client.patchAsset(name, step.asset, step.updateMask));
                // Deleted out of band since the last read: register it again.
                return written(key, patched ?? (await create(key)));
            }
            case "reimport":
                await client.importExternal(manifestOf(parent, key, declared[key]), { overwrite: true });
                return written(key, undefined);
            case "verify": {
                // Recorded as ours after a failed or unread write: take it to the declaration.
                const outcome = await reconcileExisting(client, { project, imageManifest: manifestOf(parent, key, declared[key]) }, true);
                if (outcome.state === "absent") return written(key, await create(key));
                return written(key, outcome.state === "equal" ? outcome.asset : undefined);
            }
            case "delete":
                await readOrGone(() => client.deleteAsset(imageName(step.from ?? parent, key)));
                delete images[key];
                delete updateTimes[key];
                return;
        }
    };

    await forEachLimited(steps, async (step) => {
        if (stopped !== undefined) return;
        try {
            await run(step);
            done.add(step.key);
        } catch (error) {
            failures.push({ key: step.key, error });
            if (step.kind === "create") unsure.add(step.key);
            if (isQuotaRefusal(error)) quota ??= error;
            if (stopsTheRun(error)) stopped ??= error;
        }
    });

    const unread = Object.keys(images).filter((key) => updateTimes[key] === undefined);
    if (unread.length + unsure.size > 0) {
        try {
            const found = await readImages(client, parent, [...unread, ...unsure], Object.keys(images).length);
            for (const key of unread) {
                const asset = found.get(key);
                if (asset?.updateTime) updateTimes[key] = asset.updateTime;
            }
            // Registered although its answer was an error: recorded without an update time, so the
            // next up verifies it and destroy deletes it.
            for (const key of unsure) if (found.has(key)) images[key] = declared[key];
        } catch (error) {
            // The writes stand; the keys without an update time are read by the next up.
            failures.push({ key: "(read-back)", error });
            for (const key of unsure) images[key] = declared[key];
        }
    }
    return { images, updateTimes, failures, done, quota, stopped };
}

/** Runs `task` for every item, WORKERS at a time. */
async function forEachLimited<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
        while (next < items.length) await task(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(WORKERS, items.length) }, worker));
}

/**
 * An error every other image would meet too (a missing parent, credentials, a quota, the service
 * down after the retries): no further write starts. An image's own problem (the service refused
 * its manifest, or a differing asset holds its name) does not stop the others.
 */
export function stopsTheRun(error: unknown): boolean {
    if (isQuotaRefusal(error)) return true;
    const answer = findCause(error, EarthEngineError);
    return answer !== undefined && !(answer instanceof InvalidArgumentError) && !(answer instanceof AssetAlreadyExistsError);
}

/** A refusal under a quota (request rate or concurrency, or the number of assets). */
export function isQuotaRefusal(error: unknown): boolean {
    const answer = findCause(error, EarthEngineError);
    if (answer instanceof QuotaExceededError) return true;
    return answer !== undefined && (answer.status === "RESOURCE_EXHAUSTED" || /quota/i.test(answer.serverMessage));
}

/** The quota named in words a person can act on, with Earth Engine's own message. */
export function quotaName(error: unknown): string {
    const answer = findCause(error, EarthEngineError);
    const said = answer ? answer.serverMessage : String(error);
    if (answer instanceof QuotaExceededError && !/asset/i.test(said)) {
        return `the request quota (per project by default 40 concurrent requests and 100 requests/s; this provider's limits are earthengine:maxConcurrentRequests and earthengine:maxRequestsPerSecond). Earth Engine said: ${said}`;
    }
    return `the asset quota (Max number of assets, 10,000 per project by default; ask for more in the Cloud console's quota page). Earth Engine said: ${said}`;
}
