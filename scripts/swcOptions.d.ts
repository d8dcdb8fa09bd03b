import type { Options } from "@swc/core";

/** Options for @swc/core's transform (and @swc/jest): `syntax` parsed, emitted as tsconfig.json's target and module, with an inline source map. */
export function swcOptions(syntax: "typescript" | "ecmascript"): Options;
