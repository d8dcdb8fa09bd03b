import { RunError } from "@pulumi/pulumi/errors";
import type { ListedObject } from "../../provider/cloudStorage/client";
import { bucketNameProblem } from "../../provider/manifest/cloudStorage";
import { assetIdSegmentProblem } from "../../provider/values/assetName";
import type { ImageEntry } from "../timeseries/inputs";
import { programCloudStorage } from "./cloudStorage";
import { DATE_FORMS, type DateForm, earthEngineTime, readDate } from "./dateForms";
import { assertUniqueKeys, imageKeyFrom, propertyKeyFrom } from "./keys";
import { described, isBoolean, isFunction, isString, type OptionSpec, optionProblems } from "./options";

/**
 * `ExternalImageCollection` entries from the Cloud-Optimized GeoTIFFs under a Cloud Storage
 * prefix (README "Collections from where the files are"). No Earth Engine call is made.
 */

/** A matched object, as the functions of `BucketSourceArgs` see it. */
export interface BucketObject {
    /** The object's full name in its bucket, `landsat/LC08_044034_20200101.tif`. */
    name: string;
    /** `gs://bucket/name`: the entry's `uri`. */
    uri: string;
    /** The name below the prefix's folder (the part after its last `/`): what `match` is tested against. */
    path: string;
    /** The object's size in bytes. */
    size: number;
    /** `match`'s named groups that took part in the match. */
    groups: Readonly<Record<string, string>>;
}

/** A time given by a function: a Date, or a string in one of the date forms (sdk/sources/dateForms.ts); undefined for none. */
export type TimeOf = (object: BucketObject) => string | Date | undefined;

export interface BucketSourceArgs {
    /**
     * Where the files are: `gs://bucket/prefix`. The objects whose names start with `prefix` are
     * listed: those directly in its folder (the part up to its last `/`), or every one below it
     * with `recursive`. `gs://b/landsat/` lists the folder `landsat/`; `gs://b/landsat/LC08_`
     * the objects of `landsat/` whose names start with `LC08_`. Or give `bucket` and `prefix`.
     */
    uri?: string;
    /** The bucket, when `uri` is not given. */
    bucket?: string;
    /** The prefix in `bucket`, when `uri` is not given; default "" (the bucket's top level). */
    prefix?: string;
    /** List every object below the prefix, not only those directly in its folder. Default false. */
    recursive?: boolean;
    /**
     * The objects to register: tested against each object's `path` (its name below the folder; anchor
     * the pattern, `^...$`, to test whole names); the others are left out. Default `/\.tiff?$/i`
     * (`DEFAULT_MATCH`): every `.tif` and `.tiff` object, keyed by its file name. Named groups:
     * `key` the image key (mapped as in sdk/sources/keys.ts), `startTime` and `endTime` dates in a
     * form of sdk/sources/dateForms.ts, and every other group a string property of the image (its
     * name mapped to a property key: `$` becomes `_`). A group that did not take part is left out.
     */
    match?: RegExp;
    /** Restricts the `startTime`/`endTime` groups to one date form; default: the form each value's shape names. */
    dateForm?: DateForm;
    /** The image key of an object, in place of the `key` group or the file name; must be one asset-id segment. */
    key?: (object: BucketObject) => string;
    /** The start time of an object, in place of the `startTime` group. */
    startTime?: TimeOf;
    /**
     * The end time: a function, or `"period"`: the end of the period the start's date form names
     * (`20240315` → 2024-03-16T00:00:00Z, `2024-03` → 2024-04-01T00:00:00Z). Default: the
     * `endTime` group, else none.
     */
    endTime?: "period" | TimeOf;
    /** More properties of an object's image, over the named groups' (its keys win). */
    properties?: (object: BucketObject) => Record<string, string | number>;
    /**
     * Accept a listing in which no object matches (an empty collection). Default false: an empty
     * result is an error, since a mistyped prefix would otherwise delete every image of the collection.
     */
    allowEmpty?: boolean;
    /**
     * The Cloud Storage JSON API's base URL (a stand-in's `http://127.0.0.1:PORT`). Default: the
     * provider's settings, `earthengine:cloudStorageEndpoint`, else `EARTHENGINE_CLOUD_STORAGE_ENDPOINT`,
     * else Google's (read with the provider's credentials).
     */
    endpoint?: string;
}

