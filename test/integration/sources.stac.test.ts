import * as fs from "node:fs";
import * as path from "node:path";
import { entriesFromStac, StacError } from "../../sdk/sources/stac";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { runMockedProgram } from "../support/mockedProgram";

// entriesFromStac reading catalogs from Cloud Storage (fake-gcs-server) through the provider's
// Cloud Storage client: gs:// and https://storage.googleapis.com/ sources, relative links and asset
// hrefs inside a bucket, an absolute gs:// link from a local catalog; and the program of
// examples/stac, engine mocked. The mapping itself: test/unit/sources.stac.test.ts.
const FIXTURES = path.join(__dirname, "../fixtures/stac");
const BUCKET = "stac-catalogs";

let gcs: FakeGcs;
beforeAll(async () => {
    gcs = await startFakeGcs();
    await gcs.createBucket(BUCKET);
    // The committed static catalog under archive/, and one Item under scenes/.
    const uploads: [string, string][] = [["bucket/item.json", "scenes/item.json"]];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(path.join(FIXTURES, dir), { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(file);
            else uploads.push([file, `archive/${path.relative("catalog", file)}`]);
        }
    };
    walk("catalog");
    await Promise.all(uploads.map(([file, object]) => gcs.putObject(BUCKET, object, fs.readFileSync(path.join(FIXTURES, file)))));
});
afterAll(() => gcs.stop());

test("a static catalog in a bucket reads as it does from disk: gs:// and https://storage.googleapis.com/ sources alike", async () => {
    const fromDisk = await entriesFromStac(path.join(FIXTURES, "catalog/catalog.json"));
    const options = { cloudStorageEndpoint: gcs.endpoint };
    expect(await entriesFromStac(`gs://${BUCKET}/archive/catalog.json`, options)).toEqual(fromDisk);
    expect(await entriesFromStac(`https://storage.googleapis.com/${BUCKET}/archive/catalog.json`, options)).toEqual(fromDisk);
});

test("an absolute gs:// link from a local catalog; a relative asset href resolves inside the bucket", async () => {
    const entries = await entriesFromStac(path.join(FIXTURES, "local-to-bucket.json"), { cloudStorageEndpoint: gcs.endpoint });
    expect(entries).toEqual({
        "scene_2024-03-01": {
            startTime: "2024-03-01T10:00:00Z",
            tilesets: [{ id: "visual", sources: [{ uris: [`gs://${BUCKET}/scenes/scene 2024-03-01.tif`] }] }],
            bands: [
                { id: "red", tilesetId: "visual", tilesetBandIndex: 0 },
                { id: "green", tilesetId: "visual", tilesetBandIndex: 1 },
                { id: "blue", tilesetId: "visual", tilesetBandIndex: 2 },
            ],
            properties: { eo_cloud_cover: 3 },
        },
    });
});

test("without the option, the provider's endpoint setting (EARTHENGINE_CLOUD_STORAGE_ENDPOINT) is used", async () => {
    const saved = process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT;
    process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT = gcs.endpoint;
    try {
        expect(Object.keys(await entriesFromStac(`gs://${BUCKET}/scenes/item.json`))).toEqual(["scene_2024-03-01"]);
    } finally {
        if (saved === undefined) delete process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT;
        else process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT = saved;
    }
});

test("a document larger than maxDocumentBytes is refused from its first maxDocumentBytes + 1 bytes", async () => {
    const error = await entriesFromStac(`gs://${BUCKET}/scenes/item.json`, {
        cloudStorageEndpoint: gcs.endpoint,
        maxDocumentBytes: 100,
    }).catch((e: unknown) => e);
    expect((error as StacError).problems).toEqual([
        `gs://${BUCKET}/scenes/item.json: is larger than 100 bytes (maxDocumentBytes); raise maxDocumentBytes or split it into a catalog of smaller collections`,
    ]);
});

test("an endpoint that refuses connections is a problem naming the object and the setting", async () => {
    const error = await entriesFromStac(`gs://${BUCKET}/scenes/item.json`, { cloudStorageEndpoint: "http://127.0.0.1:9" }).catch(
        (e: unknown) => e,
    );
    expect((error as StacError).problems).toEqual([
        expect.stringMatching(
            new RegExp(
                `^gs://${BUCKET}/scenes/item\\.json: Cloud Storage could not be reached \\(.*ECONNREFUSED.*; check earthengine:cloudStorageEndpoint`,
            ),
        ),
    ]);
});

test("a missing object and a missing bucket are problems naming the gs:// URI", async () => {
    const error = await entriesFromStac(`gs://${BUCKET}/archive/nothing.json`, { cloudStorageEndpoint: gcs.endpoint }).catch(
        (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StacError);
    expect((error as StacError).problems).toEqual([`gs://${BUCKET}/archive/nothing.json: no such object in Cloud Storage`]);
    const noBucket = await entriesFromStac("gs://no-such-bucket/catalog.json", { cloudStorageEndpoint: gcs.endpoint }).catch(
        (e: unknown) => e,
    );
    expect((noBucket as StacError).problems).toEqual(["gs://no-such-bucket/catalog.json: no such object in Cloud Storage"]);
});

// The engine is mocked (setMocks): what is under test is the example's program and its catalog (which
// Items become which images), not the engine, which test/e2e/sources.test.ts drives for a STAC source.
test("examples/stac declares one image per Item of the catalog beside it, with the assets, bands and properties it names", async () => {
    const { registered, outputs } = await runMockedProgram(path.join(__dirname, "../../examples/stac/index.ts"), "earthengine-stac", {
        assetProject: "example-project",
    });
    const collection = "projects/example-project/assets/archive/landsat_044034";
    expect(outputs.imageNames).toEqual({
        LC09_L2SP_044034_20240110: `${collection}/LC09_L2SP_044034_20240110`,
        LC09_L2SP_044034_20240126: `${collection}/LC09_L2SP_044034_20240126`,
    });
    const base = "gs://my-bucket/landsat/044/034/LC09_L2SP_044034_20240110";
    expect(registered.find((r) => r.name === "landsat/LC09_L2SP_044034_20240110")?.inputs.imageManifest).toEqual({
        name: `${collection}/LC09_L2SP_044034_20240110`,
        startTime: "2024-01-10T18:45:12Z",
        tilesets: [
            { id: "red", sources: [{ uris: [`${base}_SR_B4.TIF`] }] },
            { id: "nir08", sources: [{ uris: [`${base}_SR_B5.TIF`] }] },
        ],
        bands: [
            { id: "SR_B4", tilesetId: "red", tilesetBandIndex: 0, missingData: { values: [0] } },
            { id: "SR_B5", tilesetId: "nir08", tilesetBandIndex: 0, missingData: { values: [0] } },
        ],
        properties: { platform: "landsat-9", eo_cloud_cover: 8.5, landsat_wrs_path: "044", landsat_wrs_row: "034" },
    });
});
