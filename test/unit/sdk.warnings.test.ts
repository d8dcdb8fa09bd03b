import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { ImageManifestArgs } from "../../sdk";

// Program-side warnings: the ExternalImage constructor logs them through pulumi.log. The engine is
// mocked (setMocks) because the behaviour under test runs in the program, not in the engine.
const FIXTURES = path.join(__dirname, "../fixtures/manifests");
const manifestOf = (kind: string, file: string) =>
    (JSON.parse(fs.readFileSync(path.join(FIXTURES, kind, file), "utf8")) as { manifest: ImageManifestArgs }).manifest;

/** The inputs each resource was registered with, by name. */
const registered = new Map<string, Record<string, unknown>>();

pulumi.runtime.setMocks(
    {
        newResource: (args) => {
            registered.set(args.name, args.inputs);
            return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
);

// Imported after setMocks, as the SDK's resources must be constructed under the mocks.
const { ExternalImage, ExternalImageSet } = require("../../sdk") as typeof import("../../sdk");

const settled = (resource: pulumi.CustomResource) => new Promise((resolve) => resource.urn.apply(resolve));
let warn: jest.SpyInstance;

beforeEach(() => {
    warn = jest.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
});
afterEach(() => warn.mockRestore());

test("a manifest Earth Engine accepts but that looks wrong is warned about once, naming the resource, path and fix", async () => {
    const image = new ExternalImage("dims", { imageManifest: manifestOf("warned", "dimensions-without-skip-metadata-read.json") });
    await settled(image);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
        "imageManifest.tilesets[0].sources[0].dimensions: dimensions are only used with skipMetadataRead: true; Earth Engine reads the size from the file and ignores them",
        image,
    );
});

test("a clean manifest gives no warning", async () => {
    const image = new ExternalImage("clean", { imageManifest: manifestOf("normalised", "legacy-keys-modern.json") });
    await settled(image);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warn).not.toHaveBeenCalled();
});

test("a manifest with a value still unknown gives no warning", async () => {
    const unknownUri = pulumi.output(pulumi.Output.create("gs://b/x.tif").apply(() => pulumi.unknown as unknown as string));
    expect(await (unknownUri as unknown as { isKnown: Promise<boolean> }).isKnown).toBe(false);
    const manifest = manifestOf("warned", "dimensions-without-skip-metadata-read.json");
    const image = new ExternalImage("unknown", {
        imageManifest: { ...(manifest as object), uriPrefix: unknownUri } as unknown as ImageManifestArgs,
    });
    await settled(image);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warn).not.toHaveBeenCalled();
});

describe("ExternalImageSet: each image's warnings at images.<key>, bounded however many images", () => {
    const { name: _, ...warned } = manifestOf("warned", "dimensions-without-skip-metadata-read.json") as Record<string, unknown>;
    const { name: __, ...clean } = manifestOf("normalised", "legacy-keys-modern.json") as Record<string, unknown>;
    const DIMENSIONS = "dimensions are only used with skipMetadataRead: true; Earth Engine reads the size from the file and ignores them";

    test("one image: its path and the message, as ExternalImage words it", async () => {
        const set = new ExternalImageSet("one", { parent: "projects/p/assets/f", images: { a: clean, b: warned } as never });
        await settled(set);
        expect(warn.mock.calls).toEqual([[`images.b.tilesets[0].sources[0].dimensions: ${DIMENSIONS}`, set]]);
    });

    // 50 images show the bound (one line, not 50); the cost per image here is the mocked engine's
    // serialization of the inputs (2.5 s at 1,000). Sets of 10,000 images: the bench's batch mode.
    test("fifty images with one warning: one line naming three and counting the rest", async () => {
        const images = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`d${i}`, warned]));
        const set = new ExternalImageSet("many", { parent: "projects/p/assets/f", images: images as never });
        await settled(set);
        expect(warn.mock.calls).toEqual([
            [
                `images.d0.tilesets[0].sources[0].dimensions, images.d1.tilesets[0].sources[0].dimensions, images.d2.tilesets[0].sources[0].dimensions (and the same in 47 more images): ${DIMENSIONS}`,
                set,
            ],
        ]);
    });

    test("images given as outputs are warned about once they resolve; clean images give none", async () => {
        const set = new ExternalImageSet("later", { parent: "projects/p/assets/f", images: pulumi.output({ b: warned }) as never });
        await settled(set);
        await new Promise((resolve) => setImmediate(resolve));
        expect(warn.mock.calls).toEqual([[`images.b.tilesets[0].sources[0].dimensions: ${DIMENSIONS}`, set]]);
        warn.mockClear();
        await settled(new ExternalImageSet("clean", { parent: "projects/p/assets/f", images: { a: clean } as never }));
        expect(warn).not.toHaveBeenCalled();
    });
});

test("ExternalImageSet hands its ignoreChanges paths under images to check (which applies them in either spelling)", async () => {
    const set = new ExternalImageSet(
        "ignoring",
        { parent: "projects/p/assets/f", images: {} },
        { ignoreChanges: ["images[*].properties", "parent"] },
    );
    await settled(set);
    expect(registered.get("ignoring")?.ignoreChanges).toEqual(["images[*].properties"]);
    await settled(new ExternalImageSet("plain", { parent: "projects/p/assets/f", images: {} }));
    expect(registered.get("plain")).not.toHaveProperty("ignoreChanges");
});
