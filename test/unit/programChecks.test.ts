import * as pulumi from "@pulumi/pulumi";
import { keysThatCannotTravel } from "../../sdk/programChecks";

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
