import type { z } from "zod";
import { LEGACY_PROJECT, normalizeAssetName, withoutDoubledPrefix } from "../values/assetName";
import { isObject } from "../values/compare";
import { boundFailures, type CheckFailure, formatPath, quote } from "../values/failures";
import { closestName } from "../values/suggest";
import { isUnknown } from "../values/unknown";
import { firstTooDeep, MAX_DEPTH } from "./depth";
import { fieldsAt } from "./fields";
import { ImageManifestSchema } from "./imageManifest";
import { camelizeKeys, dataObject, pathAsWritten, snakeToCamel } from "./keys";
import { convertLegacyKeys, type LegacyConversion, writtenProperty } from "./legacyKeys";
import { MAX_MANIFEST_BYTES } from "./rules";
import type { ImageManifest } from "./schema";

export type ManifestValidation =
    | { ok: true; manifest: ImageManifest }
    | {
          ok: false;
          failures: CheckFailure[];
          /**
           * The manifest with keys normalised, for inputs that cannot be fully parsed yet (unknowns);
           * undefined when it nests too deep to be handed back.
           */
          normalized: unknown;
      };

type Path = readonly PropertyKey[];

/**
 * Where a problem at `path` (camelCase, in the normalised manifest) was written: a root and the
 * path under it as the user spelt it. By default `root` and the manifest's own keys; a caller that
 * built the manifest from other declarations (a collection's defaults and entries) names those.
 */
export type LocateIssue = (path: (string | number)[]) => { root: string; path: (string | number)[] };

/**
 * Validates a manifest as written (camelCase or snake_case, possibly with preview unknowns).
 * Problems at or below a value that is not known yet are not reported: they are checked again
 * once the value is known.
 */
export function validateManifest(raw: unknown, root = "imageManifest", locate?: LocateIssue): ManifestValidation {
    // Measured without recursion first: everything after this point recurses through the value.
    const tooDeep = firstTooDeep(raw);
    if (tooDeep) {
        const failure = {
            property: formatPath(root, tooDeep),
            reason: `this value nests deeper than ${MAX_DEPTH} levels; an ImageManifest nests at most 6 (property values are strings or numbers), so remove the nesting below it`,
        };
        // Nothing of it goes back to the engine: its own (recursive) serializer would meet the same depth.
        return { ok: false, failures: boundFailures([failure]), normalized: undefined };
    }
    const camelized = camelizeKeys(raw);
    const { conflicts } = camelized;
    const legacy = convertLegacyKeys(camelized.value);
    const value = legacy.value;
    const failures: CheckFailure[] = conflicts.map((path) => ({
        property: formatPath(root, path),
        reason: "the field is written both in camelCase and in snake_case; keep one",
    }));
    failures.push(...legacy.failures.map((note) => ({ property: formatPath(root, note.path), reason: note.message })));
    failures.push(...nameFormFailures(value, root, legacy));
    const size = oversize(raw, root);
    if (size) failures.push(size);
    const parsed = ImageManifestSchema.safeParse(value);
    if (parsed.success && failures.length === 0) return { ok: true, manifest: withPropertiesAsWritten(parsed.data, value) };
    if (!parsed.success) {
        const reported = new Set(failures.map((failure) => failure.property));
        const misspelt = misspeltFields(parsed.error.issues);
        for (const issue of parsed.error.issues) {
            if (isUnderUnknown(value, issue.path)) continue;
            // "tilesets is required" after "did you mean tilesets" is the same mistake told twice.
            if (isMissingField(issue, value) && misspelt.has(pathKey(issue.path))) continue;
            const where: LocateIssue = locate ?? ((path) => ({ root, path: pathAsWritten(raw, path) }));
            for (const failure of describeIssue(where, issue, value)) {
                const property = writtenProperty(failure.property, root, legacy.origins, formatPath);
                if (!reported.has(property)) failures.push({ ...failure, property });
            }
        }
    }
    // No failures left here means every problem sits under a value that is not known yet.
    return { ok: false, failures: boundFailures(failures), normalized: withNormalizedName(value) };
}

/**
 * The 10 MB request limit, reported at the manifest's largest field: the engine prints the value
 * of a failure's property when that property is a top-level input, and `imageManifest` would
 * echo the whole 10 MB twice.
 */
