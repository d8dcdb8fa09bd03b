import * as pulumi from "@pulumi/pulumi";

/** A Pulumi Output or a promise (anything with `then`): its value is not known yet. */
export function isDeferred(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}

/**
 * True when `value` holds no Pulumi output or promise anywhere: it can be read now, without
 * `pulumi.output` (which takes about a second to lift thousands of manifests). Iterative; cycles
 * and values of over a million objects count as not plain.
 */
export function isPlainValue(value: unknown): boolean {
    const stack: unknown[] = [value];
    const seen = new Set<object>();
    while (stack.length > 0) {
        const v = stack.pop();
        if (v === null || typeof v !== "object") continue;
        if (isDeferred(v)) return false;
        if (seen.has(v) || seen.size > 1_000_000) return false;
        seen.add(v);
        for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
    }
    return true;
}