/**
 * A bucket source that cannot give entries: bad arguments, a missing bucket, an object that does not
 * map. A Pulumi `RunError`: escaping a program, it prints as its message alone, without a stack.
 */
export class BucketSourceError extends RunError {
    override readonly name = "BucketSourceError";
}

/** The objects registered when `match` is not given: every `.tif` and `.tiff` object (any case). */
export const DEFAULT_MATCH = /\.tiff?$/i;

/** Each option: what it takes, as an error message says it, and the test of a value. */
const OPTIONS: Record<keyof BucketSourceArgs, OptionSpec> = {
    uri: { takes: "a string", accepts: isString },
    bucket: { takes: "a string", accepts: isString },
    prefix: { takes: "a string", accepts: isString },
    recursive: { takes: "a boolean", accepts: isBoolean },
    match: {
        takes: "a RegExp",
        accepts: (value) => value instanceof RegExp,
        fix: (value) =>
            typeof value === "string" ? `a RegExp literal (/\\.tif$/) or new RegExp(${JSON.stringify(value.slice(0, 80))})` : undefined,
    },
    dateForm: {
        takes: `one of ${DATE_FORMS.map((form) => JSON.stringify(form)).join(", ")}`,
        accepts: (value) => (DATE_FORMS as readonly unknown[]).includes(value),
    },
    key: { takes: "a function", accepts: isFunction },
    startTime: { takes: "a function", accepts: isFunction },
    endTime: { takes: '"period" or a function', accepts: (value) => value === "period" || isFunction(value) },
    properties: { takes: "a function", accepts: isFunction },
    allowEmpty: { takes: "a boolean", accepts: isBoolean },
    endpoint: { takes: "a string", accepts: isString },
};

/**
 * Every problem with the options' names and types, as one `BucketSourceError` naming each option,
 * what it got and what it takes (a string where a RegExp is expected: `match: new RegExp(text)`).
 * Unknown option names are refused with the closest known one.
 */
export function checkBucketSourceArgs(args: unknown): asserts args is BucketSourceArgs {
    if (args === null || typeof args !== "object" || Array.isArray(args)) {
        throw new BucketSourceError(
            `entriesFromBucket takes an options object ({ uri: "gs://bucket/prefix", ... }), not ${described(args)}`,
        );
    }
    const problems = optionProblems(args, OPTIONS);
    if (problems.length > 0) throw new BucketSourceError(`entriesFromBucket: ${problems.join("; ")}`);
}

const SPECIAL_GROUPS = new Set(["key", "startTime", "endTime"]);

/**
 * Lists `gs://bucket/prefix` (paged, objects only: not the `folder/` placeholders that consoles
 * create) and maps each object `match` accepts to an entry: `{ uri, startTime?, endTime?,
 * properties? }`, keyed by image key, in the order of the object names. Reads Cloud Storage with
 * the provider's settings (see `endpoint`); makes no Earth Engine call.
 *
 * Rejects with a `BucketSourceError` (bad arguments, a missing bucket, an object that does not
 * map: the object and the pattern named), a `KeyCollisionError` (two objects, one key: both
 * named), or the Cloud Storage client's error when the listing fails.
 */
