import type { ApiVersion, EarthEngineAsset } from "../provider/earthengine/types";
import { PROPERTY_KEY } from "../provider/manifest";
import { invalidArgument } from "./errors";
import type { AssetMetadata } from "./metadata";

/** One entry of an update mask the emulator can apply. */
export type MaskPath =
    | { field: "properties" }
    | { field: "property"; key: string }
    | { field: "startTime" | "endTime" | "title" | "description" };

const TIME_FIELDS: Record<string, "startTime" | "endTime"> = {
    start_time: "startTime",
    startTime: "startTime",
    end_time: "endTime",
    endTime: "endTime",
};

/**
 * Reads a FieldMask (`"properties.k,start_time"`, snake_case or camelCase). Only metadata is
 * patchable; a path naming anything else fails the request, because silently ignoring it would
 * let a client believe it changed tilesets or bands.
 */
export function parseUpdateMask(mask: string, version: ApiVersion): MaskPath[] {
    const paths = mask
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p !== "");
    return paths.map((path): MaskPath => {
        if (path === "properties") return { field: "properties" };
        if (path.startsWith("properties.")) {
            const key = path.slice("properties.".length);
            if (!PROPERTY_KEY.test(key)) {
                throw invalidArgument(`Invalid update mask path '${path}': property keys may only hold letters, digits and '_'.`);
            }
            return { field: "property", key };
        }
        if (TIME_FIELDS[path]) return { field: TIME_FIELDS[path] };
        if (version === "v1alpha" && (path === "title" || path === "description")) return { field: path };
        const allowed = `properties, properties.<key>, start_time, end_time${version === "v1alpha" ? ", title, description" : ""}`;
        throw invalidArgument(`Invalid update mask path '${path}': only ${allowed} can be updated.`);
    });
}

/**
 * The asset after the patch. `properties` replaces the whole map; `properties.k` sets k or, when
 * the patch leaves k out, deletes it; a named field left out of the patch is cleared; an empty
 * mask replaces the timestamps and all properties.
 */
export function applyPatch(current: EarthEngineAsset, patch: AssetMetadata, mask: MaskPath[]): EarthEngineAsset {
    const next: EarthEngineAsset = structuredClone(current);
    const effective: MaskPath[] = mask.length > 0 ? mask : [{ field: "properties" }, { field: "startTime" }, { field: "endTime" }];
    let properties = { ...(current.properties ?? {}) };
    for (const path of effective) {
        if (path.field === "properties") properties = { ...(patch.properties ?? {}) };
        else if (path.field === "property") {
            // hasOwn: a key such as "constructor" must not be read from the prototype.
            if (patch.properties && Object.hasOwn(patch.properties, path.key)) properties[path.key] = patch.properties[path.key];
            else delete properties[path.key];
        } else {
            const value = patch[path.field];
            if (value === undefined) delete next[path.field];
            else next[path.field] = value;
        }
    }
    if (Object.keys(properties).length > 0) next.properties = properties;
    else delete next.properties;
    return next;
}
