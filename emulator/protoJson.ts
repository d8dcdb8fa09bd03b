import { snakeToCamel } from "../provider/manifest";
import { invalidArgument } from "./errors";

/** A path into a request body in camelCase field names and list indexes. */
export type FieldPath = readonly (string | number)[];

/** An enum field: its proto type name (after `google.earthengine.<version>.`) and its values. */
export interface ProtoEnum {
    typeName: string;
    values: readonly string[];
}

/** What the request message looks like, as far as proto3 JSON parsing needs to know. */
export interface MessageShape {
    /** Field names (camelCase) of the message at `path`; undefined when the value there is not a message (a map or a scalar). */
    fieldsAt(path: FieldPath): readonly string[] | undefined;
    /** The enum the field at `path` takes, if it is an enum field. */
    enumAt(path: FieldPath): ProtoEnum | undefined;
}

/**
 * Parses a JSON body the way Google's proto3 JSON front end does, before any semantic check:
 * snake_case and camelCase names are both accepted (and converted to camelCase), a field set to
 * `null` is dropped (proto3's "not set"), and the first
 * unknown field name or invalid enum value, in document order, fails the request with Google's
 * own wording. Map values (such as `properties`) are user data and stay as written.
 */
export function parseProtoJson(body: unknown, shape: MessageShape, version: string): Record<string, unknown> {
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
        throw invalidArgument('Invalid JSON payload received. Unknown name "": Root element must be a message.');
    }
    return walk(body, [], shape, version) as Record<string, unknown>;
}

function walk(value: unknown, path: FieldPath, shape: MessageShape, version: string): unknown {
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i], shape, version));
    const fields = value !== null && typeof value === "object" ? shape.fieldsAt(path) : undefined;
    if (!fields) return value;
    const out: Record<string, unknown> = {};
    const writtenAs: Record<string, string> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const name = snakeToCamel(key);
        if (!fields.includes(name)) {
            throw invalidArgument(`Invalid JSON payload received. Unknown name ${JSON.stringify(key)}${at(path)}: Cannot find field.`);
        }
        if (name in writtenAs) {
            throw invalidArgument(
                `Invalid JSON payload received. Field ${JSON.stringify(snakeCase(name))}${at(path)} is set twice, as ${JSON.stringify(writtenAs[name])} and ${JSON.stringify(key)}; keep one.`,
            );
        }
        writtenAs[name] = key;
        // proto3 JSON: null is the field's default, the same as leaving it out (the JS client sends `overwrite: null`).
        if (child === null) continue;
        const fieldPath = [...path, name];
        checkEnum(child, fieldPath, shape, version);
        out[name] = walk(child, fieldPath, shape, version);
    }
    return out;
}

function checkEnum(value: unknown, path: FieldPath, shape: MessageShape, version: string): void {
    const protoEnum = shape.enumAt(path);
    if (!protoEnum || (typeof value === "string" && protoEnum.values.includes(value))) return;
    throw invalidArgument(
        `Invalid value at '${protoPath(path)}' (type.googleapis.com/google.earthengine.${version}.${protoEnum.typeName}), ${JSON.stringify(value)}`,
    );
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
