export * from "./enums";
export { describeFields, fieldsAt } from "./fields";
export { camelizeKeys } from "./keys";
export { LEGACY_PROJECT, normalizeAssetName, parentAssetName, parseAssetName } from "./names";
export { MAX_MANIFEST_BYTES } from "./rules";
export * from "./schema";
export { formatEpochNanos, isRfc3339, normalizeTimestamp, toEpochNanos } from "./timestamps";
export { containsUnknown, isUnknown, UNKNOWN_SENTINELS } from "./unknown";
export { formatPath, type ManifestFailure, type ManifestValidation, validateManifest } from "./validate";
