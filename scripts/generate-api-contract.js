#!/usr/bin/env node
/**
 * Regenerates api/contract.json, the Earth Engine wire contract the emulator validates requests
 * with: per message its fields, which are messages, lists, maps or enums (from the generated API
 * classes of the pinned official JavaScript client, @google/earthengine), and each scalar field's
 * type (from the REST reference, api/rest-scalar-types.json, which cites its pages). Run after
 * upgrading @google/earthengine: `node scripts/generate-api-contract.js`; the test
 * test/unit/apiContract.test.ts fails while the committed file and the pinned client disagree.
 */
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.join(__dirname, "..");
const CONTRACT_PATH = path.join(ROOT, "api", "contract.json");
const SCALARS_PATH = path.join(ROOT, "api", "rest-scalar-types.json");

/** The request and response messages of the methods the emulator serves. */
const ROOTS = [
    "ImportExternalImageRequest",
    "EarthEngineAsset",
    "UpdateAssetRequest",
    "MoveAssetRequest",
    "CopyAssetRequest",
    "GetIamPolicyRequest",
    "SetIamPolicyRequest",
    "Policy",
    "ListAssetsResponse",
];

/** The generated API classes (`module$exports$eeapiclient$ee_api_client`) of the pinned client. */
function loadClientClasses() {
    const packageDir = path.dirname(require.resolve("@google/earthengine/package.json", { paths: [ROOT] }));
    const version = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version;
    const source = fs.readFileSync(path.join(packageDir, "build", "ee_api_js_debug.js"), "utf8");
    const sandbox = { console: { log() {}, warn() {}, error() {} }, setTimeout, clearTimeout };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(`${source}\n;this.__eeApiClient = module$exports$eeapiclient$ee_api_client;`, sandbox, {
        filename: "ee_api_js_debug.js",
    });
    return { version, classes: sandbox.__eeApiClient };
}

/** Builds the contract object; throws naming every scalar field the REST table does not type. */
function buildContract() {
    const { version, classes } = loadClientClasses();
    const scalarTable = JSON.parse(fs.readFileSync(SCALARS_PATH, "utf8"));
    const nameOf = new Map(Object.entries(classes).map(([name, value]) => [value, name]));
    const messages = {};
    const enums = {};
    const missing = [];
    const queue = [...ROOTS];
    while (queue.length > 0) {
        const name = queue.shift();
        if (messages[name]) continue;
        const described = scalarTable.messages[name];
        const metadata = new classes[name]().getPartialClassMetadata();
        const fields = {};
        for (const key of [...metadata.keys].sort()) {
            const array = metadata.arrays?.[key];
            const object = metadata.objects?.[key];
            const protoEnum = metadata.enums?.[key];
            const map = metadata.objectMaps?.[key];
            if (array || object) {
                const target = nameOf.get(array ?? object);
                fields[key] = { message: target, ...(array ? { repeated: true } : {}) };
                if (scalarTable.messages[target] || ROOTS.includes(target)) queue.push(target);
                else fields[key].opaque = true;
            } else if (protoEnum) {
                const enumName = enumTypeName(classes[name], protoEnum, name);
                fields[key] = { enum: enumName };
                enums[enumName] = protoEnum.values();
            } else if (map) {
                fields[key] = { map: map.ctor ? nameOf.get(map.ctor) : "Value" };
            } else {
                const type = described?.fields?.[key];
                if (!type) missing.push(`${name}.${key}`);
                fields[key] = { scalar: type };
            }
        }
        messages[name] = { source: described?.source, fields };
    }
    if (missing.length > 0) {
        throw new Error(`api/rest-scalar-types.json gives no REST type for: ${missing.join(", ")}`);
    }
    return {
        generatedBy: "scripts/generate-api-contract.js",
        client: { package: "@google/earthengine", version, file: "build/ee_api_js_debug.js" },
        scalarTypes: "api/rest-scalar-types.json",
        messages,
        enums: Object.fromEntries(Object.entries(enums).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
}

/** Google names a nested enum after its message: the class's static getter that returns it. */
function enumTypeName(messageClass, protoEnum, messageName) {
    for (const key of Object.getOwnPropertyNames(messageClass)) {
        const descriptor = Object.getOwnPropertyDescriptor(messageClass, key);
        if (descriptor?.get && descriptor.get() === protoEnum) return `${messageName}.${key}`;
    }
    throw new Error(`${messageName}: no nested enum name for a field's enum`);
}

module.exports = { buildContract, CONTRACT_PATH };

if (require.main === module) {
    fs.writeFileSync(CONTRACT_PATH, `${JSON.stringify(buildContract(), null, 4)}\n`);
    console.log(`wrote ${path.relative(ROOT, CONTRACT_PATH)}`);
}
