import { closestName } from "../../provider/values/suggest";

/** One option of a source: what it takes, as an error message says it, and the test of a value. */
export interface OptionSpec {
    takes: string;
    accepts: (value: unknown) => boolean;
    /** A fix to add when a value is refused (`a RegExp literal ...` for a string given as `match`). */
    fix?: (value: unknown) => string | undefined;
}

export const isString = (value: unknown) => typeof value === "string";
export const isBoolean = (value: unknown) => typeof value === "boolean";
export const isFunction = (value: unknown) => typeof value === "function";

/** What a value is, for an error message: `a string ("x")`, `a number (3)`, `an object`. Bounded. */
export function described(value: unknown): string {
    if (value === null) return "null";
    if (value instanceof RegExp) return `a RegExp (${String(value).slice(0, 80)})`;
    if (Array.isArray(value)) return "an array";
    const type = typeof value;
    if (type === "string") return `a string (${JSON.stringify((value as string).slice(0, 80))})`;
    if (type === "number" || type === "boolean" || type === "bigint") return `a ${type} (${String(value)})`;
    return type === "object" ? "an object" : `a ${type}`;
}

/**
 * Every problem with a source's options: each unknown name (with the closest known one), each
 * value of the wrong type (what it got, what it takes, the fix); at most `limit`, then a count.
 */
export function optionProblems(options: object, specs: Readonly<Record<string, OptionSpec>>, limit = 10): string[] {
    const known = Object.keys(specs);
    const problems: string[] = [];
    for (const [option, value] of Object.entries(options)) {
        if (!Object.hasOwn(specs, option)) {
            const near = closestName(option, known);
            const hint = near ? `did you mean ${near}?` : `the options are ${known.join(", ")}`;
            problems.push(`${JSON.stringify(option.slice(0, 80))} is not an option; ${hint}`);
            continue;
        }
        const { takes, accepts, fix } = specs[option];
        if (value === undefined || accepts(value)) continue;
        const how = fix?.(value);
        problems.push(`${option} is ${described(value)}; it takes ${takes}${how ? `: ${how}` : ""}`);
    }
    return problems.length > limit ? [...problems.slice(0, limit), `and ${problems.length - limit} more`] : problems;
}
