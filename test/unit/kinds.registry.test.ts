import * as fs from "node:fs";
import * as path from "node:path";
import { KINDS, resourceProviders } from "../../provider/kinds";
import type { KindContract } from "../../provider/resource/contract";
import { shimModuleOf } from "../../provider/shim/define";
import * as sdk from "../../sdk";

// Every registered kind follows the one shape (CONTRIBUTING.md, "Adding a resource kind"):
// provider/<kind>/{contract,plan,kind}.ts, one registry line, provider/shim/<kind>.ts and an SDK
// class built over the contract. A kind that skips a piece fails here, by name.
const ROOT = path.resolve(__dirname, "../..");
const folderOf = (typeName: string) => `${typeName[0].toLowerCase()}${typeName.slice(1)}`;
const TYPE_NAMES = KINDS.map((kind) => kind.typeName);
const contractsIn = (dir: string) =>
    (Object.values(require(path.join(dir, "contract"))) as object[]).filter((value): value is KindContract => "typeName" in value);

test("the registry holds every kind, each once, and serves a provider for each", () => {
    expect([...TYPE_NAMES].sort()).toEqual([
        "AssetIamBinding",
        "AssetIamMember",
        "AssetIamPolicy",
        "ExternalImage",
        "ExternalImageSet",
        "Folder",
        "ImageCollection",
    ]);
    expect(new Set(TYPE_NAMES).size).toBe(TYPE_NAMES.length);
    expect(Object.keys(resourceProviders).sort()).toEqual([...TYPE_NAMES].sort());
});

describe.each(TYPE_NAMES)("%s", (typeName) => {
    const dir = path.join(ROOT, "provider", folderOf(typeName));

    test("has its folder with contract.ts, plan.ts and kind.ts", () => {
        for (const file of ["contract.ts", "plan.ts", "kind.ts"]) expect(fs.existsSync(path.join(dir, file))).toBe(true);
    });

    test("its contract names the kind and carries no implementation (no provider code imported)", () => {
        const contracts = contractsIn(dir);
        expect(contracts.map((c) => c.typeName)).toEqual([typeName]);
        expect(Object.keys(contracts[0].inputs.shape)).toContain("project");
        const source = fs.readFileSync(path.join(dir, "contract.ts"), "utf8");
        const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
        for (const imported of imports)
            expect(imported).toMatch(
                /^(zod|\.\.\/(manifest\/(schema|imageManifest)|resource\/(contract|fields)|values\/assetName|iam\/schemas|folder\/contract))$/,
            );
    });

    test("its kind module exports the registered kind", () => {
        const kinds = Object.values(require(path.join(dir, "kind"))) as { typeName?: string }[];
        expect(kinds.filter((k) => k.typeName === typeName)).toHaveLength(1);
        expect(KINDS).toContain(kinds.find((k) => k.typeName === typeName));
    });

    test("its plan module exports a pure plan (no Earth Engine client, no engine)", () => {
        expect(Object.keys(require(path.join(dir, "plan"))).length).toBeGreaterThan(0);
        const source = fs.readFileSync(path.join(dir, "plan.ts"), "utf8");
        expect(source).not.toMatch(/client|@pulumi\/pulumi|async /);
    });

    test("has a shim module that loads its provider from the registry", () => {
        const shimFile = path.join(ROOT, `${shimModuleOf(typeName).replace(/^pulumi-earthengine\//, "")}.ts`);
        expect(fs.readFileSync(shimFile, "utf8")).toContain(`shimFor("${typeName}")`);
    });

    test("has an SDK class built over its contract (args and outputs come from the contract, written once)", () => {
        const Class = (sdk as Record<string, unknown>)[typeName] as { prototype: object };
        expect(Class?.prototype).toBeInstanceOf(sdk.EarthEngineResource);
        const contract = `${folderOf(typeName)}Contract`;
        const source = fs
            .readdirSync(path.join(ROOT, "sdk"))
            .filter((file) => file.endsWith(".ts"))
            .map((file) => fs.readFileSync(path.join(ROOT, "sdk", file), "utf8"))
            .find((text) => text.includes(`export class ${typeName} `));
        expect(source).toContain(`const ${typeName}Base: EarthEngineResourceClass<typeof ${contract}> = withOutputsOf();`);
        expect(source).toContain(`export class ${typeName} extends ${typeName}Base {`);
        expect(source).toContain(`super(${folderOf(typeName)}Shim, ${contract}, name, `);
        expect(source).not.toMatch(/declare readonly/);
    });
});
