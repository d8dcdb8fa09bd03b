import type { z } from "zod";

type Segment = string | number;

/** Peels optional, pipe (transform) and refinement wrappers off a zod schema. */
function unwrap(schema: z.ZodType): z.ZodType {
    let current = schema;
    for (;;) {
        const def = current.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
        if ((def.type === "optional" || def.type === "nullable" || def.type === "default") && def.innerType) current = def.innerType;
        else if (def.type === "pipe" && def.in) current = def.in;
        else return current;
    }
}

/** The schema that describes the value at `path` inside `root`, if the path leads anywhere. */
export function schemaAt(root: z.ZodType, path: readonly Segment[]): z.ZodType | undefined {
    let current: z.ZodType | undefined = unwrap(root);
    for (const segment of path) {
        if (!current) return undefined;
        const def = current.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; valueType?: z.ZodType };
        if (def.type === "object" && typeof segment === "string") current = def.shape?.[segment];
        else if (def.type === "array") current = def.element;
        else if (def.type === "record") current = def.valueType;
        else return undefined;
        current = current && unwrap(current);
    }
    return current;
}

/** Field names of the object schema at `path` (empty when it is not an object). */
export function fieldsAt(root: z.ZodType, path: readonly Segment[]): string[] {
    const schema = schemaAt(root, path);
    const def = schema?.def as { type: string; shape?: Record<string, z.ZodType> } | undefined;
    return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/**
 * Every object type reachable from `root`, keyed by a dotted path with `[]` for list items
 * (`tilesets[].sources[]`), each with its field names. Used by the conformance test.
 */
export function describeFields(root: z.ZodType): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const walk = (schema: z.ZodType, name: string) => {
        const s = unwrap(schema);
        const def = s.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
        if (def.type === "array" && def.element) walk(def.element, `${name}[]`);
        if (def.type === "object" && def.shape) {
            out[name] = Object.keys(def.shape);
            for (const [key, child] of Object.entries(def.shape)) walk(child, name ? `${name}.${key}` : key);
        }
    };
    walk(root, "");
    return out;
}
