export { type AuthHeaders, type AuthSource, authSourceFor, EARTHENGINE_SCOPES } from "./auth";
export { EarthEngineClient, type EarthEngineClientOptions, type ImportOptions, type ListOptions } from "./client";
export * from "./errors";
export { createLimiter, DEFAULT_LIMITS, type Limiter, limiterFor, type RequestLimits } from "./limiter";
export { DEFAULT_REQUEST_TIMEOUT_MS, type ReliabilitySettings, reliabilityFrom } from "./reliability";
export * from "./retry";
export * from "./settings";
export type { AmbiguityResolver } from "./transport";
export * from "./types";
