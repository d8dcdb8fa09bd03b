import { readFileSync } from "node:fs";
import path from "node:path";
import { resourceProviders } from "../../provider/kinds";
import { HEADER_WARNING_BYTES, setWarningSink } from "../../provider/preflight";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { padHeader } from "../support/paddedTiff";

// Every preflight rule through the provider's check, as the engine calls it, against
// fake-gcs-server read by @google-cloud/storage (no Earth Engine call is made at check).
const image = resourceProviders.ExternalImage;
const set = resourceProviders.ExternalImageSet;
const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/cog", name));
const TOKEN = "integration-token-5b1e";
const CLOSED_PORT_ENDPOINT = "http://127.0.0.1:9";

let gcs: FakeGcs;
let europe: FakeGcs;
let validGeneration: string;
const warnings: string[] = [];

beforeAll(async () => {
    [gcs, europe] = await Promise.all([startFakeGcs(), startFakeGcs({ location: "EUROPE-WEST1" })]);
    await gcs.createBucket("cogs");
    await europe.createBucket("eu-cogs");
    validGeneration = (await gcs.putObject("cogs", "valid.tif", fixture("valid.tif"))).generation;
    for (const name of ["stripped.tif", "no-overviews.tif", "no-crs.tif", "not-a-tiff.png"])
        await gcs.putObject("cogs", name, fixture(name));
    await gcs.putObject("cogs", "padded.tif", padHeader(fixture("valid.tif"), HEADER_WARNING_BYTES + 1));
    await gcs.putObject("cogs", "empty.tif", Buffer.alloc(0)); // no first byte to read: Cloud Storage answers 416
    await europe.putObject("eu-cogs", "valid.tif", fixture("valid.tif"));
    setWarningSink((message) => void warnings.push(message));
});
afterAll(async () => {
    setWarningSink(undefined);
    await Promise.all([gcs?.stop(), europe?.stop()]);
});

async function configure(values: Record<string, string>) {
    const all: Record<string, string> = { "earthengine:endpoint": "http://127.0.0.1:1", "earthengine:accessToken": TOKEN, ...values };
    const config = { get: (key: string) => all[key], require: (key: string) => all[key] };
    await image.configure({ config });
    warnings.length = 0;
}

beforeEach(() => configure({ "earthengine:cloudStorageEndpoint": gcs.endpoint }));

const inputs = (uri: string, extra: Record<string, unknown> = {}) => ({
    imageManifest: { name: "projects/p/assets/a", tilesets: [{ sources: [{ uris: [uri] }] }], ...extra },
});
const SOURCE = "imageManifest.tilesets[0].sources[0].uris[0]";

async function failuresOf(news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
    return (await image.check(olds, news)).failures ?? [];
}

