import { ignoredManifestPaths, type PathSegment, withIgnoredPathsReset } from "../externalImage/ignoreChanges";
import { formatEpochNanos, toEpochNanos, validateManifest } from "../manifest";
import { type CheckedArgs, checkedField, project, unknownInputs } from "../resource";
import { ASSET_NAME_HINT, assetIdSegmentProblem, assetNameLengthProblem, normalizeAssetName, parseAssetName } from "../values/assetName";
import { isObject, sameJson } from "../values/compare";
import { boundFailures, type CheckFailure, formatPath, quote } from "../values/failures";
import { isUnknown } from "../values/unknown";
import { externalImageSetContract } from "./contract";
import { changeSummaryOf, imageName } from "./plan";

// `ignoreChanges`: set by the SDK from the resource option (its paths under `images`), as for
// ExternalImage: check sets each ignored field back from the stored image in either spelling,
// snake_case or camelCase. Not in the contract: the program never writes it; never sent to Earth Engine.
const INPUT_KEYS = [...Object.keys(externalImageSetContract.inputs.shape).filter((key) => key !== "changeSummary"), "ignoreChanges"];
// Only for checking images while the parent is not known yet (preview).
const PLACEHOLDER_PARENT = "projects/placeholder/assets/parent";

/**
 * `check` of an ExternalImageSet: the parent, the consumer project and each image (as
 * ExternalImage checks its manifest, at `images.<key>.<field>`), at most MAX_FAILURES listed.
 * Adds `changeSummary` from `olds` (the stored inputs) to the new inputs. Makes no request.
 */
export function checkSetArgs(olds: Record<string, unknown>, news: Record<string, unknown>): CheckedArgs {
    const { changeSummary: _, ...given } = news;
    const failures: CheckFailure[] = [
        ...unknownInputs(given, "ExternalImageSet", INPUT_KEYS),
        ...checkedField(given.project, "project", project).failures,
    ];
    const inputs: Record<string, unknown> = { ...given };
    const ignored = ignoredManifestPaths(given.ignoreChanges, "images");
    failures.push(...ignored.failures);
    const parent = checkedParent(given.parent, failures);
    if (parent !== undefined) inputs.parent = parent;
    if (given.images === undefined) {
        failures.push({ property: "images", reason: "images is required: a map from image key to ImageManifest (without name)" });
    } else if (!isUnknown(given.images)) {
        if (!isObject(given.images)) failures.push({ property: "images", reason: "images must be a map from image key to ImageManifest" });
        else {
            // Under the same parent, an image given exactly as it was stored passed this check then.
            const stored = parent !== undefined && storedParent(olds) === parent && isObject(olds.images) ? olds.images : {};
            const written = isObject(olds.images) ? withIgnoredImagePaths(given.images, olds.images, ignored.paths) : given.images;
            inputs.images = checkedImages(written, parent ?? PLACEHOLDER_PARENT, failures, stored);
        }
    }
    if (failures.length > 0) return { inputs, failures: boundFailures(failures) };
    const summary = changeSummaryOf(olds, inputs);
    return { inputs: summary === undefined ? inputs : { ...inputs, changeSummary: summary }, failures: [] };
}

function checkedParent(parent: unknown, failures: CheckFailure[]): string | undefined {
    if (isUnknown(parent)) return undefined;
    if (typeof parent !== "string") {
        failures.push({
            property: "parent",
            reason: "parent is required: the folder or image collection, projects/<project>/assets/<path>",
        });
        return undefined;
    }
    if (parseAssetName(parent) === undefined) {
        failures.push({ property: "parent", reason: `${quote(parent)} is not an asset name; ${ASSET_NAME_HINT}` });
        return undefined;
    }
    return normalizeAssetName(parent);
}

/**
 * The images with each ignored path (`<key>...` or `*...`, after `images`) set back from the stored
 * image in the program's spelling (see ExternalImage's ignoreChanges.ts); a whole ignored image
 * keeps its stored value. Keys only one side has are left alone, as the engine's own reset does.
 */
