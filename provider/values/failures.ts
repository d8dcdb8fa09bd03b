/**
 * Bounds on what a failed `check` sends back, whatever the input: a broken generator can write
 * 100,000 tilesets or a 20,000-character id, and the engine prints every failure (and, for a
 * failure at a top-level input, that input's whole value) to the user's terminal.
 */

/** Failures listed per resource; the rest are summed up in one "and N more" failure. */
export const MAX_FAILURES = 20;
/** Characters of one failure's reason. */
export const MAX_REASON_CHARS = 400;
/** Characters of one user value quoted inside a reason or a property path. */
export const MAX_QUOTED_CHARS = 60;
/** Values named in a list such as "use one of ..." before "and N more". */
export const MAX_LISTED = 5;
/** Characters of a property path. */
export const MAX_PATH_CHARS = 300;

/** One problem `check` reports, as Pulumi's `CheckFailure`: the property path to fix and what to do. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/**
 * `text` cut to `max` characters (code points, so no half surrogate pair), with a note of the
 * full length when cut.
 */
export function truncate(text: string, max: number): string {
    if (text.length <= max) return text;
    const points = Array.from(text.slice(0, max + 1));
    if (points.length <= max) return text;
    return `${points.slice(0, max - 1).join("")}… (${text.length} characters)`;
}

/**
 * A user's string as a JSON-quoted literal, cut to MAX_QUOTED_CHARS: control characters
 * (newlines, NUL) are escaped, so what the terminal shows is exactly what was written.
 */
export function quote(value: string): string {
    if (value.length <= MAX_QUOTED_CHARS) return JSON.stringify(value);
    const points = Array.from(value.slice(0, MAX_QUOTED_CHARS * 2));
    return `${JSON.stringify(points.slice(0, MAX_QUOTED_CHARS).join(""))}… (${value.length} characters)`;
}

/**
 * `"a", "b", "c" and 97 more`, or `(none declared)`. Reads only the first values of a set, so a
 * failure about one of 10,000 bands costs the same among 100,000 tilesets as among 10.
 */
export function quoteList(values: ReadonlySet<string> | readonly string[]): string {
    const total = "size" in values ? values.size : values.length;
    if (total === 0) return "(none declared)";
    const listed: string[] = [];
    for (const value of values) {
        if (listed.length === MAX_LISTED) break;
        listed.push(quote(value));
    }
    return total > listed.length ? `${listed.join(", ")} and ${total - listed.length} more` : listed.join(", ");
}

/**
 * At most MAX_FAILURES failures, each with a bounded path and reason, then one failure saying
 * how many were left out (at the path of the first one left out, a real and short path).
 */
export function boundFailures(failures: readonly CheckFailure[]): CheckFailure[] {
    const bounded = (f: CheckFailure): CheckFailure => ({
        property: truncate(f.property, MAX_PATH_CHARS),
        reason: truncate(f.reason, MAX_REASON_CHARS),
    });
    if (failures.length <= MAX_FAILURES) return failures.map(bounded);
    const rest = failures.length - MAX_FAILURES;
    return [
        ...failures.slice(0, MAX_FAILURES).map(bounded),
        bounded({
            property: failures[MAX_FAILURES].property,
            reason: `and ${rest} more problem${rest === 1 ? "" : "s"} not listed here, to keep the output short; fix the ones above and run again to see them`,
        }),
    ];
}

/**
 * `imageManifest.tilesets[1].sources`, `imageManifest.properties["system:time_start"]`. A key
 * longer than MAX_QUOTED_CHARS is shown cut, with its length.
 */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
    let out = root;
    for (const segment of path) {
        if (typeof segment === "number") out += `[${segment}]`;
        else if (typeof segment === "string" && segment.length <= MAX_QUOTED_CHARS && /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment))
            out += `.${segment}`;
        else out += `[${quote(String(segment))}]`;
    }
    return out;
}

/**
 * The failures as the engine should print them. The engine writes `property P value V has a
 * problem: R`, V being `inputs[P]` looked up as one top-level input name (pulumi
 * pkg/resource/deploy/step_generator.go, issueCheckFailures): for a nested path
 * (`imageManifest.tilesets[0].sources[0].uris[0]`) or an absent input it prints `{<nil>}`, and for
 * an object input all of it. Those failures go without a property, their path leading the reason
 * (the engine then writes `resource 'x' has a problem: imageManifest.tilesets[0]...: R`); a failure
 * at a top-level input holding a short string, number or boolean keeps its property, so the
 * engine shows the value.
 */
export function failuresForEngine(failures: readonly CheckFailure[], inputs: Readonly<Record<string, unknown>>): CheckFailure[] {
    return failures.map((failure) => {
        const value = Object.hasOwn(inputs, failure.property) ? inputs[failure.property] : undefined;
        const shown = ["string", "number", "boolean"].includes(typeof value) && String(value).length <= MAX_QUOTED_CHARS;
        if (shown || failure.property === "") return failure;
        const lead = `${failure.property}: `;
        return { property: "", reason: failure.reason.startsWith(lead) ? failure.reason : `${lead}${failure.reason}` };
    });
}
