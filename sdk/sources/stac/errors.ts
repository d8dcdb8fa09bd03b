import { RunError } from "@pulumi/pulumi/errors";

/** At most this many problems are written in one error's message; `problems` holds them all. */
export const LISTED_PROBLEMS = 10;

/**
 * A STAC source that cannot become collection entries: every problem found (an unreadable
 * document, a link outside Cloud Storage, an item without a time, an asset elsewhere, ...), each
 * naming the document or item and the field. The message lists the first ten and counts the rest.
 *
 * A Pulumi `RunError`: escaping a program, it prints as its message alone, without a stack (as
 * the nodejs language host prints every RunError). `problems` holds every problem for code, and is
 * not enumerable, so `util.inspect` and `console.log` of the error do not print thousands of them.
 */
export class StacError extends RunError {
    override readonly name = "StacError";
    /** Every problem, in catalog order. */
    declare readonly problems: readonly string[];
    constructor(
        /** The catalog, collection or ItemCollection as the user named it. */
        readonly source: string,
        problems: readonly string[],
    ) {
        const listed = problems.slice(0, LISTED_PROBLEMS).map((problem) => `  - ${problem}`);
        const more = problems.length > LISTED_PROBLEMS ? [`  ... and ${problems.length - LISTED_PROBLEMS} more`] : [];
        super(
            [`STAC source ${source}: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}`, ...listed, ...more].join(
                "\n",
            ),
        );
        Object.defineProperty(this, "problems", { value: problems, enumerable: false });
    }
}