function withIgnoredImagePaths(images: Record<string, unknown>, stored: Record<string, unknown>, paths: PathSegment[][]) {
    if (paths.length === 0) return images;
    const out = { ...images };
    for (const [first, ...rest] of paths) {
        const keys = first === "*" ? Object.keys(out) : [String(first)];
        for (const key of keys) {
            if (!Object.hasOwn(out, key) || !Object.hasOwn(stored, key) || isUnknown(out[key])) continue;
            out[key] = rest.length === 0 ? stored[key] : withIgnoredPathsReset(out[key], stored[key], [rest]);
        }
    }
    return out;
}

function storedParent(olds: Record<string, unknown>): string | undefined {
    return typeof olds.parent === "string" && parseAssetName(olds.parent) !== undefined ? normalizeAssetName(olds.parent) : undefined;
}

/**
 * Each image validated with its full name, stored without it (the key and parent give it). An
 * image equal to its `stored` (checked) value is that value: checking is idempotent, and a no-change
 * preview of thousands of images then validates none of them again. The comparison reads
 * `startTime` and `endTime` as the instants they name (see withStoredTimes).
 */
function checkedImages(
    images: Record<string, unknown>,
    parent: string,
    failures: CheckFailure[],
    stored: Record<string, unknown>,
): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, image] of Object.entries(images)) {
        const before = stored[key];
        if (before !== undefined && isObject(image) && isStored(image, before)) {
            out[key] = before;
            continue;
        }
        const root = formatPath("images", [key]);
        out[key] = image;
        const keyProblem = assetIdSegmentProblem(key) ?? assetNameLengthProblem(imageName(parent, key));
        if (keyProblem) {
            failures.push({ property: root, reason: keyProblem });
            continue;
        }
        if (isUnknown(image)) continue;
        if (!isObject(image)) {
            failures.push({ property: root, reason: "an image is an ImageManifest object (tilesets, bands, properties, ...)" });
            continue;
        }
        if (image.name !== undefined || image.id !== undefined) {
            failures.push({
                property: `${root}.${image.name !== undefined ? "name" : "id"}`,
                reason: `the parent and the key name the image (${imageName(parent, key)}); remove the name`,
            });
            continue;
        }
        const result = validateManifest({ ...image, name: imageName(parent, key) }, root);
        if (result.ok) out[key] = withoutName(result.manifest);
        else {
            failures.push(...result.failures);
            if (isObject(result.normalized)) out[key] = withoutName(result.normalized);
        }
    }
    return out;
}

function withoutName(manifest: object): Record<string, unknown> {
    const { name: _, ...rest } = manifest as Record<string, unknown>;
    return rest;
}

const TIME_FIELDS = ["startTime", "endTime"] as const;

/** Whether `image` as given is the stored image: as written (an earlier release may have stored it so) or with its times as check stores them. */
function isStored(image: Record<string, unknown>, before: unknown): boolean {
    if (sameJson(image, before)) return true;
    const timed = withStoredTimes(image);
    return timed !== image && sameJson(timed, before);
}

/**
 * The image with its `startTime` and `endTime` written as check stores them (the proto3 JSON form
 * of the same instant), for the comparison with the stored image only. JavaScript's
 * `Date.toISOString()` writes `.000Z`, which check stores as `Z`: without this, a program that
 * dates its images that way had every image validated again in every preview (issue 20). The
 * value is the instant's, so the check it skips would store exactly the stored image.
 */
function withStoredTimes(image: Record<string, unknown>): Record<string, unknown> {
    let out = image;
    for (const field of TIME_FIELDS) {
        const value = image[field];
        if (typeof value !== "string" || isUnknown(value)) continue;
        const nanos = toEpochNanos(value);
        if (nanos === undefined) continue;
        const stored = formatEpochNanos(nanos);
        if (stored !== value) out = { ...out, [field]: stored };
    }
    return out;
}
