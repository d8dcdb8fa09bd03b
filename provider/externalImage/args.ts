import { type ImageManifest, isObject, isUnknown, type ManifestFailure, validateManifest } from "../manifest";
import { booleanFailures, type CheckedArgs, projectFailures, unknownInputs } from "../resource";

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

const INPUT_KEYS = ["project", "imageManifest", "adopt"] as const;

/** Validates and normalises the resource's raw inputs (as the engine passes them to `check`). */
export function checkArgs(news: Record<string, unknown>): CheckedArgs {
    const failures: ManifestFailure[] = [
        ...unknownInputs(news, "ExternalImage", INPUT_KEYS),
        ...projectFailures(news.project),
        ...booleanFailures(news.adopt, "adopt"),
    ];
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
