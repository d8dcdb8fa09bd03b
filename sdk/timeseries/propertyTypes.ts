import { isObject } from "../../provider/values/compare";
import { formatPath } from "../../provider/values/failures";

const SHOWN = 3;

/**
 * Warnings for each property that is a number in some images (or in the collection's own
 * properties) and a string in others. Earth Engine is reported to refuse registering an image
 * whose property type differs from the same property in its collection; Google does not document
 * the rule, so this warns rather than fails. One warning per property, naming the entries.
 *
 * @param collectionProperties the collection's own `properties`
 * @param manifests merged entry manifests by key, in declaration order
 */
export function propertyTypeWarnings(collectionProperties: unknown, manifests: Record<string, Record<string, unknown>>): string[] {
    // property key -> value type -> where it has that type: the first SHOWN places and how many in all.
    // Constant work per value, so 10,000 images cost 10,000 steps (a list copied per value cost N² and
    // 8 CPU-s of a 10,000-image preview: issue 20).
    const seen = new Map<string, Map<string, Places>>();
    const note = (properties: unknown, where: (property: string) => string) => {
        if (!isObject(properties)) return;
        for (const [property, value] of Object.entries(properties)) {
            const type = typeof value;
            if (type !== "number" && type !== "string") continue; // other values fail the manifest schema
            const byType = seen.get(property) ?? new Map<string, Places>();
            seen.set(property, byType);
            const places = byType.get(type) ?? { shown: [], count: 0 };
            byType.set(type, places);
            places.count++;
            if (places.shown.length < SHOWN) places.shown.push(where(property));
        }
    };
    note(collectionProperties, (property) => formatPath("properties", [property]));
    for (const [key, manifest] of Object.entries(manifests))
        note(manifest.properties, (property) => formatPath("images", [key, "properties", property]));
    const warnings: string[] = [];
    for (const [property, byType] of seen) {
        if (byType.size < 2) continue;
        const parts = [...byType].map(([type, where]) => `a ${type} in ${list(where)}`);
        warnings.push(
            `property "${property}" has two types (${parts.join("; ")}); Earth Engine is reported to refuse an image whose property type differs from the same property in its collection: give "${property}" one type`,
        );
    }
    return warnings;
}

interface Places {
    /** The first SHOWN places, in declaration order. */
    shown: string[];
    count: number;
}

function list({ shown, count }: Places): string {
    return count > shown.length ? `${shown.join(", ")} and ${count - shown.length} more` : shown.join(", ");
}
