import { type ImageManifest, validateManifest } from "../manifest";
import { firstTooDeep } from "../manifest/depth";
import { type CheckedArgs, checkInputs, ResourceError } from "../resource";
import type { InputsOf } from "../resource/contract";
import { isObject } from "../values/compare";
import { boundFailures, type CheckFailure } from "../values/failures";
import { isUnknown } from "../values/unknown";
import { externalImageContract } from "./contract";
import { ignoredManifestPaths, withIgnoredPathsReset } from "./ignoreChanges";

/** The resource's inputs after `check`: what the engine stores and later hands to diff/create/update. */
export type ExternalImageInputs = InputsOf<typeof externalImageContract>;

/**
 * The image manifest as written (camelCase or snake_case, legacy keys, preview unknowns),
 * normalised; its failures come already bounded (see validateManifest).
 */
function checkManifest(manifest: unknown): { value: unknown; failures: CheckFailure[] } {
    if (manifest === undefined || isUnknown(manifest)) return { value: manifest, failures: [] };
    const result = validateManifest(manifest);
    return result.ok ? { value: result.manifest, failures: [] } : { value: result.normalized, failures: result.failures };
}

/**
 * Validates and normalises the resource's raw inputs (as the engine passes them to `check`);
 * `olds` are the stored inputs, from which ignored paths are set back in any spelling. The
 * `ignoreChanges` input holds the resource option's paths, copied by the SDK (see
 * ignoreChanges.ts); it is never sent to Earth Engine.
 */
export function checkArgs(news: Record<string, unknown>, olds: Record<string, unknown> = {}): CheckedArgs {
    const ignored = ignoredManifestPaths(news.ignoreChanges);
    let manifestFailures: CheckFailure[] = [];
    const { inputs, failures } = checkInputs(externalImageContract, news, {
        imageManifest: (manifest) => {
            const written =
                olds.imageManifest === undefined || manifest === undefined || isUnknown(manifest)
                    ? manifest
                    : withIgnoredPathsReset(manifest, olds.imageManifest, ignored.paths);
            const checked = checkManifest(written);
            manifestFailures = checked.failures;
            return { value: checked.value, failures: [] };
        },
        ignoreChanges: (paths) => ({ value: paths, failures: ignored.failures }),
    });
    if (news.imageManifest === undefined) {
        failures.push({ property: "imageManifest", reason: "imageManifest is required: the Earth Engine ImageManifest of the image" });
    }
    return { inputs, failures: [...boundFailures(failures), ...manifestFailures].map((f) => withoutEcho(f, news)) };
}

/** A top-level input's value that the engine may print beside a failure (it is the user's own). */
const MAX_ECHOED_BYTES = 200;

/**
 * The engine prints the value of a failure's property when the property names a top-level input
 * (`imageManifest`, `project`, an unknown input). For a big value the failure moves to a
 * pseudo-path with the size, so the terminal never receives megabytes.
 */
function withoutEcho(failure: CheckFailure, news: Record<string, unknown>): CheckFailure {
    if (!Object.hasOwn(news, failure.property)) return failure;
    const size = jsonBytes(news[failure.property]);
    if (size !== undefined && size <= MAX_ECHOED_BYTES) return failure;
    return { ...failure, property: `${failure.property}[${size === undefined ? "too deep to measure" : `${size} bytes`}]` };
}

function jsonBytes(value: unknown): number | undefined {
    if (firstTooDeep(value)) return undefined; // JSON.stringify recurses
    return Buffer.byteLength(JSON.stringify(value ?? null) ?? "");
}

/** Re-parses stored inputs (already checked) into their typed form. */
export function parseInputs(raw: Record<string, unknown>): ExternalImageInputs {
    const result = validateManifest(raw.imageManifest);
    if (!result.ok) {
        const first = result.failures[0];
        throw new ResourceError(
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
