import { invalidArgument } from "./errors";
import { propertyViolations } from "./properties";
import type { FieldPath, ValueProblem } from "./protoJson";
import { parseRfc3339 } from "./timestamps";
import type { Violation } from "./validation";

/** The asset fields that `assets.create` sets and `assets.patch` changes, after proto3 JSON parsing. */
export interface AssetMetadata {
    properties?: Record<string, string | number>;
    startTime?: string;
    endTime?: string;
    title?: string;
    description?: string;
}

/** The metadata's violations: timestamp problems from parsing (found under `base`) and property rules P1, P2. */
export function metadataViolations(asset: Record<string, unknown>, problems: readonly ValueProblem[], base: FieldPath): Violation[] {
    const own = problems
        .filter((p) => base.every((segment, i) => p.path[i] === segment))
        .map((p) => ({ ...p, path: p.path.slice(base.length) }));
    return [...own, ...propertyViolations(asset.properties, ["properties"])];
}

/** R1: refuses a time range whose exclusive end is not after its start. */
export function checkTimeRange(startTime: string | undefined, endTime: string | undefined, field: string): void {
    const [start, end] = [startTime, endTime].map((t) => (t === undefined ? undefined : parseRfc3339(t)));
    if (start !== undefined && end !== undefined && end <= start) {
        throw invalidArgument(
            `Invalid argument at '${field}': end_time ${endTime} is not after start_time ${startTime} (the end is exclusive)`,
        );
    }
}
