import type { z } from "zod";
import { isObject } from "./compare";
import { fieldsAt } from "./fields";
import { camelizeKeys, snakeToCamel } from "./keys";
import { convertLegacyKeys, type LegacyConversion, writtenProperty } from "./legacyKeys";
import { LEGACY_PROJECT, normalizeAssetName, withoutDoubledPrefix } from "./names";
import { MAX_MANIFEST_BYTES } from "./rules";
import { type ImageManifest, ImageManifestSchema } from "./schema";
import { isUnknown } from "./unknown";

/** One problem, in Pulumi's CheckFailure form: the property path to fix and what to do. */
export interface ManifestFailure {
    property: string;
    reason: string;
}

export type ManifestValidation =
    | { ok: true; manifest: ImageManifest }
    | {
          ok: false;
          failures: ManifestFailure[];
          /** The manifest with keys normalised, for inputs that cannot be fully parsed yet (unknowns). */
          normalized: unknown;
      };

type Path = readonly PropertyKey[];

/**
 * Validates a manifest as written (camelCase or snake_case, possibly with preview unknowns).
 * Problems at or below a value that is not known yet are not reported: they are checked again
 * once the value is known.
 */
export function validateManifest(raw: unknown, root = "imageManifest"): ManifestValidation {
    const camelized = camelizeKeys(raw);
    const { conflicts } = camelized;
    const legacy = convertLegacyKeys(camelized.value);
    const value = legacy.value;
    const failures: ManifestFailure[] = conflicts.map((path) => ({
        property: formatPath(root, path),
        reason: "the field is written both in camelCase and in snake_case; keep one",
    }));
    failures.push(...legacy.failures.map((note) => ({ property: formatPath(root, note.path), reason: note.message })));
    failures.push(...nameFormFailures(value, root, legacy));
    const bytes = Buffer.byteLength(JSON.stringify(raw ?? null));
    if (bytes > MAX_MANIFEST_BYTES) {
        failures.push({
            property: root,
            reason: `the manifest is ${bytes} bytes, over the API's 10 MB limit; shorten URIs with uriPrefix or split the image`,
        });
    }
    const parsed = ImageManifestSchema.safeParse(value);
    if (parsed.success && failures.length === 0) return { ok: true, manifest: parsed.data };
    if (!parsed.success) {
        const reported = new Set(failures.map((failure) => failure.property));
        for (const issue of parsed.error.issues) {
            if (isUnderUnknown(value, issue.path)) continue;
            for (const failure of describeIssue(root, issue, value)) {
                const property = writtenProperty(failure.property, root, legacy.origins, formatPath);
                if (!reported.has(property)) failures.push({ ...failure, property });
            }
        }
    }
    // No failures left here means every problem sits under a value that is not known yet.
    return { ok: false, failures, normalized: withNormalizedName(value) };
}

/** A name that the service would take but that is surely a mistake: the legacy prefix before a Cloud project name. */
function nameFormFailures(value: unknown, root: string, legacy: LegacyConversion): ManifestFailure[] {
    const name = isObject(value) ? value.name : undefined;
    const fixed = typeof name === "string" ? withoutDoubledPrefix(name) : undefined;
    if (fixed === undefined) return [];
    const property = writtenProperty(formatPath(root, ["name"]), root, legacy.origins, formatPath);
    const fromId =
        property !== formatPath(root, ["name"])
            ? `the official client sends this id as "${name}" (its project is not a Cloud project id), which `
            : `"${name}" `;
    return [
        {
            property,
            reason: `${fromId}looks like ${fixed} with the legacy prefix projects/${LEGACY_PROJECT}/assets/ put in front; write name: "${fixed}"`,
        },
    ];
}

function withNormalizedName(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    const name = (value as { name?: unknown }).name;
    return typeof name === "string" && !isUnknown(name) ? { ...value, name: normalizeAssetName(name) } : value;
}

/** The values along `path`, from the root down to where the path ends or leaves the data. */
function valuesAlong(value: unknown, path: Path): unknown[] {
    const out = [value];
    let current = value;
    for (const segment of path) {
        if (current === null || typeof current !== "object") break;
        current = (current as Record<PropertyKey, unknown>)[segment];
        out.push(current);
    }
    return out;
}

function isUnderUnknown(value: unknown, path: Path): boolean {
    return valuesAlong(value, path).some(isUnknown);
}

function describeIssue(root: string, issue: z.core.$ZodIssue, value: unknown): ManifestFailure[] {
    if (issue.code === "unrecognized_keys") {
        const known = fieldsAt(ImageManifestSchema, issue.path.filter((s) => typeof s !== "symbol") as (string | number)[]);
        return issue.keys.map((key) => ({
            property: formatPath(root, [...issue.path, key]),
            reason: unknownFieldMessage(key, known),
        }));
    }
    return [
        {
            property: formatPath(root, issue.path),
            reason: isMissingField(issue, value) ? `${lastName(issue.path)} is required` : issue.message,
        },
    ];
}

/** True when zod's issue is a type error about a field that is absent from `value` altogether. */
export function isMissingField(issue: z.core.$ZodIssue, value: unknown): boolean {
    const along = valuesAlong(value, issue.path);
    return issue.code === "invalid_type" && along.length === issue.path.length + 1 && along[along.length - 1] === undefined;
}

function unknownFieldMessage(key: string, known: string[]): string {
    const base = `unknown field "${key}"`;
    if (key === "value" && known.includes("values")) return `${base}; missing data takes "values": a list of numbers`;
    const guess = known.find((k) => k.toLowerCase() === snakeToCamel(key).toLowerCase() || k.toLowerCase() === key.toLowerCase());
    if (guess) return `${base}; did you mean "${guess}"?`;
    return `${base}; the Earth Engine API knows ${known.map((k) => `"${k}"`).join(", ")}`;
}

function lastName(path: Path): string {
    const last = path[path.length - 1];
    return typeof last === "string" ? last : "this value";
}

/** `imageManifest.tilesets[1].sources`, `imageManifest.properties["system:time_start"]`. */
export function formatPath(root: string, path: Path): string {
    let out = root;
    for (const segment of path) {
        if (typeof segment === "number") out += `[${segment}]`;
        else if (typeof segment === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) out += `.${segment}`;
        else out += `[${JSON.stringify(String(segment))}]`;
    }
    return out;
}
