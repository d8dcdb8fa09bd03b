/** At most this many problems are written in one error's message; `problems` holds them all. */
export const LISTED_PROBLEMS = 10;

/**
 * A STAC source that cannot become collection entries: every problem found (an unreadable
 * document, a link outside Cloud Storage, an item without a time, an asset elsewhere, ...), each
 * naming the document or item and the field. The message lists the first ten and counts the rest.
 */
export class StacError extends Error {
    override readonly name = "StacError";
    constructor(
        /** The catalog, collection or ItemCollection as the user named it. */
        readonly source: string,
        /** Every problem, in catalog order. */
        readonly problems: readonly string[],
    ) {
        const listed = problems.slice(0, LISTED_PROBLEMS).map((problem) => `  - ${problem}`);
        const more = problems.length > LISTED_PROBLEMS ? [`  ... and ${problems.length - LISTED_PROBLEMS} more`] : [];
        super(
            [`STAC source ${source}: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}`, ...listed, ...more].join(
                "\n",
            ),
        );
    }
}
