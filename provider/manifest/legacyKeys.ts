import { LEGACY_PROJECT, normalizeAssetName } from "../values/assetName";
import { isObject } from "../values/compare";
import { isUnknown } from "../values/unknown";

/**
 * Older manifest keys that the official Python client (and so `earthengine upload
 * external_image --manifest`) still converts before it calls importExternal, converted the
 * same way so a manifest that works there works here. Rules from google/earthengine-api at
 * 8c13e9c150e04823a1c17225e82f6331a4e2836d, python/ee/_cloud_api_utils.py:
 * `convert_params_to_image_manifest` (top-level `id` to `name`, `tilesets` converted),
 * `convert_asset_id_to_asset_name`, `convert_sources_to_one_platform_sources` (`primaryPath`
 * then `additionalPaths` to `uris`, `maxError` to `maxErrorMeters`); python/ee/data.py
 * `_startIngestion` applies them to every manifest. The service itself knows none of these keys.
 * Runs on camelCase keys (after keys.ts), so `primary_path` is read as `primaryPath` too.
 */

type Path = (string | number)[];

/** One problem or remark from the conversion, at a path of the manifest as written. */
export interface LegacyNote {
    path: Path;
    message: string;
}

export interface LegacyConversion {
    value: unknown;
    /** Problems that stop the manifest (reported by `check`). */
    failures: LegacyNote[];
    /** Conversions that drop something the user wrote (warned about by the program). */
    warnings: LegacyNote[];
    /** Where a converted field was written, to report later problems at the user's own path. */
    origins: { converted: Path; written: Path }[];
}

// The Python client's ASSET_NAME_PATTERN: a Cloud project id (optionally domain-scoped), then /assets/.
const CLIENT_ASSET_NAME = /^projects\/((?:\w+(?:[\w-]+\.[\w-]+)*?\.\w+:)?[a-z][a-z0-9-]{4,28}[a-z0-9])\/assets\/(.*)$/;
const CLIENT_ASSET_ROOT = /^projects\/((?:\w+(?:[\w-]+\.[\w-]+)*?\.\w+:)?[a-z][a-z0-9-]{4,28}[a-z0-9])\/assets\/?$/;

/** `convert_asset_id_to_asset_name`: what the official client sends for a legacy `id`. */
export function assetIdToName(id: string): string {
    if (CLIENT_ASSET_NAME.test(id)) return id;
    if (CLIENT_ASSET_ROOT.test(id)) return `${id}/`;
    const first = id.split("/")[0];
    if (first === "users" || first === "projects") return `projects/${LEGACY_PROJECT}/assets/${id}`;
    return `projects/earthengine-public/assets/${id}`;
}

export function convertLegacyKeys(manifest: unknown): LegacyConversion {
    const result: LegacyConversion = { value: manifest, failures: [], warnings: [], origins: [] };
    if (!isObject(manifest)) return result;
    const out: Record<string, unknown> = { ...manifest };
    if ("id" in out) convertId(out, result);
    if (Array.isArray(out.tilesets)) {
        out.tilesets = out.tilesets.map((tileset: unknown, t) =>
            isObject(tileset) && Array.isArray(tileset.sources)
                ? {
                      ...tileset,
                      sources: tileset.sources.map((source: unknown, s) => convertSource(source, ["tilesets", t, "sources", s], result)),
                  }
                : tileset,
        );
    }
    result.value = out;
    return result;
}

function convertId(out: Record<string, unknown>, result: LegacyConversion): void {
    const { id } = out;
    delete out.id;
    const name = typeof id === "string" && !isUnknown(id) ? assetIdToName(id) : id;
    if (
        typeof id === "string" &&
        typeof name === "string" &&
        !isUnknown(id) &&
        name !== id &&
        name.startsWith("projects/earthengine-public/")
    ) {
        result.failures.push({
            path: ["id"],
            message: `the official client sends id "${id}" as ${name}, Google's public catalogue, where no one can write; give the full name projects/<project>/assets/${id}`,
        });
    }
    if (out.name === undefined) {
        out.name = name;
        result.origins.push({ converted: ["name"], written: ["id"] });
        return;
    }
    // Both given: the official client keeps whichever key comes last, with a warning. Pulumi does
    // not keep key order, so only an id that names the same asset can be accepted.
    if (
        typeof out.name === "string" &&
        typeof name === "string" &&
        !isUnknown(out.name) &&
        !isUnknown(name) &&
        normalizeAssetName(out.name) !== name
    ) {
        result.failures.push({
            path: ["id"],
            message: `id "${String(id)}" names ${name} but name is "${out.name}"; the official client keeps whichever comes last, so keep only name`,
        });
    }
}

function convertSource(source: unknown, at: Path, result: LegacyConversion): unknown {
    if (!isObject(source)) return source;
    const out: Record<string, unknown> = { ...source };
    if ("primaryPath" in out) {
        const { primaryPath, additionalPaths } = out;
        if (additionalPaths !== undefined && !Array.isArray(additionalPaths) && !isUnknown(additionalPaths)) {
            result.failures.push({
                path: [...at, "additionalPaths"],
                message: "additionalPaths is a list of gs:// URIs that follow primaryPath",
            });
            return source;
        }
        if (out.uris !== undefined) {
            result.warnings.push({
                path: [...at, "uris"],
                message: "uris is replaced by primaryPath and additionalPaths, as the official client does; keep only uris",
            });
        }
        delete out.primaryPath;
        delete out.additionalPaths;
        out.uris = isUnknown(additionalPaths) ? additionalPaths : [primaryPath, ...((additionalPaths as unknown[] | undefined) ?? [])];
        result.origins.push({ converted: [...at, "uris", 0], written: [...at, "primaryPath"] });
        const extra = Array.isArray(additionalPaths) ? additionalPaths.length : 0;
        for (let i = 0; i < extra; i++) result.origins.push({ converted: [...at, "uris", i + 1], written: [...at, "additionalPaths", i] });
    }
    if ("maxError" in out) {
        // The client renames it to maxErrorMeters, which only table sources have; the service refuses it on images.
        result.failures.push({
            path: [...at, "maxError"],
            message:
                "maxError (sent by the official client as maxErrorMeters) applies to table uploads only; ImageSource has no such field, remove it",
        });
        delete out.maxError;
    }
    return out;
}

/** `imageManifest.tilesets[0].sources[0].uris[0]` as the user wrote it (`...primaryPath`). */
export function writtenProperty(
    property: string,
    root: string,
    origins: LegacyConversion["origins"],
    format: (root: string, path: Path) => string,
): string {
    for (const { converted, written } of origins) {
        const from = format(root, converted);
        if (property === from || property.startsWith(`${from}.`) || property.startsWith(`${from}[`)) {
            return format(root, written) + property.slice(from.length);
        }
    }
    return property;
}
