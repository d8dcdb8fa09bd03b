import { camelizeKeys, describe, type LocateIssue, pathAsWritten, validateManifest } from "../../provider/manifest";
import { assetIdSegmentProblem as entryKeyProblem } from "../../provider/values/assetName";
import { isObject } from "../../provider/values/compare";
import { formatPath, MAX_FAILURES } from "../../provider/values/failures";
import { CANNOT_TRAVEL, keysThatCannotTravel } from "../programChecks";
import { mergePatch } from "./mergePatch";

/** One problem with a collection's declaration: the property path to fix and what to do. */
export interface EntryProblem {
    property: string;
    reason: string;
}

export type MergedEntry = { ok: true; manifest: Record<string, unknown> } | { ok: false; problems: EntryProblem[] };

/**
 * The image manifest of one entry, without `name`: the entry merged over `defaults` as a JSON
 * Merge Patch (RFC 7386) after both are converted to camelCase. Objects merge key by key
 * (`properties` one property at a time), `null` removes a default, lists (`tilesets`, `bands`,
 * `maskBands`, `missingData.values`, ...) replace the default's list whole. `uri` is the one-COG
 * shortcut, expanded by `expandUri`. Values are resolved (no Pulumi outputs or unknowns).
 */
export function mergeEntry(key: string, defaults: unknown, entry: unknown): MergedEntry {
    const at = (...path: (string | number)[]) => formatPath("images", [key, ...path]);
    const problems: EntryProblem[] = [];
    const keyProblem = entryKeyProblem(key);
    if (keyProblem) problems.push({ property: at(), reason: keyProblem });
    // The merge keeps a "__proto__" key, but the child image's inputs would lose it on their way to the engine.
    for (const [root, value] of [
        ["defaults", defaults],
        [at(), entry],
    ] as const) {
        for (const property of keysThatCannotTravel(value, root))
            problems.push({ property, reason: `the key "__proto__" ${CANNOT_TRAVEL}` });
    }
    const base = readDefaults(defaults, problems);
    if (!isObject(entry)) {
        problems.push({ property: at(), reason: `an entry is an image manifest without name (an object), got ${describe(entry)}` });
        return { ok: false, problems };
    }
    const { value, conflicts } = camelizeKeys(entry);
    const written = value as Record<string, unknown>;
    for (const path of conflicts) problems.push({ property: at(...path), reason: BOTH_CASES });
    if (written.name !== undefined) {
        problems.push({ property: at("name"), reason: `the key names the image (<collection>/${key}); remove name` });
    }
    const { uri, ...fields } = written;
    let manifest = mergePatch(base, fields) as Record<string, unknown>;
    if (uri !== undefined) {
        const expanded = expandUri(uri, fields, manifest);
        if (typeof expanded === "string") problems.push({ property: at("uri"), reason: expanded });
        else manifest = { ...manifest, tilesets: expanded };
    }
    const noFiles = uri === undefined && manifest.tilesets === undefined;
    if (problems.length > 0 && !noFiles) return { ok: false, problems };
    // The image's own check, before any resource exists, at the paths the user wrote: a typo in
    // entry d1 is `images.d1.start_tme`, not `imageManifest.startTme` of the child `c/d1`.
    const located = locateIn(key, defaults, entry, uri !== undefined);
    const checked = validateManifest({ ...manifest, name: `projects/placeholder/assets/collection/${key}` }, "imageManifest", located);
    if (noFiles) {
        // `tileset` for `tilesets` is named as the typo it is; with no such typo, the missing files are.
        const others = checked.ok ? [] : checked.failures.filter((f) => f.property !== at("tilesets"));
        const typoNamesTilesets = others.some((f) => f.reason.includes('"tilesets"'));
        const missing = typoNamesTilesets
            ? []
            : [{ property: at(), reason: "give uri (the image's one COG) or tilesets, here or in defaults" }];
        return { ok: false, problems: [...problems, ...others, ...missing] };
    }
    return checked.ok ? { ok: true, manifest } : { ok: false, problems: checked.failures };
}

/** How many segments of `path` lead to a value present in `value` (camelCase keys). */
function depthIn(value: unknown, path: readonly (string | number)[]): number {
    let current = value;
    let depth = 0;
    for (const segment of path) {
        if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment)) break;
        current = (current as Record<string | number, unknown>)[segment];
        depth++;
    }
    return depth;
}

/**
 * Where a problem in the merged manifest was written: in the entry when it supplies the value (or
 * the deeper part of a merged object, or nothing supplies it), else in `defaults`; a tileset's
 * file made from the entry's `uri` is that `uri`. Keys are spelt as written (snake_case stays).
 */
