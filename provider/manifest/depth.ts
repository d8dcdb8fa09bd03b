/**
 * How deep a value nests, measured without recursion, so that a generator's 100,000-level
 * object is reported instead of overflowing the stack in the recursive code (camelCase
 * conversion, zod, JSON.stringify) that runs after this check.
 */

/**
 * Nesting allowed in a manifest. The deepest valid value sits 6 levels down
 * (`tilesets[0].sources[0].affineTransform.scaleX`); anything deeper is invalid anyway, and
 * this bound only decides that it is reported as "too deep" before any recursive code runs.
 */
export const MAX_DEPTH = 12;

type Segment = string | number;

interface Entry {
    value: unknown;
    depth: number;
    key: Segment;
    parent: Entry | undefined;
}

/** The path to the first value nested deeper than `max` levels (depth first), or undefined. */
export function firstTooDeep(value: unknown, max = MAX_DEPTH): Segment[] | undefined {
    // An explicit stack instead of recursion; each entry links to its parent, so a path is only
    // built for the value that is reported.
    const stack: Entry[] = [{ value, depth: 0, key: "", parent: undefined }];
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
        const v = entry.value;
        if (v === null || typeof v !== "object") continue;
        if (entry.depth === max) return pathOf(entry);
        const depth = entry.depth + 1;
        if (Array.isArray(v)) {
            for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, key: i, parent: entry });
        } else {
            const keys = Object.keys(v);
            for (let i = keys.length - 1; i >= 0; i--) {
                stack.push({ value: (v as Record<string, unknown>)[keys[i]], depth, key: keys[i], parent: entry });
            }
        }
    }
    return undefined;
}

function pathOf(entry: Entry): Segment[] {
    const path: Segment[] = [];
    for (let e: Entry | undefined = entry; e?.parent; e = e.parent) path.push(e.key);
    return path.reverse();
}
