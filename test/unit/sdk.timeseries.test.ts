import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

// ExternalImageCollection's checks of plain entries run in its constructor, before any resource
// is registered. The engine is mocked (setMocks): the behaviour under test is the program's.
const ENTRIES = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/timeseries/entries.json"), "utf8")) as Record<
    string,
    Record<string, unknown>
>;

const registered: string[] = [];
pulumi.runtime.setMocks(
    {
        newResource: (args) => {
            registered.push(args.type);
            // A container's provider echoes its name as assetName.
            return { id: `${args.name}-id`, state: { assetName: args.inputs.name, ...args.inputs } };
        },
        call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
);
const { ExternalImageCollection } = require("../../sdk") as typeof import("../../sdk");

const many = (count: number, entry: Record<string, unknown>) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, entry]));

/** The error the constructor throws, or undefined. */
function constructionError(args: ConstructorParameters<typeof ExternalImageCollection>[1]): pulumi.ResourceError | undefined {
    try {
        new ExternalImageCollection("ndvi", args);
        return undefined;
    } catch (error) {
        return error as pulumi.ResourceError;
    }
}

beforeEach(() => {
    registered.length = 0;
});

test("500 bad plain entries: one short error from the constructor, no stack, no image registered", () => {
    const error = constructionError({ name: "projects/p/assets/c", images: many(500, ENTRIES.uriAndTilesets) });
    expect(pulumi.ResourceError.isInstance(error)).toBe(true);
    expect(error?.hideStack).toBe(true);
    const lines = error?.message.split("\n") ?? [];
    expect(lines[0]).toBe('ExternalImageCollection "ndvi" cannot declare its images:');
    expect(lines[1]).toBe("  images.k0.uri: give either uri (one COG) or tilesets, not both");
    expect(lines).toHaveLength(22);
    expect(lines[21]).toBe("  ... and 480 more");
    expect(registered.filter((type) => type.includes("ExternalImage") && !type.includes("Collection"))).toEqual([]);
});

test("a bad defaults value is reported once, not once per entry", () => {
    const error = constructionError({
        name: "projects/p/assets/c",
        defaults: "MEAN" as unknown as Record<string, unknown>,
        images: many(500, ENTRIES.good),
    });
    expect(error?.message.split("\n").slice(1)).toEqual([
        '  defaults: defaults is an image manifest without name (an object), got the string "MEAN"',
    ]);
});

test("bad keys and bad entries are reported together", () => {
    const error = constructionError({ name: "projects/p/assets/c", images: { "2024.01": ENTRIES.good, k1: ENTRIES.uriAndTilesets } });
    expect(error?.message).toMatch(/images\["2024\.01"\]: a key is an asset id/);
    expect(error?.message).toMatch(/images\.k1\.uri: give either uri/);
});

test("a __proto__ key in an entry's or the defaults' properties is refused by name, not dropped on its way to the image", () => {
    const { properties } = ENTRIES.protoProperty;
    const error = constructionError({
        name: "projects/p/assets/c",
        defaults: { properties } as Record<string, unknown>,
        images: { k0: ENTRIES.protoProperty, k1: ENTRIES.good },
    });
    const lines = error?.message.split("\n") ?? [];
    expect(lines).toContain(
        '  defaults.properties.__proto__: the key "__proto__" cannot be passed to the Pulumi engine (its SDK drops it without a word); rename the key',
    );
    expect(lines).toContain(
        '  images.k0.properties.__proto__: the key "__proto__" cannot be passed to the Pulumi engine (its SDK drops it without a word); rename the key',
    );
    expect(lines.filter((line) => line.startsWith("  defaults."))).toHaveLength(1); // once, not once per entry
    expect(registered.filter((type) => type.includes("ExternalImage") && !type.includes("Collection"))).toEqual([]);
});

test("good plain entries register the collection and one image each", async () => {
    const series = new ExternalImageCollection("ok", { name: "projects/p/assets/c", images: many(3, ENTRIES.good) });
    await new Promise((resolve) => series.images.k2.urn.apply(resolve));
    expect(Object.keys(series.images)).toEqual(["k0", "k1", "k2"]);
});

test("batch mode registers the collection and one ExternalImageSet holding every merged entry", async () => {
    const series = new ExternalImageCollection("batched", { name: "projects/p/assets/c", images: many(3, ENTRIES.good), batch: true });
    const names = await new Promise<Record<string, string>>((resolve) => series.imageNames.apply(resolve));
    expect(registered.filter((type) => type.endsWith(":ExternalImageSet"))).toHaveLength(1);
    expect(registered.filter((type) => type.endsWith(":ExternalImage"))).toEqual([]);
    expect(series.images).toEqual({});
    expect(names).toEqual({ k0: "projects/p/assets/c/k0", k1: "projects/p/assets/c/k1", k2: "projects/p/assets/c/k2" });
});