function locateIn(key: string, defaults: unknown, entry: unknown, usedUri: boolean): LocateIssue {
    const entryCamel = camelizeKeys(entry).value;
    const defaultsCamel = camelizeKeys(defaults ?? {}).value;
    return (path) => {
        const fromDefaults = depthIn(defaultsCamel, path);
        if (usedUri && path[0] === "tilesets" && (path[2] === "sources" || fromDefaults < path.length)) {
            return { root: "images", path: [key, "uri"] };
        }
        if (depthIn(entryCamel, path) >= fromDefaults) return { root: "images", path: [key, ...pathAsWritten(entry, path)] };
        return { root: "defaults", path: pathAsWritten(defaults, path) };
    };
}

const BOTH_CASES = "the field is written both in camelCase and in snake_case; keep one";

function readDefaults(defaults: unknown, problems: EntryProblem[]): Record<string, unknown> {
    if (defaults === undefined || defaults === null) return {};
    if (!isObject(defaults)) {
        problems.push({
            property: "defaults",
            reason: `defaults is an image manifest without name (an object), got ${describe(defaults)}`,
        });
        return {};
    }
    const { value, conflicts } = camelizeKeys(defaults);
    for (const path of conflicts) problems.push({ property: formatPath("defaults", path), reason: BOTH_CASES });
    const { name, uri, ...rest } = value as Record<string, unknown>;
    if (name !== undefined) problems.push({ property: "defaults.name", reason: "each image's name is <collection>/<key>; remove name" });
    if (uri !== undefined) {
        problems.push({
            property: "defaults.uri",
            reason: "uri is one image's file: put it in each entry (a shared uriPrefix in defaults keeps entries short)",
        });
    }
    return rest;
}

/**
 * The tilesets for `uri`: the one default tileset with its file replaced (its id, dataType, crs,
 * affineTransform and dimensions kept), or a new tileset whose id is the one the bands and mask
 * bands name. Returns the reason when the shortcut does not apply.
 */
function expandUri(uri: unknown, written: Record<string, unknown>, merged: Record<string, unknown>): unknown[] | string {
    if (typeof uri !== "string" || uri === "")
        return `uri is the image's one COG, a non-empty string such as "gs://bucket/a.tif"; got ${describe(uri)}`;
    if (written.tilesets !== undefined) return "give either uri (one COG) or tilesets, not both";
    const tilesets = merged.tilesets;
    if (Array.isArray(tilesets) && tilesets.length > 1) {
        return `uri replaces the file of the one default tileset, but defaults declare ${tilesets.length}; give this entry tilesets`;
    }
    if (Array.isArray(tilesets) && tilesets.length === 1 && isObject(tilesets[0])) {
        const tileset = tilesets[0];
        const source = Array.isArray(tileset.sources) && isObject(tileset.sources[0]) ? tileset.sources[0] : {};
        return [{ ...tileset, sources: [{ ...source, uris: [uri] }] }];
    }
    const ids = namedTilesetIds(merged);
    if (ids.length > 1) {
        return `uri makes one tileset, but the bands name ${ids.length} (${ids.map((id) => JSON.stringify(id)).join(", ")}); give this entry tilesets`;
    }
    return [{ ...(ids[0] ? { id: ids[0] } : {}), sources: [{ uris: [uri] }] }];
}

/** Distinct tileset ids the bands and mask bands refer to ("" when they leave it out). */
function namedTilesetIds(manifest: Record<string, unknown>): string[] {
    const refs = [manifest.bands, manifest.maskBands].flatMap((list) => (Array.isArray(list) ? list : []));
    const ids = refs.filter(isObject).map((ref) => (typeof ref.tilesetId === "string" ? ref.tilesetId : ""));
    return [...new Set(ids)];
}

/** As many problems as `check` lists per resource (README "Limitations": at most 20, then "and N more"). */
const PROBLEMS_SHOWN = MAX_FAILURES;

/** One line per problem, at most MAX_FAILURES (20), then "... and N more", for the error that stops the program. */
export function describeProblems(collection: string, problems: readonly EntryProblem[]): string {
    const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => `  ${p.property}: ${p.reason}`);
    if (problems.length > PROBLEMS_SHOWN) lines.push(`  ... and ${problems.length - PROBLEMS_SHOWN} more`);
    return `ExternalImageCollection "${collection}" cannot declare its images:\n${lines.join("\n")}`;
}
