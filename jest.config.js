const os = require("node:os");
const { swcOptions } = require("./scripts/swcOptions");

/**
 * One `npm test` for everything, as three projects that run side by side on every core:
 *   unit         pure functions, no I/O            (npm run test:unit)
 *   integration  the emulator and official clients (npm run test:integration; test/integration, test/conformance
 *                and any other folder under test/ that is neither unit nor e2e)
 *   e2e          the built package through the real engine (npm run test:e2e); its global setup
 *                resolves the Pulumi CLI, the SDK floor and the packed package once, for every worker.
 * Test files are transpiled only, each file alone (swc, with tsconfig.json's target and module):
 * type errors are `npm run lint`'s job (`tsc --noEmit` covers test/), so a run does not type-check
 * each file again per worker. Jest's transform cache is keyed by the file's path, so a fresh clone
 * transpiles every file again: swc took 22 CPU-seconds less than ts-jest's TypeScript transpiler for
 * the unit and integration projects from an empty cache (104 against 126.5).
 */
const swc = (syntax) => ["@swc/jest", swcOptions(syntax)];

const common = {
    testEnvironment: "node",
    testMatch: ["**/*.test.ts"],
    transform: {
        "^.+\\.ts$": swc("typescript"),
        // geotiff.js requires quick-lru 6, which is ESM-only: Node 20 loads it with require(), Jest's
        // module system does not, so Jest transpiles that one package to CommonJS.
        "/node_modules/quick-lru/.+\\.js$": swc("ecmascript"),
    },
    transformIgnorePatterns: ["/node_modules/(?!quick-lru/)"],
    // Keeps the stdin the Pulumi SDK opens from holding a worker open after its last suite.
    setupFiles: ["<rootDir>/test/workerStdin.ts"],
};

module.exports = {
    // One worker per core (Jest's default leaves one idle). A third worker on 2 cores was measured
    // and gained nothing: warm CI's jest took 550 s with either, the cores already busy 1.8-1.9 of 2.
    maxWorkers: os.availableParallelism(),
    // The longest suites first (their last durations, else test/suiteSeconds.json), so the workers finish together.
    testSequencer: "<rootDir>/test/longestFirst.js",
    testTimeout: 30000,
    projects: [
        { ...common, displayName: "unit", roots: ["<rootDir>/test/unit"] },
        {
            ...common,
            displayName: "integration",
            roots: ["<rootDir>/test"],
            testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/unit/", "<rootDir>/test/e2e/"],
        },
        {
            ...common,
            displayName: "e2e",
            roots: ["<rootDir>/test/e2e"],
            globalSetup: "<rootDir>/test/e2e/support/globalSetup.ts",
            globalTeardown: "<rootDir>/test/e2e/support/globalTeardown.ts",
        },
    ],
};
