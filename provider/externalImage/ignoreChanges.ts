import { snakeToCamel, validateManifest } from "../manifest";
import { isObject } from "../values/compare";
import type { CheckFailure } from "../values/failures";

/**
 * `ignoreChanges` in the program's own spelling.
 *
 * Before `check`, the engine resets each ignored path of the new inputs from the stored inputs
 * (pulumi/pulumi#2657, #3005). The stored inputs are `check`'s normalised ones, camelCase, so a
 * path written as a snake_case manifest spells it (`imageManifest.start_time`) finds nothing
 * there and the engine deletes the program's value, and a camelCase path in a snake_case
 * manifest leaves the field written both ways. The SDK therefore hands the resource's
 * `ignoreChanges` paths to `check` as the `ignoreChanges` input, and `check` applies them again,
 * here, on the manifest as the program wrote it: every spelling of the field is dropped and the
 * stored value put back. Paths work in either spelling, whatever the stored inputs hold (stacks
 * made before this, too), and the stored inputs stay what they were.
 */

/** One step of a Pulumi property path: a key, an index, or `*` (every element or key). */
export type PathSegment = string | number;

// `a.b`, `a[0]`, `a[*]`, `a["k.with.dots"]`, `a.*` (the grammar of Pulumi's resource.ParsePropertyPath).
const SEGMENT = /\.?([A-Za-z_$][\w$]*|\*)|\[(\d+|\*)\]|\["((?:[^"\\]|\\.)*)"\]/y;

/** The path's segments, or undefined when it is not a property path. */
export function parsePropertyPath(path: string): PathSegment[] | undefined {
    const segments: PathSegment[] = [];
    SEGMENT.lastIndex = 0;
    while (SEGMENT.lastIndex < path.length) {
        const start = SEGMENT.lastIndex;
        const m = SEGMENT.exec(path);
        if (!m || (start === 0 && path.startsWith("."))) return undefined;
        if (m[1] !== undefined) segments.push(m[1]);
        else if (m[2] !== undefined) segments.push(m[2] === "*" ? "*" : Number(m[2]));
        else segments.push(m[3].replace(/\\(.)/g, "$1"));
    }
    return segments.length > 0 ? segments : undefined;
}

/** The `ignoreChanges` input: paths under `root` (`imageManifest`; a set's `images`), as the SDK copies them from the resource options. */
export function ignoredManifestPaths(value: unknown, root = "imageManifest"): { paths: PathSegment[][]; failures: CheckFailure[] } {
    if (value === undefined) return { paths: [], failures: [] };
    const reason = "ignoreChanges is set by the SDK from the resource option ignoreChanges: a list of property paths";
    if (!Array.isArray(value) || !value.every((p) => typeof p === "string"))
        return { paths: [], failures: [{ property: "ignoreChanges", reason }] };
    const paths: PathSegment[][] = [];
    for (const text of value as string[]) {
        const path = parsePropertyPath(text);
        if (path?.[0] === root && path.length > 1) paths.push(path.slice(1));
    }
    return { paths, failures: [] };
}

/**
 * The new manifest (as written) with each ignored path set back to its stored value; `stored`
 * is the stored manifest (any spelling: it is normalised here). Where the stored manifest lacks
 * the field, the new one loses it too, as the engine's own reset does. A path through an element
 * or object the two do not both have changes nothing (the engine says so in an info message).
 */
export function withIgnoredPathsReset(written: unknown, stored: unknown, paths: readonly PathSegment[][]): unknown {
    if (paths.length === 0 || !isObject(written)) return written;
    const normalised = validateManifest(stored);
    const old = normalised.ok ? normalised.manifest : normalised.normalized;
    if (!isObject(old)) return written;
    const result = structuredClone(written);
    for (const path of paths) reset(result, old, path, false);
    return result;
}

// `inData`: the keys here are user data (a manifest's `properties`), matched exactly, never re-spelt.
function reset(target: unknown, old: unknown, path: readonly PathSegment[], inData: boolean): void {
    const [segment, ...rest] = path;
    if (typeof segment === "number" || (segment === "*" && Array.isArray(target))) {
        if (!Array.isArray(target) || !Array.isArray(old)) return;
        const indexes =
            segment === "*"
                ? [...target.keys()].filter((i) => i < old.length)
                : segment < Math.min(target.length, old.length)
                  ? [segment]
                  : [];
        for (const i of indexes) {
            if (rest.length === 0) target[i] = structuredClone(old[i]);
            else reset(target[i], old[i], rest, false);
        }
        return;
    }
    if (!isObject(target)) return;
    const oldObject = isObject(old) ? old : {};
    if (segment === "*") {
        for (const key of Object.keys(target)) if (!Object.hasOwn(oldObject, key) && rest.length === 0) delete target[key];
        for (const key of Object.keys(oldObject)) {
            if (rest.length === 0) target[key] = structuredClone(oldObject[key]);
            else if (Object.hasOwn(target, key)) reset(target[key], oldObject[key], rest, key === "properties");
        }
        return;
    }
    const canonical = inData ? segment : snakeToCamel(segment);
    const spellings = Object.keys(target).filter((key) => (inData ? key === segment : snakeToCamel(key) === canonical));
    const oldValue = Object.hasOwn(oldObject, canonical) ? oldObject[canonical] : undefined;
    if (rest.length === 0) {
        for (const key of spellings) delete target[key];
        if (oldValue !== undefined) target[spellings[0] ?? canonical] = structuredClone(oldValue);
        return;
    }
    if (spellings.length === 0) return;
    reset(target[spellings[0]], oldValue, rest, !inData && canonical === "properties");
}
