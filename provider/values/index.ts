/**
 * Kind-agnostic pieces of `check` and `diff`, below every other folder of provider/ (the manifest,
 * the client and the kinds all use them): plain values compared and copied, the engine's unknown
 * values, check failures with their bounds and paths, the typo suggestion, and Earth Engine asset
 * names (their form, legacy ids, length limit and the one schema every kind checks them with).
 */
export {
    ASSET_NAME_HINT,
    assetIdSegmentProblem,
    assetNameLengthProblem,
    assetNameSchema,
    LEGACY_PROJECT,
    MAX_ASSET_NAME_BYTES,
    normalizeAssetName,
    parentAssetName,
    parseAssetName,
} from "./assetName";
export { canonicalJson, dropUndefined, isObject, sameValue } from "./compare";
export {
    boundFailures,
    type CheckFailure,
    formatPath,
    MAX_FAILURES,
    MAX_LISTED,
    MAX_PATH_CHARS,
    MAX_QUOTED_CHARS,
    MAX_REASON_CHARS,
    quote,
    quoteList,
    truncate,
} from "./failures";
export { closestName } from "./suggest";
export { containsUnknown, isUnknown, UNKNOWN_SENTINELS } from "./unknown";
