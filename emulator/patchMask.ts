import type { ApiVersion, EarthEngineAsset } from "../api";
import { invalidArgument } from "./errors";
import { propertyKeyRefusal } from "./identifiers";
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
 * Reads a FieldMask as proto3 JSON gives it: a string of comma-separated paths (the JS client,
 * the CLI) or an object `{"paths": [...]}` (the Python client's `updateAsset`); snake_case or
 * camelCase names. A property key may be written bare (`properties.k`, the CLI's `asset set`) or
 * double-quoted (`properties."k"`, as both official clients' `setAssetProperties` send it; `\"`
 * and `\\` escape inside quotes). Only metadata is patchable; a path naming anything else fails
 * the request, because silently ignoring it would let a client believe it changed tilesets or bands.
 */
export function parseUpdateMask(mask: unknown, version: ApiVersion): MaskPath[] {
    return maskPaths(mask).map((path): MaskPath => {
        if (path === "properties") return { field: "properties" };
        if (path.startsWith("properties.")) return { field: "property", key: propertyKeyOf(path) };
        if (TIME_FIELDS[path]) return { field: TIME_FIELDS[path] };
        if (version === "v1alpha" && (path === "title" || path === "description")) return { field: path };
        const allowed = `properties, properties.<key>, start_time, end_time${version === "v1alpha" ? ", title, description" : ""}`;
        throw invalidArgument(`Invalid update mask path '${path}': only ${allowed} can be updated.`);
    });
}

const MASK_FORM = "a field mask is a string of comma-separated paths or an object {paths: [...]}";

function maskPaths(mask: unknown): string[] {
    if (mask === undefined || mask === null) return [];
    if (typeof mask === "string") return splitPaths(mask);
    const paths = typeof mask === "object" && !Array.isArray(mask) ? (mask as { paths?: unknown }).paths : undefined;
    const extra = typeof mask === "object" && mask !== null ? Object.keys(mask).filter((key) => key !== "paths") : [];
    if (extra.length === 0 && (paths === undefined || paths === null)) return [];
    if (extra.length > 0 || !Array.isArray(paths) || !paths.every((p) => typeof p === "string")) {
        throw invalidArgument(`Invalid argument at 'update_mask': ${MASK_FORM}`);
    }
    return paths.map((p) => p.trim()).filter((p) => p !== "");
}

/** Splits at commas outside double quotes, so a quoted key may hold one. */
function splitPaths(text: string): string[] {
    const out: string[] = [];
    let current = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted && c === "\\") {
            current += c + (text[i + 1] ?? "");
            i++;
        } else if (c === '"') {
            quoted = !quoted;
            current += c;
        } else if (c === "," && !quoted) {
            out.push(current);
            current = "";
        } else current += c;
    }
    if (quoted) throw invalidArgument(`Invalid update mask '${text}': a quoted property key is not closed.`);
    out.push(current);
    return out.map((p) => p.trim()).filter((p) => p !== "");
}

function propertyKeyOf(path: string): string {
    const written = path.slice("properties.".length);
    const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(written);
    const key = quoted ? quoted[1].replace(/\\(.)/g, "$1") : written;
    // The same words as importExternal's refusal of the key (emulator/README.md, rule P1).
    const refusal = propertyKeyRefusal(key);
    if (refusal) throw invalidArgument(refusal);
    return key;
}

/**
 * The patch's asset with JSON nulls removed: proto3 JSON reads a null field as unset, and the
 * official clients delete a property by sending it as null (so a key named in the mask and
 * null here is deleted, like one left out).
 */
export function withoutNulls(asset: unknown): unknown {
    if (asset === null || typeof asset !== "object" || Array.isArray(asset)) return asset ?? {};
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(asset)) {
        if (value === null) continue;
        out[key] =
            key === "properties" && typeof value === "object" && !Array.isArray(value)
                ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null))
                : value;
    }
    return out;
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
