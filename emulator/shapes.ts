import type { ApiVersion } from "../provider/earthengine/types";
import { DATA_TYPES, fieldsAt, ImportExternalRequestSchema, PYRAMIDING_POLICIES } from "../provider/manifest";
import type { FieldPath, MessageShape, ProtoEnum } from "./protoJson";

/**
 * The request messages the emulator parses. The importExternal body comes from the project's
 * zod schema, so a field added there is accepted here too; the asset message lists
 * EarthEngineAsset's fields as the generated API client (@google/earthengine) knows them.
 */

const withoutIndexes = (path: FieldPath) => path.filter((segment) => typeof segment === "string").join(".");

// Google names nested enums after the message that declares them.
const IMPORT_ENUMS: Record<string, ProtoEnum> = {
    "imageManifest.pyramidingPolicy": { typeName: "ImageManifest.PyramidingPolicy", values: PYRAMIDING_POLICIES },
    "imageManifest.tilesets.dataType": { typeName: "Tileset.DataType", values: DATA_TYPES },
    "imageManifest.bands.pyramidingPolicy": { typeName: "TilesetBand.PyramidingPolicy", values: PYRAMIDING_POLICIES },
};

/** `{imageManifest, overwrite, useLatestObjectVersion}` with the whole ImageManifest inside. */
export const importExternalShape: MessageShape = {
    fieldsAt(path) {
        const fields = fieldsAt(ImportExternalRequestSchema, path);
        return fields.length > 0 ? fields : undefined;
    },
    enumAt: (path) => IMPORT_ENUMS[withoutIndexes(path)],
};

/** Values of `EarthEngineAsset.type`. */
export const ASSET_TYPES = ["TYPE_UNSPECIFIED", "IMAGE", "IMAGE_COLLECTION", "TABLE", "FOLDER", "CLASSIFIER", "FEATURE_VIEW"] as const;

const ASSET_FIELDS = [
    "type",
    "name",
    "id",
    "updateTime",
    "properties",
    "startTime",
    "endTime",
    "geometry",
    "bands",
    "sizeBytes",
    "tilesets",
    "expression",
    "cloudStorageLocation",
    "tableLocation",
    "tilestoreLocation",
    "featureViewAssetLocation",
    "featureCount",
    "quota",
];

/** EarthEngineAsset's fields; `title` and `description` exist in v1alpha only. */
export function assetFields(version: ApiVersion): readonly string[] {
    return version === "v1alpha" ? [...ASSET_FIELDS, "title", "description"] : ASSET_FIELDS;
}

const ASSET_TYPE_ENUM: ProtoEnum = { typeName: "EarthEngineAsset.Type", values: ASSET_TYPES };

/** The body of `assets.create`: an EarthEngineAsset. Nested values are not parsed further. */
export function createAssetShape(version: ApiVersion): MessageShape {
    return {
        fieldsAt: (path) => (path.length === 0 ? assetFields(version) : undefined),
        enumAt: (path) => (withoutIndexes(path) === "type" ? ASSET_TYPE_ENUM : undefined),
    };
}

/** The body of `assets.patch`: `{asset, updateMask}`. */
export function patchAssetShape(version: ApiVersion): MessageShape {
    return {
        fieldsAt: (path) =>
            path.length === 0
                ? ["asset", "updateMask"]
                : withoutIndexes(path) === "asset" && path.length === 1
                  ? assetFields(version)
                  : undefined,
        enumAt: (path) => (withoutIndexes(path) === "asset.type" ? ASSET_TYPE_ENUM : undefined),
    };
}

/** The body of `assets.move`: `{destinationName}`. */
export const moveAssetShape: MessageShape = {
    fieldsAt: (path) => (path.length === 0 ? ["destinationName"] : undefined),
    enumAt: () => undefined,
};

/** The body of `assets.copy`: `{destinationName, overwrite}`. */
export const copyAssetShape: MessageShape = {
    fieldsAt: (path) => (path.length === 0 ? ["destinationName", "overwrite"] : undefined),
    enumAt: () => undefined,
};
