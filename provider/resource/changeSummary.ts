/**
 * The one-line `changeSummary` each kind fills (see CHANGE_SUMMARY in ./provider): the action
 * `up` takes and what it touches, bounded so an archive's preview stays readable.
 */

/** What `up` does to a changed resource, from cheapest to dearest. */
export type ChangeAction = "state only" | "patch" | "move" | "re-import";

/** Names listed before "and N more". */
const MAX_NAMED = 8;

/**
 * `patch: properties."k", start_time`, `re-import: tilesets, bands`, `move: name`;
 * `fields` in the service's terms (update-mask paths, manifest fields), listed once each.
 */
export function summarizeChange(action: ChangeAction, fields: readonly string[]): string {
    return fields.length === 0 ? action : `${action}: ${boundedList(fields)}`;
}

/** `a, b, c`, each name once, the first few only: `a, b, ... h and 4 more`. */
export function boundedList(names: readonly string[]): string {
    const unique = [...new Set(names)];
    const more = unique.length > MAX_NAMED ? ` and ${unique.length - MAX_NAMED} more` : "";
    return `${unique.slice(0, MAX_NAMED).join(", ")}${more}`;
}
