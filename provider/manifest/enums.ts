import { quote } from "../values/failures";

/** Values of the API's PyramidingPolicy enum (ImageManifest and TilesetBand). */
export const PYRAMIDING_POLICIES = ["PYRAMIDING_POLICY_UNSPECIFIED", "MEAN", "SAMPLE", "MIN", "MAX", "MODE", "MEDIAN"] as const;
/** Values of the API's Tileset.DataType enum. */
export const DATA_TYPES = ["DATA_TYPE_UNSPECIFIED", "INT8", "UINT8", "INT16", "UINT16", "INT32", "UINT32", "FLOAT", "DOUBLE"] as const;

export type PyramidingPolicy = (typeof PYRAMIDING_POLICIES)[number];
export type DataType = (typeof DATA_TYPES)[number];

// Spellings from the manifest guide and from GDAL that the API does not take.
const ALIASES: Record<string, string> = { FLOAT32: "FLOAT", FLOAT64: "DOUBLE", BYTE: "UINT8", AVERAGE: "MEAN", NEAREST: "SAMPLE" };

/** A message for a value that is not in `allowed`, with the most likely fix. */
export function enumMessage(allowed: readonly string[], input: unknown): string {
    const list = allowed.join(", ");
    if (typeof input !== "string") return `expected one of ${list}, got ${describe(input)}`;
    const unquoted = input.replace(/^['"](.*)['"]$/, "$1");
    if (unquoted !== input && allowed.includes(unquoted)) {
        return `${quote(input)} has quotes inside the string; write ${unquoted} without them`;
    }
    const upper = unquoted.toUpperCase();
    if (allowed.includes(upper)) return `enum values are upper case: write ${upper}, not ${quote(input)}`;
    const alias = ALIASES[upper];
    // An alias is a short known word, so it needs no quoting.
    if (alias && allowed.includes(alias)) return `${input} is not an Earth Engine value; write ${alias}`;
    return `${quote(input)} is not one of ${list}`;
}

export function describe(input: unknown): string {
    if (input === null) return "null";
    if (Array.isArray(input)) return "a list";
    if (typeof input === "object") return "an object";
    if (typeof input === "string") return `the string ${quote(input)}`;
    return `${typeof input} ${String(input)}`;
}