export async function entriesFromBucket(args: BucketSourceArgs): Promise<Record<string, ImageEntry>> {
    checkBucketSourceArgs(args);
    const { bucket, prefix } = locationOf(args);
    const listed = await programCloudStorage(args.endpoint).listObjects(bucket, prefix, { recursive: args.recursive ?? false });
    if (listed === undefined) {
        throw new BucketSourceError(
            `gs://${bucket} does not exist at the Cloud Storage endpoint in use (earthengine:cloudStorageEndpoint, else EARTHENGINE_CLOUD_STORAGE_ENDPOINT, else Google's); check the bucket name`,
        );
    }
    return entriesFromObjects(bucket, prefix, listed, args);
}

/** `uri` or `bucket` + `prefix`, checked. */
export function locationOf(args: Pick<BucketSourceArgs, "uri" | "bucket" | "prefix">): { bucket: string; prefix: string } {
    if ((args.uri === undefined) === (args.bucket === undefined)) {
        throw new BucketSourceError(
            `give either uri ("gs://bucket/prefix") or bucket and prefix, not ${args.uri === undefined ? "neither" : "both"}`,
        );
    }
    let bucket = args.bucket ?? "";
    let prefix = args.prefix ?? "";
    if (args.uri !== undefined) {
        const m = /^gs:\/\/([^/]+)(?:\/(.*))?$/s.exec(args.uri);
        if (!m) throw new BucketSourceError(`uri ${JSON.stringify(args.uri)} is not gs://bucket/prefix`);
        [bucket, prefix] = [m[1], m[2] ?? ""];
    }
    const problem = bucketNameProblem(bucket);
    if (problem) throw new BucketSourceError(`${args.uri !== undefined ? "uri" : "bucket"}: ${problem}`);
    return { bucket, prefix };
}

/** The entries of a listing (see `entriesFromBucket`); no I/O. */
export function entriesFromObjects(
    bucket: string,
    prefix: string,
    listed: readonly ListedObject[],
    args: BucketSourceArgs,
): Record<string, ImageEntry> {
    checkBucketSourceArgs(args);
    const where = `gs://${bucket}/${prefix}`;
    const given = args.match ?? DEFAULT_MATCH;
    const match = new RegExp(given.source, given.flags.replace(/[gy]/g, ""));
    const pattern = String(match);
    checkOptions(args, match);
    const folder = prefix.slice(0, prefix.lastIndexOf("/") + 1);
    const objects = listed.filter((object) => !object.name.endsWith("/")).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const mapped: { object: BucketObject; key: string; entry: ImageEntry }[] = [];
    for (const { name, size } of objects) {
        const path = name.slice(folder.length);
        const m = match.exec(path);
        if (!m) continue;
        const groups = Object.fromEntries(Object.entries(m.groups ?? {}).filter((pair): pair is [string, string] => pair[1] !== undefined));
        const object: BucketObject = { name, uri: `gs://${bucket}/${name}`, path, size, groups };
        const fail = (what: string) => new BucketSourceError(`${object.uri}: ${what} (pattern ${pattern})`);
        const options = withNamedFailures(args, fail);
        if (name.includes("#"))
            throw fail(
                "the name holds '#', and Earth Engine reads what follows '#' in a gs:// URI as the object's generation, so this object cannot be registered by its name; rename it (without '#'), or leave it out with match",
            );
        const key = keyOf(object, options, fail);
        mapped.push({ object, key, entry: entryOf(object, options, fail) });
    }
    if (mapped.length === 0 && !args.allowEmpty) {
        const seen =
            objects.length === 0
                ? "no object"
                : `${objects.length} object${objects.length === 1 ? "" : "s"}, none matching (e.g. ${JSON.stringify(objects[0].name.slice(folder.length))})`;
        throw new BucketSourceError(
            `${where}${args.recursive ? " (recursive)" : ""} holds ${seen} for ${pattern}; an empty collection would delete every image it has: check the prefix and the pattern, or set allowEmpty: true`,
        );
    }
    assertUniqueKeys(
        mapped.map(({ object, key }) => [object.uri, key] as const),
        `objects under ${where}`,
        "tell them apart with a named group `key` or a `key` function",
    );
    return Object.fromEntries(mapped.map(({ key, entry }) => [key, entry]));
}