function oversize(raw: unknown, root: string): CheckFailure | undefined {
    const bytes = Buffer.byteLength(JSON.stringify(raw ?? null));
    if (bytes <= MAX_MANIFEST_BYTES) return undefined;
    const fields = isObject(raw) ? Object.entries(raw) : [];
    const sized = fields.map(([key, v]) => ({ key, bytes: Buffer.byteLength(JSON.stringify(v ?? null)) }));
    const largest = sized.sort((a, b) => b.bytes - a.bytes)[0];
    return {
        property: largest ? formatPath(root, [largest.key]) : `${root}[${bytes} bytes]`,
        reason: `the manifest is ${bytes} bytes, over the API's 10 MB request limit (${MAX_MANIFEST_BYTES} bytes)${largest ? `; this field takes ${largest.bytes}` : ""}. Shorten URIs with uriPrefix or split the image`,
    };
}

/** zod rebuilds maps by assignment, which drops a `__proto__` key; the user's keys are data. */
function withPropertiesAsWritten(manifest: ImageManifest, value: unknown): ImageManifest {
    const written = (value as { properties?: unknown }).properties;
    if (!manifest.properties || written === null || typeof written !== "object") return manifest;
    return { ...manifest, properties: dataObject(Object.entries(written)) as ImageManifest["properties"] };
}

/** A name that the service would take but that is surely a mistake: the legacy prefix before a Cloud project name. */
function nameFormFailures(value: unknown, root: string, legacy: LegacyConversion): CheckFailure[] {
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
        current = Object.hasOwn(current, segment) ? (current as Record<PropertyKey, unknown>)[segment] : undefined;
        out.push(current);
    }
    return out;
}

function isUnderUnknown(value: unknown, path: Path): boolean {
    return valuesAlong(value, path).some(isUnknown);
}

/** The failure for one zod issue, at the path as the user wrote it (snake_case stays snake_case). */
function describeIssue(where: LocateIssue, issue: z.core.$ZodIssue, value: unknown): CheckFailure[] {
    const path = issue.path.filter((s) => typeof s !== "symbol") as (string | number)[];
    if (issue.code === "unrecognized_keys") {
        const known = fieldsAt(ImageManifestSchema, path);
        return issue.keys.map((key) => {
            const written = where([...path, key]);
            return {
                property: formatPath(written.root, written.path),
                reason: unknownFieldMessage(String(written.path[written.path.length - 1] ?? key), known),
            };
        });
    }
    const written = where(path);
    return [
        {
            property: formatPath(written.root, written.path),
            reason: isMissingField(issue, value) ? `${lastName(written.path)} is required` : issue.message,
        },
    ];
}

/** True when zod's issue is a type error about a field that is absent from `value` altogether. */
export function isMissingField(issue: z.core.$ZodIssue, value: unknown): boolean {
    const along = valuesAlong(value, issue.path);
    return issue.code === "invalid_type" && along.length === issue.path.length + 1 && along[along.length - 1] === undefined;
}

function unknownFieldMessage(key: string, known: string[]): string {
    const base = `unknown field ${quote(key)}`;
    if (key === "value" && known.includes("values")) return `${base}; missing data takes "values": a list of numbers`;
    const guess = closestName(key, known);
    // Answered in the user's style: start_tme gets start_time.
    if (guess) return `${base}; did you mean "${snakeToCamel(key) !== key ? camelToSnake(guess) : guess}"?`;
    return `${base}; the Earth Engine API knows ${known.map((k) => `"${k}"`).join(", ")}`;
}

/** The paths (as `pathKey`s) of fields an unknown key was most likely meant to be. */
function misspeltFields(issues: readonly z.core.$ZodIssue[]): Set<string> {
    const out = new Set<string>();
    for (const issue of issues) {
        if (issue.code !== "unrecognized_keys") continue;
        const known = fieldsAt(ImageManifestSchema, issue.path.filter((s) => typeof s !== "symbol") as (string | number)[]);
        for (const key of issue.keys) {
            const guess = key === "value" && known.includes("values") ? "values" : closestName(key, known);
            if (guess) out.add(pathKey([...issue.path, guess]));
        }
    }
    return out;
}

function pathKey(path: Path): string {
    return JSON.stringify(path.map(String));
}

function camelToSnake(name: string): string {
    return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function lastName(path: Path): string {
    const last = path[path.length - 1];
    return typeof last === "string" ? last : "this value";
}
