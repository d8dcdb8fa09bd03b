import { Sema } from "async-sema";
import type { CloudStorageReader } from "../../../provider/cloudStorage/client";
import { isObject } from "../../../provider/values/compare";
import { StacError } from "./errors";
import { DocumentReadError, describeLocation, type Location, locationKey, readDocument, resolveHref } from "./locations";

/** One STAC Item as found: its JSON and the location its relative hrefs resolve against. */
export interface FoundItem {
    item: Record<string, unknown>;
    location: Location;
    /** Where in that document: `features[3]` in an ItemCollection, empty for an Item file. */
    pointer: string;
}

export interface WalkLimits {
    /** More items than this is an error. */
    maxItems: number;
    /** More documents (catalogs, collections, item files, pages) than this is an error. */
    maxDocuments: number;
    /** A document larger than this (bytes) is an error. */
    maxDocumentBytes: number;
}

/** Documents read at once: local files or Cloud Storage objects (the reader adds its own limits). */
const CONCURRENT_READS = 16;

// Links that lead to more items: a catalog's children and items, an ItemCollection's next page.
const FOLLOWED = new Set(["child", "item", "next"]);

type Json = Record<string, unknown>;

/**
 * Every Item under `source`, in document order (a catalog's links in the order written, each
 * subtree before the next level): an Item, an ItemCollection (following `next` pages), or a
 * Catalog or Collection (following `child` and `item` links, relative or absolute). A document
 * reached twice (a cycle, or two parents) is read once. Problems are gathered across the whole
 * walk and thrown together as a `StacError`; exceeding a limit stops the walk at once.
 */
export async function walkCatalog(source: Location, storage: () => CloudStorageReader, limits: WalkLimits): Promise<FoundItem[]> {
    const seen = new Set<string>([locationKey(source)]);
    const items: FoundItem[] = [];
    const problems: string[] = [];
    const reads = new Sema(CONCURRENT_READS);
    let documents = 1;
    let level: Location[] = [source];
    while (level.length > 0) {
        const read = await Promise.all(
            level.map(async (location) => {
                await reads.acquire();
                try {
                    return { location, document: await readDocument(location, storage, limits.maxDocumentBytes) };
                } catch (error) {
                    if (!(error instanceof DocumentReadError)) throw error;
                    return { location, problem: error.message };
                } finally {
                    reads.release();
                }
            }),
        );
        const next: Location[] = [];
        for (const found of read) {
            // Problems in document order, whichever read ended first.
            if (found.problem !== undefined) {
                problems.push(found.problem);
                continue;
            }
            const { location, document } = found;
            for (const link of linksOf(document, location, problems)) {
                const key = locationKey(link);
                if (seen.has(key)) continue;
                seen.add(key);
                if (++documents > limits.maxDocuments) {
                    throw new StacError(describeLocation(source), [
                        `more than ${limits.maxDocuments} STAC documents (maxDocuments); raise maxDocuments or point at a smaller catalog`,
                    ]);
                }
                next.push(link);
            }
            for (const [item, pointer] of itemsOf(document)) {
                items.push({ item, location, pointer });
                if (items.length > limits.maxItems) {
                    throw new StacError(describeLocation(source), [
                        `more than ${limits.maxItems} STAC items (maxItems); raise maxItems or point at a smaller catalog`,
                    ]);
                }
            }
            const kind = documentKind(document);
            if (kind === undefined) {
                problems.push(
                    `${describeLocation(location)}: not a STAC Item, ItemCollection, Catalog or Collection (its "type" is ${JSON.stringify(isObject(document) ? document.type : document)?.slice(0, 40)})`,
                );
            }
        }
        level = next;
    }
    if (problems.length > 0) throw new StacError(describeLocation(source), problems);
    return items;
}

type Kind = "item" | "itemCollection" | "catalog";

function documentKind(document: unknown): Kind | undefined {
    if (!isObject(document)) return undefined;
    if (document.type === "Feature") return "item";
    if (document.type === "FeatureCollection") return "itemCollection";
    if (document.type === "Catalog" || document.type === "Collection") return "catalog";
    // STAC before 1.0 gave catalogs no "type": a document with stac_version and links is one.
    if (document.type === undefined && typeof document.stac_version === "string" && Array.isArray(document.links)) return "catalog";
    return undefined;
}

/** The Items of a document, each with its pointer in it. */
function itemsOf(document: unknown): [Json, string][] {
    const kind = documentKind(document);
    if (kind === "item") return [[document as Json, ""]];
    if (kind !== "itemCollection") return [];
    const features = (document as Json).features;
    // A feature that is not an object is reported by the item mapping (no id, no properties).
    return Array.isArray(features) ? features.map((feature, i) => [isObject(feature) ? feature : {}, `features[${i}]`]) : [];
}

/** The followed links of a catalog (child, item) or an ItemCollection (next), resolved against `base`. */
function linksOf(document: unknown, base: Location, problems: string[]): Location[] {
    const kind = documentKind(document);
    if (kind !== "catalog" && kind !== "itemCollection") return [];
    const links = (document as Json).links;
    if (!Array.isArray(links)) return [];
    const out: Location[] = [];
    links.forEach((link, i) => {
        if (!isObject(link) || typeof link.rel !== "string" || !FOLLOWED.has(link.rel)) return;
        if (kind === "itemCollection" && link.rel !== "next") return;
        const where = `${describeLocation(base)}: links[${i}] (rel "${link.rel}")`;
        const target = typeof link.href === "string" ? resolveHref(link.href, base) : undefined;
        if (!target) {
            problems.push(`${where}: href ${JSON.stringify(link.href)?.slice(0, 200)} is not a URL or path`);
        } else if (target.kind === "elsewhere") {
            problems.push(
                `${where}: ${target.url.href.slice(0, 200)} is neither a local file nor in Cloud Storage; STAC documents are read only from local files, gs:// and https://storage.googleapis.com/ (copy that part of the catalog there)`,
            );
        } else out.push(target);
    });
    return out;
}