/** `args` whose functions, when they throw, throw a failure naming the object (the caller's `fail`). */
function withNamedFailures(args: BucketSourceArgs, fail: (what: string) => Error): BucketSourceArgs {
    const named = <R>(which: string, fn: ((o: BucketObject) => R) | undefined) =>
        fn &&
        ((o: BucketObject): R => {
            try {
                return fn(o);
            } catch (error) {
                throw fail(`the ${which} function threw: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000));
            }
        });
    return {
        ...args,
        key: named("key", args.key),
        startTime: named("startTime", args.startTime),
        endTime: args.endTime === "period" ? "period" : named("endTime", args.endTime),
        properties: named("properties", args.properties),
    };
}

function checkOptions(args: BucketSourceArgs, match: RegExp): void {
    const names = groupNames(match);
    if (args.endTime === "period" && !names.includes("startTime") && args.startTime === undefined) {
        throw new BucketSourceError(`endTime "period" needs a start: a named group startTime in ${match} or a startTime function`);
    }
    // Group names are identifiers ($ and non-ASCII letters included): two may map to one property key.
    const propertyGroups = names.filter((name) => !SPECIAL_GROUPS.has(name));
    assertUniqueKeys(
        propertyGroups.map((name) => [name, propertyKeyFrom(name)] as const),
        `named groups of ${match}`,
        "rename one of the groups",
    );
}

/** The named groups of a pattern, in order (a dummy match would miss those in untaken branches). */
function groupNames(match: RegExp): string[] {
    return [...match.source.matchAll(/\(\?<([^>=!][^>]*)>/g)].map((m) => m[1]);
}

function keyOf(object: BucketObject, args: BucketSourceArgs, fail: (what: string) => Error): string {
    if (args.key) {
        const key = args.key(object);
        const problem = typeof key === "string" ? assetIdSegmentProblem(key) : "the key function must return a string";
        if (problem) throw fail(`key ${JSON.stringify(key)} from the key function: ${problem}`);
        return key;
    }
    const original = object.groups.key ?? object.path.replace(/\.[^./]*$/, "");
    if (original === "") throw fail("the key is empty (the key group matched nothing, or the name is only an extension)");
    return imageKeyFrom(original);
}

function entryOf(object: BucketObject, args: BucketSourceArgs, fail: (what: string) => Error): ImageEntry {
    const entry: ImageEntry = { uri: object.uri };
    const time = (which: "startTime" | "endTime", from: TimeOf | undefined) => {
        const value = from ? from(object) : object.groups[which];
        if (value === undefined) return undefined;
        const origin = from ? `the ${which} function` : `the named group ${which}`;
        if (value instanceof Date) {
            if (Number.isNaN(value.getTime())) throw fail(`${which} from ${origin} is an invalid Date`);
            return { start: value, periodEnd: undefined };
        }
        const read = readDate(String(value), from ? undefined : args.dateForm);
        if ("problem" in read) throw fail(`${which} ${JSON.stringify(value)} from ${origin} ${read.problem}`);
        return read;
    };
    const start = time("startTime", args.startTime);
    if (start) entry.startTime = earthEngineTime(start.start);
    if (args.endTime === "period") {
        if (!start) throw fail('endTime "period" needs a start time, and this object\'s has none');
        if (!start.periodEnd) throw fail(`endTime "period": the start time ${earthEngineTime(start.start)} names an instant, not a period`);
        entry.endTime = earthEngineTime(start.periodEnd);
    } else {
        const end = time("endTime", args.endTime);
        if (end) entry.endTime = earthEngineTime(end.start);
    }
    const properties: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(object.groups)) if (!SPECIAL_GROUPS.has(name)) properties[propertyKeyFrom(name)] = value;
    Object.assign(properties, args.properties?.(object));
    if (Object.keys(properties).length > 0) entry.properties = properties;
    return entry;
}
