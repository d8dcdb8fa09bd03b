import { distance } from "fastest-levenshtein";

/** Names compared without case and `_`, so `start_tme`, `StartTme` and `startTme` are the same typo. */
function folded(name: string): string {
    return name.replace(/_/g, "").toLowerCase();
}

/**
 * The known name `written` most likely meant, by edit distance (Levenshtein, after folding case
 * and `_`): at most one edit per three characters, at least one, and only when one name is
 * closest. Undefined when nothing is close: a list of every name helps more than a wild guess.
 */
export function closestName(written: string, known: readonly string[]): string | undefined {
    const target = folded(written);
    const allowed = Math.max(1, Math.floor(target.length / 3));
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    let tie = false;
    for (const name of known) {
        const d = distance(target, folded(name));
        if (d < bestDistance) [best, bestDistance, tie] = [name, d, false];
        else if (d === bestDistance) tie = true;
    }
    return best !== undefined && bestDistance <= allowed && !tie ? best : undefined;
}
