import { propertyKeyRefusal } from "./identifiers";
import type { FieldPath } from "./protoJson";
import type { Violation } from "./validation";

/**
 * Asset properties (ImageManifest.properties, EarthEngineAsset.properties): keys by the service's
 * rule (rule P1), values strings or numbers (rule P2).
 */
export function propertyViolations(properties: unknown, path: FieldPath): Violation[] {
    if (properties === undefined) return [];
    const out: Violation[] = [];
    for (const [key, value] of Object.entries(properties as Record<string, unknown>)) {
        const refusal = propertyKeyRefusal(key);
        if (refusal) out.push({ path: [...path, key], reason: refusal, serviceMessage: refusal });
        else if (typeof value !== "string" && typeof value !== "number") {
            out.push({
                path: [...path, key],
                reason: `a property value is a string or a number, got ${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value}`,
            });
        }
    }
    return out;
}
