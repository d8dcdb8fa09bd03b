/** Earth Engine's wire contract: the messages' TypeScript types and the generated field table. */
export * from "./contract";
export * from "./enums";
export type * from "./types";
