import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { ImageManifestArgs } from "../../sdk";

// Program-side warnings: the ExternalImage constructor logs them through pulumi.log. The engine is
// mocked (setMocks) because the behaviour under test runs in the program, not in the engine.
const FIXTURES = path.join(__dirname, "../fixtures/manifests");
const manifestOf = (kind: string, file: string) =>
    (JSON.parse(fs.readFileSync(path.join(FIXTURES, kind, file), "utf8")) as { manifest: ImageManifestArgs }).manifest;

pulumi.runtime.setMocks(
    {
        newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
        call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
);

// Imported after setMocks, as the SDK's resources must be constructed under the mocks.
const { ExternalImage } = require("../../sdk") as typeof import("../../sdk");

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
