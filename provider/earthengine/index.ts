export { type AuthHeaders, type AuthSource, authSourceFor, EARTHENGINE_SCOPES } from "./auth";
export { EarthEngineClient, type EarthEngineClientOptions, type ImportOptions, type ListOptions } from "./client";
export * from "./errors";
export { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, type RetryPolicy, retryDelayMs } from "./retry";
export * from "./settings";
export * from "./types";
