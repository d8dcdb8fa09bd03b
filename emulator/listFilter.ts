import type { EarthEngineAsset } from "../api";
import { invalidArgument } from "./errors";
import { parseRfc3339 } from "./timestamps";

/**
 * `listAssets`'s `filter` on an image collection, in the grammar its reference gives (AIP-160,
 * the example `properties.my_property>=1 AND properties.my_property<2 AND startTime >=
 * "2019-01-01T00:00:00.000Z" AND endTime < "2020-01-01T00:00:00.000Z" AND intersects(...)`, and
 * what `ee.data.listImages` builds: `startTime >= "…" AND endTime < "…"`, `properties.k=v`):
 * comparisons `= != < <= > >=` of `startTime`, `endTime`, `updateTime` (RFC 3339 text) or
 * `properties.<key>` (a number, or text quoted or bare) joined by AND (or juxtaposition), OR,
 * NOT or a leading `-`, and parentheses. A comparison with a field the asset lacks is false.
 * `intersects(...)` is refused with 400: the emulator does not read the files, so its images
 * have no footprint to intersect.
 */
export type AssetPredicate = (asset: EarthEngineAsset) => boolean;

type Token = { kind: "op" | "word" | "string" | "(" | ")"; text: string };

const TIME_FIELDS = new Set(["startTime", "endTime", "updateTime", "start_time", "end_time", "update_time"]);

function invalidFilter(filter: string, why: string): Error {
    return invalidArgument(`Invalid filter '${filter}': ${why}.`);
}

function tokenize(filter: string): Token[] {
    const tokens: Token[] = [];
    const pattern = /\s*(?:(<=|>=|!=|=|<|>|:)|("(?:[^"\\]|\\.)*")|([()])|([^\s()<>=!:"]+))/y;
    while (pattern.lastIndex < filter.length) {
        if (/^\s*$/.test(filter.slice(pattern.lastIndex))) break;
        const m = pattern.exec(filter);
        if (!m) throw invalidFilter(filter, `unexpected text at character ${pattern.lastIndex + 1}`);
        if (m[1]) tokens.push({ kind: "op", text: m[1] });
        else if (m[2]) tokens.push({ kind: "string", text: m[2].slice(1, -1).replace(/\\(.)/g, "$1") });
        else if (m[3]) tokens.push({ kind: m[3] as "(" | ")", text: m[3] });
        else tokens.push({ kind: "word", text: m[4] });
    }
    return tokens;
}

/** The filter as a predicate over a collection's images; throws a 400 for what it cannot read. */
export function parseListFilter(filter: string): AssetPredicate {
    const tokens = tokenize(filter);
    let at = 0;
    const peek = () => tokens[at];
    const isWord = (text: string) => peek()?.kind === "word" && peek()?.text === text;

    const or = (): AssetPredicate => {
        const terms = [and()];
        while (isWord("OR")) {
            at++;
            terms.push(and());
        }
        return terms.length === 1 ? terms[0] : (asset) => terms.some((term) => term(asset));
    };
    const and = (): AssetPredicate => {
        const terms = [unary()];
        while (peek() && peek().kind !== ")" && !isWord("OR")) {
            if (isWord("AND")) at++;
            terms.push(unary());
        }
        return terms.length === 1 ? terms[0] : (asset) => terms.every((term) => term(asset));
    };
    const unary = (): AssetPredicate => {
        if (isWord("NOT") || isWord("-")) {
            at++;
            const inner = unary();
            return (asset) => !inner(asset);
        }
        if (peek()?.kind === "word" && peek().text.startsWith("-") && peek().text.length > 1) {
            tokens[at] = { kind: "word", text: peek().text.slice(1) };
            const inner = unary();
            return (asset) => !inner(asset);
        }
        return primary();
    };
    const primary = (): AssetPredicate => {
        const token = tokens[at++];
        if (!token) throw invalidFilter(filter, "it ends where a comparison was expected");
        if (token.kind === "(") {
            const inner = or();
            if (tokens[at++]?.kind !== ")") throw invalidFilter(filter, "a parenthesis is not closed");
            return inner;
        }
        if (token.kind === "word" && token.text === "intersects" && peek()?.kind === "(") {
            throw invalidArgument(
                `Invalid filter '${filter}': the emulator does not evaluate intersects(): it does not read the images' files, so they have no footprint; filter by region against Earth Engine, or list without it.`,
            );
        }
        if (token.kind !== "word") throw invalidFilter(filter, `expected a field name, found ${JSON.stringify(token.text)}`);
        const op = tokens[at++];
        const value = tokens[at++];
        if (op?.kind !== "op" || !value || (value.kind !== "word" && value.kind !== "string")) {
            throw invalidFilter(filter, `expected <field> <operator> <value> after ${JSON.stringify(token.text)}`);
        }
        return comparison(filter, token.text, op.text, value);
    };

    const predicate = or();
    if (at < tokens.length) throw invalidFilter(filter, `unexpected ${JSON.stringify(tokens[at].text)}`);
    return predicate;
}

function comparison(filter: string, field: string, op: string, value: Token): AssetPredicate {
    if (op === ":") throw invalidFilter(filter, "the has operator ':' is not one the reference shows; use = or !=");
    if (TIME_FIELDS.has(field)) {
        const wanted = parseRfc3339(value.text);
        if (wanted === undefined) throw invalidFilter(filter, `${field} compares with an RFC 3339 time such as "2024-01-01T00:00:00Z"`);
        const key = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as "startTime" | "endTime" | "updateTime";
        return (asset) => {
            const text = asset[key];
            const actual = typeof text === "string" ? parseRfc3339(text) : undefined;
            return actual !== undefined && compare(actual < wanted ? -1 : actual > wanted ? 1 : 0, op);
        };
    }
    const property = /^properties\.(.+)$/.exec(field)?.[1];
    if (property === undefined) {
        throw invalidFilter(
            filter,
            `${JSON.stringify(field)} is not a field the filter takes: startTime, endTime, updateTime or properties.<key>`,
        );
    }
    const number = value.kind === "word" && value.text !== "" && Number.isFinite(Number(value.text)) ? Number(value.text) : undefined;
    return (asset) => {
        const actual = asset.properties?.[property];
        if (actual === undefined) return false;
        if (typeof actual === "number" && number !== undefined) return compare(Math.sign(actual - number), op);
        if (typeof actual === "string") return compare(actual < value.text ? -1 : actual > value.text ? 1 : 0, op);
        return false;
    };
}

function compare(order: number, op: string): boolean {
    switch (op) {
        case "=":
            return order === 0;
        case "!=":
            return order !== 0;
        case "<":
            return order < 0;
        case "<=":
            return order <= 0;
        case ">":
            return order > 0;
        default:
            return order >= 0;
    }
}
