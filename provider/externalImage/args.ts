import { type ImageManifest, isObject, isUnknown, type ManifestFailure, validateManifest } from "../manifest";

/** The resource's inputs after `check`: what the engine stores and later hands to diff/create/update. */
export interface ExternalImageInputs {
    /** Consumer (quota) project; default from `earthengine:project`, the environment, then the asset's project. */
    project?: string;
    /** The normalised manifest. */
    imageManifest: ImageManifest;
    /** Take over an existing, differing asset by re-importing with `overwrite: true`. */
    adopt?: boolean;
}

/** What the resource exposes after create/update/read; inputs are echoed because `olds` are outputs. */
export interface ExternalImageOutputs extends ExternalImageInputs {
    /** `projects/<project>/assets/<path>`, also the resource id. */
    assetName: string;
    /** When Earth Engine last changed the asset (RFC 3339). */
    updateTime?: string;
}

export const PROVIDER_KEY = "__provider";
const INPUT_KEYS = new Set(["project", "imageManifest", "adopt", PROVIDER_KEY]);
// A Cloud project id or number; the server has the final word, this catches typos early.
const PROJECT_ID = /^(?:[a-z][a-z0-9.-]*:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$|^\d+$/;

export interface CheckedArgs {
    inputs: Record<string, unknown>;
    failures: ManifestFailure[];
}

/** Validates and normalises the resource's raw inputs (as the engine passes them to `check`). */
export function checkArgs(news: Record<string, unknown>): CheckedArgs {
    const failures: ManifestFailure[] = [];
    for (const key of Object.keys(news)) {
        if (!INPUT_KEYS.has(key))
            failures.push({ property: key, reason: `unknown input "${key}"; ExternalImage takes project, imageManifest and adopt` });
    }
    const { project, adopt } = news;
    if (project !== undefined && !isUnknown(project) && (typeof project !== "string" || !PROJECT_ID.test(project))) {
        failures.push({
            property: "project",
            reason: `"${String(project)}" is not a Cloud project id or number; use the id shown in the Cloud console (6-30 lowercase letters, digits, hyphens)`,
        });
    }
    if (adopt !== undefined && !isUnknown(adopt) && typeof adopt !== "boolean") {
        failures.push({ property: "adopt", reason: "adopt must be true or false" });
    }
    const inputs: Record<string, unknown> = { ...news };
    if (news.imageManifest === undefined) {
        failures.push({ property: "imageManifest", reason: "imageManifest is required: the Earth Engine ImageManifest of the image" });
    } else if (!isUnknown(news.imageManifest)) {
        const result = validateManifest(news.imageManifest);
        if (result.ok) inputs.imageManifest = result.manifest;
        else {
            inputs.imageManifest = result.normalized;
            failures.push(...result.failures);
        }
    }
    return { inputs, failures };
}

/** Re-parses stored inputs (already checked) into their typed form. */
export function parseInputs(raw: Record<string, unknown>): ExternalImageInputs {
    const result = validateManifest(raw.imageManifest);
    if (!result.ok) {
        const first = result.failures[0];
        throw new Error(
            `the stored imageManifest is not valid (${first ? `${first.property}: ${first.reason}` : "contains unknown values"}); run pulumi up again after fixing the program`,
        );
    }
    return {
        project: typeof raw.project === "string" ? raw.project : undefined,
        imageManifest: result.manifest,
        adopt: raw.adopt === true ? true : undefined,
    };
}

/**
 * The inputs `check` produced, typed without validating them again: the engine hands `create`
 * and `update` exactly what `check` returned in the same run (validated and normalised). Anything
 * without a manifest name falls back to full validation (`parseInputs`).
 */
export function checkedInputs(raw: Record<string, unknown>): ExternalImageInputs {
    const manifest = raw.imageManifest;
    if (!isObject(manifest) || typeof manifest.name !== "string") return parseInputs(raw);
    return {
        project: typeof raw.project === "string" ? raw.project : undefined,
        imageManifest: manifest as unknown as ImageManifest,
        adopt: raw.adopt === true ? true : undefined,
    };
}