describe("each rule (earthengine:preflight = error, the default)", () => {
    test("a valid COG in a US-CENTRAL1 bucket passes without warnings", async () => {
        expect(await failuresOf(inputs("gs://cogs/valid.tif"))).toEqual([]);
        expect(warnings).toEqual([]);
    });

    test.each([
        ["stripped.tif", SOURCE, /is a GeoTIFF in strips, not tiled/],
        ["not-a-tiff.png", SOURCE, /is not a TIFF/],
        ["empty.tif", SOURCE, /is not a TIFF/],
        ["missing.tif", SOURCE, /does not exist in Cloud Storage/],
        ["no-crs.tif", "imageManifest.tilesets[0].crs", /no coordinate reference system/],
    ])("%s fails on %s", async (name, property, reason) => {
        expect(await failuresOf(inputs(`gs://cogs/${name}`))).toEqual([{ property, reason: expect.stringMatching(reason) }]);
    });

    test("a tilesetBandIndex past the file's bands and a contradicting dataType fail on their paths", async () => {
        const news = inputs("gs://cogs/valid.tif", { bands: [{ id: "b", tilesetBandIndex: 3 }] });
        (news.imageManifest.tilesets[0] as Record<string, unknown>).dataType = "INT16";
        expect((await failuresOf(news)).map((f) => f.property).sort()).toEqual([
            "imageManifest.bands[0].tilesetBandIndex",
            "imageManifest.tilesets[0].dataType",
        ]);
    });

    test("no overviews and a header past the limit are warnings naming the resource and path; check passes", async () => {
        expect(await failuresOf(inputs("gs://cogs/no-overviews.tif"))).toEqual([]);
        expect(await failuresOf(inputs("gs://cogs/padded.tif"))).toEqual([]);
        expect(warnings).toEqual([
            expect.stringMatching(`^projects/p/assets/a: ${SOURCE.replace(/[[\].]/g, "\\$&")}: .*no internal overviews`),
            expect.stringContaining("keeps its header up to byte"),
        ]);
    });

    test("a bucket in EUROPE-WEST1 (a second fake-gcs-server) fails with Google's bucket location rule", async () => {
        await configure({ "earthengine:cloudStorageEndpoint": europe.endpoint });
        expect(await failuresOf(inputs("gs://eu-cogs/valid.tif"))).toEqual([
            { property: SOURCE, reason: expect.stringMatching(/EUROPE-WEST1.*us-central1.*#bucket_location/) },
        ]);
    });
});

describe("what preflight reads", () => {
    test("an unchanged source is not checked again (refresh's job): a stored stripped file passes", async () => {
        const stored = inputs("gs://cogs/stripped.tif");
        expect(await failuresOf(inputs("gs://cogs/stripped.tif", { properties: { a: 1 } }), stored)).toEqual([]);
    });

    test("a #<generation> pin is read as written: the live generation passes, a replaced one is missing", async () => {
        const replaced = (await gcs.putObject("cogs", "replaced.tif", fixture("valid.tif"))).generation;
        await gcs.putObject("cogs", "replaced.tif", fixture("stripped.tif"));
        expect(await failuresOf(inputs(`gs://cogs/valid.tif#${validGeneration}`))).toEqual([]);
        expect(await failuresOf(inputs(`gs://cogs/replaced.tif#${replaced}`))).toEqual([
            { property: SOURCE, reason: expect.stringContaining(`does not exist in Cloud Storage at generation ${replaced}`) },
        ]);
        expect(await failuresOf(inputs("gs://cogs/replaced.tif"))).toEqual([
            { property: SOURCE, reason: expect.stringContaining("in strips") },
        ]);
    });

    test("earthengine:cloudStorageEndpoint wins over STORAGE_EMULATOR_HOST (which the client would take as its base URL)", async () => {
        process.env.STORAGE_EMULATOR_HOST = gcs.host; // as a pipeline with its state in a stand-in bucket sets it
        try {
            await configure({ "earthengine:cloudStorageEndpoint": gcs.endpoint });
            expect(await failuresOf(inputs("gs://cogs/stripped.tif"))).toEqual([
                { property: SOURCE, reason: expect.stringContaining("in strips") },
            ]);
            expect(warnings).toEqual([]);
        } finally {
            delete process.env.STORAGE_EMULATOR_HOST;
        }
    });

    test("unreachable Cloud Storage is one warning per run and no failure", async () => {
        await configure({ "earthengine:cloudStorageEndpoint": CLOSED_PORT_ENDPOINT });
        expect(await failuresOf(inputs("gs://cogs/stripped.tif"))).toEqual([]);
        expect(await failuresOf(inputs("gs://cogs/not-a-tiff.png"))).toEqual([]);
        expect(warnings).toEqual([expect.stringMatching(/preflight could not check gs:\/\/cogs\/stripped\.tif.*could not be reached/)]);
    });
});

describe("earthengine:preflight", () => {
    test("warn: a definite problem is a warning, check passes", async () => {
        await configure({ "earthengine:cloudStorageEndpoint": gcs.endpoint, "earthengine:preflight": "warn" });
        expect(await failuresOf(inputs("gs://cogs/stripped.tif"))).toEqual([]);
        expect(warnings).toContainEqual(expect.stringContaining(`${SOURCE}: gs://cogs/stripped.tif is a GeoTIFF in strips`));
    });

    test("off: no Cloud Storage call (an unreachable endpoint gives no warning)", async () => {
        await configure({ "earthengine:cloudStorageEndpoint": CLOSED_PORT_ENDPOINT, "earthengine:preflight": "off" });
        expect(await failuresOf(inputs("gs://cogs/stripped.tif"))).toEqual([]);
        expect(warnings).toEqual([]);
    });

    test("an unknown mode is a configuration error", async () => {
        await expect(configure({ "earthengine:preflight": "strict" })).rejects.toThrow(
            /earthengine:preflight "strict" is not one of error, warn, off/,
        );
    });
});

describe("batch mode (ExternalImageSet)", () => {
    const images = (uris: Record<string, string>) => ({
        parent: "projects/p/assets/folder",
        images: Object.fromEntries(Object.entries(uris).map(([key, uri]) => [key, { tilesets: [{ sources: [{ uris: [uri] }] }] }])),
    });

    test("each new or changed image is checked at images.<key>; unchanged ones are not", async () => {
        const result = await set.check({}, images({ good: "gs://cogs/valid.tif", bad: "gs://cogs/stripped.tif" }));
        expect(result.failures).toEqual([
            { property: "images.bad.tilesets[0].sources[0].uris[0]", reason: expect.stringContaining("in strips") },
        ]);
        const stored = images({ bad: "gs://cogs/stripped.tif" });
        expect((await set.check(stored, images({ bad: "gs://cogs/stripped.tif", more: "gs://cogs/valid.tif" }))).failures ?? []).toEqual(
            [],
        );
        // A kept key whose source changed is checked again.
        expect((await set.check(images({ good: "gs://cogs/valid.tif" }), images({ good: "gs://cogs/not-a-tiff.png" }))).failures).toEqual([
            { property: "images.good.tilesets[0].sources[0].uris[0]", reason: expect.stringContaining("is not a TIFF") },
        ]);
    });
});
