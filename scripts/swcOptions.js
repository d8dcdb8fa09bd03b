// How the tests and scripts/register-ts.js transpile TypeScript without a compile step: swc, each file
// alone (as tsconfig.json's isolatedModules allows), to tsconfig.json's target and module. Type errors
// are `npm run lint`'s (tsc --noEmit).
//
//   swcOptions("typescript" | "ecmascript") -> options for @swc/core's transform, as @swc/jest takes them
exports.swcOptions = (syntax) => ({
    jsc: { parser: { syntax }, target: "es2022" },
    module: { type: "commonjs" },
    sourceMaps: "inline",
    swcrc: false,
});
