import { CONTRACT, type FieldSpec, messageSpec, type ScalarType } from "../api";
import { invalidArgument } from "./errors";
import { readTimestamp } from "./timestamps";

/** A path into a request body in camelCase field names, list indexes and map keys. */
export type FieldPath = readonly (string | number)[];

/** A value that passed the structural checks but is not a valid value of its type (collected, not thrown). */
export interface ValueProblem {
    path: FieldPath;
    reason: string;
}

/** Fields that a version adds to a message beyond the generated client's (v1alpha REST reference). */
const VERSION_FIELDS: Record<string, Record<string, Record<string, FieldSpec>>> = {
    v1alpha: { EarthEngineAsset: { title: { scalar: "string" }, description: { scalar: "string" } } },
};

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const SCALAR_TYPE_NAMES: Record<string, string> = {
    string: "TYPE_STRING",
    bool: "TYPE_BOOL",
    double: "TYPE_DOUBLE",
    int32: "TYPE_INT32",
    int64: "TYPE_INT64",
    bytes: "TYPE_BYTES",
    FieldMask: "type.googleapis.com/google.protobuf.FieldMask",
};

/**
 * Parses a JSON body as Google's proto3 JSON front end does, against the wire contract
 * (api/contract.json): snake_case and camelCase names both accepted (and camelized), `null` is
 * "not set", and the first unknown name, list where a single value belongs, value of the wrong
 * type or invalid enum value, in document order, fails the request with Google's wording.
 * Timestamps are read into the server's text; a value that is not a time is returned in
 * `problems`, so it is reported with the request's other invalid values.
 */
export function parseProtoJson(
    body: unknown,
    messageName: string,
    version: string,
): { value: Record<string, unknown>; problems: ValueProblem[] } {
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
        throw invalidArgument('Invalid JSON payload received. Unknown name "": Root element must be a message.');
    }
    const problems: ValueProblem[] = [];
    const value = message(body as Record<string, unknown>, messageName, [], { version, problems });
    return { value, problems };
}

interface Walk {
    version: string;
    problems: ValueProblem[];
}

const fieldsCache = new Map<string, Record<string, FieldSpec>>();

function fieldsOf(messageName: string, version: string): Record<string, FieldSpec> {
    const key = `${version}/${messageName}`;
    let fields = fieldsCache.get(key);
    if (!fields) {
        fields = { ...messageSpec(messageName).fields, ...VERSION_FIELDS[version]?.[messageName] };
        fieldsCache.set(key, fields);
    }
    return fields;
}

/** The message's field names (camelCase) in `version`. */
export function fieldNames(messageName: string, version: string): string[] {
    return Object.keys(fieldsOf(messageName, version));
}

function message(body: Record<string, unknown>, messageName: string, path: FieldPath, walk: Walk): Record<string, unknown> {
    const fields = fieldsOf(messageName, walk.version);
    const out: Record<string, unknown> = {};
    const writtenAs: Record<string, string> = {};
    for (const [key, child] of Object.entries(body)) {
        const name = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
        const spec = Object.hasOwn(fields, name) ? fields[name] : undefined;
        if (!spec)
            throw invalidArgument(`Invalid JSON payload received. Unknown name ${JSON.stringify(key)}${at(path)}: Cannot find field.`);
        if (name in writtenAs) {
            throw invalidArgument(
                `Invalid JSON payload received. Field ${JSON.stringify(snakeCase(name))}${at(path)} is set twice, as ${JSON.stringify(writtenAs[name])} and ${JSON.stringify(key)}; keep one.`,
            );
        }
        writtenAs[name] = key;
        // proto3 JSON: null is the field's default, the same as leaving it out (the JS client sends `overwrite: null`).
        if (child === null) continue;
        const repeated = spec.repeated === true || (spec.scalar?.endsWith("[]") ?? false);
        if (Array.isArray(child) && !repeated) {
            throw invalidArgument(
                `Invalid JSON payload received. Unknown name ${JSON.stringify(key)}${at(path)}: Proto field is not repeating, cannot start list.`,
            );
        }
        const fieldPath = [...path, name];
        out[name] = repeated ? list(child, spec, fieldPath, walk) : single(child, spec, fieldPath, walk);
    }
    return out;
}

