import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../../provider/kinds";
import * as sdk from "../../sdk";
import { keysThatCannotTravel } from "../../sdk/programChecks";
import { inputsOf, loadCorpus } from "../fixtures/hostile/corpus";
import { sdkClassOf } from "../support/kindSources";

describe("__proto__ keys, which the Pulumi SDK drops, are found before serialization", () => {
    test("a __proto__ key parsed from JSON is named by its path", () => {
        const args = JSON.parse('{"imageManifest": {"properties": {"__proto__": "x", "a": 1}, "tilesets": [{"__proto__": {}}]}}');
        expect(keysThatCannotTravel(args, "args").sort()).toEqual([
            "args.imageManifest.properties.__proto__",
            "args.imageManifest.tilesets[0].__proto__",
        ]);
    });

    test("constructor and toString keys travel and are not reported", () => {
        expect(keysThatCannotTravel({ properties: { constructor: 1, toString: 2 } }, "args")).toEqual([]);
    });

    test("values inside outputs are not looked into, and deep values do not overflow the stack", () => {
        let deep: unknown = 1;
        for (let i = 0; i < 100_000; i++) deep = { a: deep };
        expect(keysThatCannotTravel({ o: pulumi.output({}), deep }, "args")).toEqual([]);
    });
});

describe("the program-side checks run for every kind", () => {
    const withProto = (json: string) => JSON.parse(json) as Record<string, unknown>;
    test.each([
        [
            "ImageCollection",
            () =>
                new sdk.ImageCollection(
                    "c",
                    withProto('{"name": "projects/p/assets/c", "properties": {"__proto__": 1}}') as sdk.ImageCollectionArgs,
                ),
            "args.properties.__proto__",
        ],
        [
            "Folder",
            () => new sdk.Folder("f", withProto('{"name": "projects/p/assets/f", "__proto__": {}}') as sdk.FolderArgs),
            "args.__proto__",
        ],
        [
            "AssetIamPolicy",
            () =>
                new sdk.AssetIamPolicy(
                    "p",
                    withProto('{"assetName": "projects/p/assets/a", "bindings": [{"__proto__": 1}]}') as sdk.AssetIamPolicyArgs,
                ),
            "args.bindings[0].__proto__",
        ],
    ])("%s: a __proto__ key is refused by name before the SDK could drop it", (typeName, construct, path) => {
        expect(construct).toThrow(pulumi.RunError);
        expect(construct).toThrow(`${typeName} `);
        expect(construct).toThrow(path);
    });

    // The hostile corpus's case as test/e2e/hostile-program reads it (a JSON file, so the key is the
    // object's own): the program stops with the path; that the engine prints a program's RunError as its
    // message alone is test/e2e/timeseries.test.ts's step 2.
    test("ExternalImage: the hostile corpus's __proto__ property key is refused by its path under imageManifest", () => {
        const hostile = loadCorpus().find((c) => c.name === "a __proto__ property key is kept as data");
        if (!hostile) throw new Error("no corpus case for a __proto__ property key");
        const args = JSON.parse(JSON.stringify(inputsOf(hostile))) as sdk.ExternalImageArgs;
        const construct = () => new sdk.ExternalImage("proto", args);
        expect(construct).toThrow(pulumi.RunError);
        expect(construct).toThrow('ExternalImage proto: the key "__proto__" at args.imageManifest.properties.__proto__ cannot be passed');
    });

    // Every registered kind, by its SDK class of the same name: a new kind is covered without a line here.
    test.each(KINDS.map((kind) => kind.typeName))("%s (from the registry): a __proto__ key in its args is refused by name", (typeName) => {
        const Class = sdkClassOf(typeName);
        const construct = () => new Class("r", withProto('{"project": "p", "__proto__": {}}'));
        expect(construct).toThrow(pulumi.RunError);
        expect(construct).toThrow(`${typeName} r: the key "__proto__" at args.__proto__ cannot be passed`);
    });
});
