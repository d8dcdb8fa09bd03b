import type { z } from "zod";
import { type CheckFailure, formatPath, quote } from "../values/failures";
import { closestName } from "../values/suggest";
import { containsUnknown } from "../values/unknown";
import { inputKeysOf, type KindContract } from "./contract";
import { type CheckedArgs, PROVIDER_KEY, type Props } from "./kind";

/**
 * One failure per input the kind does not take (`__provider` is always allowed), with the input
 * it most likely meant by edit distance. A required input it meant is then not reported missing:
 * see `oneFailurePerTypo`.
 */
export function unknownInputs(news: Record<string, unknown>, typeName: string, keys: readonly string[]): CheckFailure[] {
    const failures: CheckFailure[] = [];
    for (const key of Object.keys(news)) {
        if (key === PROVIDER_KEY || keys.includes(key)) continue;
        const meant = closestName(key, keys);
        const hint = meant ? `${didYouMean(meant)} ` : "";
        failures.push({ property: key, reason: `unknown input ${quote(key)}; ${hint}${typeName} takes ${listOf(keys)}` });
    }
    return failures;
}

function didYouMean(key: string): string {
    return `did you mean "${key}"?`;
}

/**
 * The failures without "X is required" where an unknown input was most likely meant to be X:
 * `imageManifests` is one mistake, reported once.
 */
export function oneFailurePerTypo(failures: readonly CheckFailure[]): CheckFailure[] {
    const meant = new Set<string>();
    for (const failure of failures) {
        for (const key of failure.reason.startsWith("unknown input ") ? [...failure.reason.matchAll(/did you mean "([^"]+)"\?/g)] : []) {
            meant.add(key[1] as string);
        }
    }
    return failures.filter((f) => !(meant.has(f.property) && f.reason.startsWith(`${f.property} is required`)));
}

function listOf(keys: readonly string[]): string {
    return keys.length < 2 ? keys.join("") : `${keys.slice(0, -1).join(", ")} and ${keys[keys.length - 1]}`;
}

/**
 * One input checked against its zod schema: the parsed value, or failures whose property paths
 * start at `property`. A value that is not known yet (preview) is passed through unchecked; an
 * absent value fails only when the schema requires it (with the schema's own message).
 */
export function checkedField(value: unknown, property: string, schema: z.ZodType): { value: unknown; failures: CheckFailure[] } {
    if (containsUnknown(value)) return { value, failures: [] };
    const parsed = schema.safeParse(value);
    if (parsed.success) return { value: parsed.data, failures: [] };
    return {
        value,
        failures: parsed.error.issues.map((issue) => ({ property: formatPath(property, issue.path), reason: issue.message })),
    };
}

/** A kind's own check of one input, where the contract's schema alone does not say it all (the image manifest). */
export type FieldCheck = (value: unknown) => { value: unknown; failures: CheckFailure[] };

/**
 * `check` over a kind's contract: every input the kind does not take is refused, and each input
 * is parsed with its schema (or with `custom[key]`, which may also name an input the SDK class
 * adds itself) into its normalised form. Makes no request.
 */
export function checkInputs(contract: KindContract, news: Props, custom: Record<string, FieldCheck> = {}): CheckedArgs {
    // A custom check may also cover an input the SDK class sets itself (not offered in its args).
    const keys = [...new Set([...inputKeysOf(contract), ...Object.keys(custom)])];
    const failures: CheckFailure[] = unknownInputs(news, contract.typeName, keys);
    const inputs: Props = { ...news };
    for (const key of keys) {
        const own = custom[key];
        const checked = own ? own(news[key]) : checkedField(news[key], key, contract.inputs.shape[key] as z.ZodType);
        if (key in news) inputs[key] = checked.value;
        failures.push(...checked.failures);
    }
    return { inputs, failures };
}
