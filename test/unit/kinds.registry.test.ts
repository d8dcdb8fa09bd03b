import * as fs from "node:fs";
import * as path from "node:path";
import { KINDS, resourceProviders } from "../../provider/kinds";
import { outputKeysOf } from "../../provider/resource/contract";
import { shimModuleOf } from "../../provider/shim/define";
import * as sdk from "../../sdk";
import { contractsIn, folderOf, importsOf, linesMatching, ROOT, sdkClassOf, sdkClassSource } from "../support/kindSources";

// Every registered kind follows the one shape (CONTRIBUTING.md, "Adding a resource kind"):
// provider/<kind>/{contract,plan,kind}.ts, one registry entry, provider/shim/<kind>.ts and an SDK
// class built over the contract. A kind that skips a piece fails here, by name, saying what to do.
const TYPE_NAMES = KINDS.map((kind) => kind.typeName);
/** The shim file a kind's state stores (`__provider`), from the repository root, without extension. */
const shimFileOf = (typeName: string) => shimModuleOf(typeName).replace(/^pulumi-earthengine\//, "");

/** Fails with `message` (what is wrong and what to do) unless nothing was found. */
function expectNone(found: string[], message: (found: string[]) => string): void {
    if (found.length > 0) throw new Error(message(found));
}

// Written out, not derived from the registry: every stack stores its resources' type names
// (`pulumi-nodejs:dynamic/earthengine:<typeName>`), so renaming or dropping one breaks existing
// stacks. A new kind adds its type name here; that is the one step this list asks for.
const STORED_TYPE_NAMES = [
    "AssetIamBinding",
    "AssetIamMember",
    "AssetIamPolicy",
    "ExternalImage",
    "ExternalImageSet",
    "Folder",
    "ImageCollection",
];

test("the registry holds every kind, each once, under a type name listed here, and serves a provider for each", () => {
    expectNone(
        TYPE_NAMES.filter((name) => !STORED_TYPE_NAMES.includes(name)),
        (names) =>
            `${names.join(", ")}: registered in provider/kinds.ts but not in STORED_TYPE_NAMES (test/unit/kinds.registry.test.ts). ` +
            "Add the type name there: the list guards the type names stored in every stack's state.",
    );
    expectNone(
        STORED_TYPE_NAMES.filter((name) => !TYPE_NAMES.includes(name)),
        (names) =>
            `${names.join(", ")}: no longer registered in provider/kinds.ts. Every stack holding one stores that type name, ` +
            "so a rename or removal breaks it: keep the kind registered under its name (test/e2e/upgrade.test.ts proves a stack of the last release still previews no change).",
    );
    expect(new Set(TYPE_NAMES).size).toBe(TYPE_NAMES.length);
    expect(Object.keys(resourceProviders).sort()).toEqual([...TYPE_NAMES].sort());
});

/** What a contract may import: nothing that carries provider code, since sdk/ loads every contract. */
const CONTRACT_IMPORTS =
    /^(zod|\.\.\/(manifest\/(schema|imageManifest)|resource\/(contract|fields)|values\/\w+|iam\/schemas|\w+\/contract))$/;

describe.each(TYPE_NAMES)("%s", (typeName) => {
    const dir = path.join(ROOT, "provider", folderOf(typeName));

    test("has its folder with contract.ts, plan.ts and kind.ts", () => {
        for (const file of ["contract.ts", "plan.ts", "kind.ts"]) expect(fs.existsSync(path.join(dir, file))).toBe(true);
    });

    test("its contract names the kind and carries no implementation (no provider code imported)", () => {
        const contracts = contractsIn(folderOf(typeName));
        expect(contracts.map((c) => c.typeName)).toEqual([typeName]);
        expect(Object.keys(contracts[0].inputs.shape)).toContain("project");
        expectNone(
            importsOf(fs.readFileSync(path.join(dir, "contract.ts"), "utf8")).filter((imported) => !CONTRACT_IMPORTS.test(imported)),
            (outside) =>
                `provider/${folderOf(typeName)}/contract.ts imports ${outside.join(", ")}: contracts import only zod, ../manifest/schema, ` +
                "../manifest/imageManifest, ../resource/contract, ../resource/fields, ../values/<any>, ../iam/schemas and other kinds' " +
                "contracts (sdk/ loads them, so they carry no provider code); move shared schema pieces to provider/values or resource/fields.",
        );
    });

    test("its kind module exports the registered kind", () => {
        const kinds = Object.values(require(path.join(dir, "kind"))) as { typeName?: string }[];
        expect(kinds.filter((k) => k.typeName === typeName)).toHaveLength(1);
        expect(KINDS).toContain(kinds.find((k) => k.typeName === typeName));
    });

    test("its plan module exports a pure plan (no Earth Engine client, no engine)", () => {
        expect(Object.keys(require(path.join(dir, "plan"))).length).toBeGreaterThan(0);
        expectNone(
            linesMatching(fs.readFileSync(path.join(dir, "plan.ts"), "utf8"), /client|@pulumi\/pulumi|async /),
            (lines) =>
                `provider/${folderOf(typeName)}/plan.ts must stay pure (no Earth Engine client, no Pulumi engine, nothing async: diff and update both run it), but has ${lines.join("; ")}`,
        );
    });

    test("has a shim module that loads its provider from the registry", () => {
        expect(fs.readFileSync(path.join(ROOT, `${shimFileOf(typeName)}.ts`), "utf8")).toContain(`shimFor("${typeName}")`);
    });

    test("has an SDK class exported from sdk/index.ts and named in its header comment", () => {
        expect(sdkClassOf(typeName).prototype).toBeInstanceOf(sdk.EarthEngineResource);
        const header = fs.readFileSync(path.join(ROOT, "sdk/index.ts"), "utf8").split("*/")[0];
        expectNone(
            new RegExp(`\\bee\\.${typeName}\\b`).test(header) ? [] : [typeName],
            () => `Name ee.${typeName} in the class list of sdk/index.ts's header comment.`,
        );
    });

    test("its SDK class is built over its contract and its own kind's shim (args and outputs come from the contract, written once)", () => {
        const found = sdkClassSource(typeName);
        if (found === undefined)
            throw new Error(`No file under sdk/ declares class ${typeName}: add sdk/${folderOf(typeName)}.ts (CONTRIBUTING.md).`);
        const contract = `${folderOf(typeName)}Contract`;
        const source = fs.readFileSync(path.join(ROOT, found.file), "utf8");
        expect(source).toContain(`const ${typeName}Base: EarthEngineResourceClass<typeof ${contract}> = withOutputsOf();`);
        expect(found.base).toBe(`${typeName}Base`);
        expect(found.contract).toBe(contract);
        // State stores the shim's module as the resource's provider: another kind's would run that kind's code.
        expectNone(
            found.shimModule === shimFileOf(typeName) ? [] : [found.shimModule ?? "no imported shim"],
            ([given]) =>
                `${typeName} (${found.file}) hands super ${given} as its shim; it must be its own kind's: ` +
                `import ${folderOf(typeName)}Shim = require("../${shimFileOf(typeName)}");`,
        );
        const outputs = outputKeysOf(contractsIn(folderOf(typeName))[0]);
        expectNone(
            [...new Set([...found.declaredOutputs, ...found.properties.filter((property) => outputs.includes(property))])],
            (names) =>
                `${typeName} (${found.file}) declares ${names.join(", ")} itself: outputs are declared once, in the contract ` +
                `(provider/${folderOf(typeName)}/contract.ts), and ${typeName}Base gives the class every one of them.`,
        );
    });
});