function list(value: unknown, spec: FieldSpec, path: FieldPath, walk: Walk): unknown[] {
    if (!Array.isArray(value)) throw invalidValue(path, typeNameOf(spec, walk.version), value);
    const element: FieldSpec = spec.scalar ? { scalar: spec.scalar.slice(0, -2) as ScalarType } : { ...spec, repeated: false };
    return value.map((item, i) => single(item, element, [...path, i], walk));
}

function single(value: unknown, spec: FieldSpec, path: FieldPath, walk: Walk): unknown {
    if (spec.message) {
        if (spec.opaque) return value;
        if (typeof value !== "object" || value === null || Array.isArray(value))
            throw invalidValue(path, typeNameOf(spec, walk.version), value);
        return message(value as Record<string, unknown>, spec.message, path, walk);
    }
    if (spec.enum) {
        if (typeof value === "string" && CONTRACT.enums[spec.enum].includes(value)) return value;
        throw invalidValue(path, typeNameOf(spec, walk.version), value);
    }
    if (spec.map) {
        // google.protobuf.Struct: any JSON object; its values are user data, judged by the method's rules.
        if (typeof value !== "object" || value === null || Array.isArray(value))
            throw invalidValue(path, "type.googleapis.com/google.protobuf.Struct", value);
        return value;
    }
    return scalar(value, spec.scalar as ScalarType, path, walk);
}

function scalar(value: unknown, type: ScalarType, path: FieldPath, walk: Walk): unknown {
    switch (type) {
        case "Timestamp": {
            const read = readTimestamp(value);
            if ("text" in read) return read.text;
            walk.problems.push({ path, reason: read.problem });
            return value;
        }
        case "string":
        case "bytes":
            if (typeof value === "string") return value;
            break;
        case "bool":
            if (typeof value === "boolean") return value;
            break;
        case "double": {
            // proto3 JSON: a number, a number in a string, or "NaN", "Infinity", "-Infinity".
            if (typeof value === "number") return value;
            if (value === "NaN" || value === "Infinity" || value === "-Infinity") return value;
            if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
            break;
        }
        case "int32":
        case "int64": {
            const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
            const inRange = type === "int64" || (typeof n === "number" && n >= INT32.min && n <= INT32.max);
            if (typeof n === "number" && Number.isInteger(n) && inRange) return type === "int64" ? String(value) : n;
            break;
        }
        case "FieldMask":
            return value;
    }
    throw invalidValue(path, SCALAR_TYPE_NAMES[type] ?? type, value);
}

function typeNameOf(spec: FieldSpec, version: string): string {
    if (spec.scalar) return SCALAR_TYPE_NAMES[spec.scalar.replace(/\[\]$/, "")] ?? spec.scalar;
    return `type.googleapis.com/google.earthengine.${version}.${spec.message ?? spec.enum}`;
}

/** Google's front-end words for a value of the wrong type: `Invalid value at 'path' (TYPE), value`. */
function invalidValue(path: FieldPath, typeName: string, value: unknown) {
    return invalidArgument(`Invalid value at '${protoPath(path)}' (${typeName}), ${JSON.stringify(value) ?? String(value)}`);
}

/** ` at 'image_manifest.tilesets[0]'`, or nothing at the root of the body. */
function at(path: FieldPath): string {
    return path.length === 0 ? "" : ` at '${protoPath(path)}'`;
}

/**
 * A path in the proto (snake_case) form Google's messages use: `image_manifest.tilesets[0].data_type`.
 * Keys of `properties` are user data and are quoted as written: `image_manifest.properties["system:index"]`.
 */
export function protoPath(path: readonly PropertyKey[]): string {
    let out = "";
    path.forEach((segment, i) => {
        if (typeof segment === "number") out += `[${segment}]`;
        else if (path[i - 1] === "properties") out += `[${JSON.stringify(String(segment))}]`;
        else out += `${out ? "." : ""}${snakeCase(String(segment))}`;
    });
    return out;
}

function snakeCase(name: string): string {
    return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
