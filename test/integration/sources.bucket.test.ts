import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { createCloudStorageReader } from "../../provider/cloudStorage/client";
import { BucketSourceError, entriesFromBucket } from "../../sdk/sources/bucket";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { runMockedProgram } from "../support/mockedProgram";
import { countRequests, type RequestCounter } from "../support/requestCounter";

// entriesFromBucket against fake-gcs-server through the official client, behind a proxy that
// counts the listing requests: paging, objects only, the folder or everything below it; and the
// program of examples/bucket over the same bucket (sharing this suite's server saves CI seconds).
const BUCKET = "source-cogs";
const NAMES = [
    "ndvi/",
    "ndvi/ndvi_2024-01.tif",
    "ndvi/ndvi_2024-02.tif",
    "ndvi/ndvi_2024-03.tif",
    "ndvi/notes.txt",
    "ndvi/old/ndvi_2023-12.tif",
    "other/ndvi_2024-04.tif",
];

let gcs: FakeGcs;
let storage: RequestCounter;
const savedEndpoint = process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT;

beforeAll(async () => {
    gcs = await startFakeGcs();
    storage = await countRequests(gcs.endpoint);
    await gcs.createBucket(BUCKET);
    for (const name of NAMES) await gcs.putObject(BUCKET, name, Buffer.from(name.endsWith("/") ? "" : "bytes"));
    process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT = storage.endpoint;
});
afterAll(async () => {
    if (savedEndpoint === undefined) delete process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT;
    else process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT = savedEndpoint;
    await Promise.all([gcs?.stop(), storage?.close()]);
});
beforeEach(() => storage.clear());

const listings = () => storage.requests().filter((r) => r.method === "GET" && r.url.startsWith(`/storage/v1/b/${BUCKET}/o?`));

test("a listing is read page by page, one request each, to the last page", async () => {
    const reader = createCloudStorageReader({ endpoint: storage.endpoint });
    const objects = await reader.listObjects(BUCKET, "ndvi/", { recursive: true, pageSize: 2 });
    expect(objects?.map((o) => o.name)).toEqual(NAMES.filter((n) => n.startsWith("ndvi/")));
    expect(listings()).toHaveLength(3);
});

test("the folder's objects become entries at the endpoint the provider's settings name; placeholders, other files and subfolders left out", async () => {
    const entries = await entriesFromBucket({
        uri: `gs://${BUCKET}/ndvi/`,
        match: /^ndvi_(?<startTime>\d{4}-\d{2})\.tif$/,
        endTime: "period",
    });
    expect(entries).toEqual({
        "ndvi_2024-01": { uri: `gs://${BUCKET}/ndvi/ndvi_2024-01.tif`, startTime: "2024-01-01T00:00:00Z", endTime: "2024-02-01T00:00:00Z" },
        "ndvi_2024-02": { uri: `gs://${BUCKET}/ndvi/ndvi_2024-02.tif`, startTime: "2024-02-01T00:00:00Z", endTime: "2024-03-01T00:00:00Z" },
        "ndvi_2024-03": { uri: `gs://${BUCKET}/ndvi/ndvi_2024-03.tif`, startTime: "2024-03-01T00:00:00Z", endTime: "2024-04-01T00:00:00Z" },
    });
    expect(listings()).toHaveLength(1);
    expect(listings()[0].url).toContain("delimiter=%2F");
});

test("recursive lists every object below the prefix, keyed by the path below the folder", async () => {
    const entries = await entriesFromBucket({ bucket: BUCKET, prefix: "ndvi/", recursive: true, match: /\.tif$/ });
    expect(Object.keys(entries)).toEqual(["ndvi_2024-01", "ndvi_2024-02", "ndvi_2024-03", "old_ndvi_2023-12"]);
});

test("a bucket that does not exist is named", async () => {
    await expect(entriesFromBucket({ uri: "gs://no-such-bucket/ndvi/", match: /\.tif$/ })).rejects.toThrow(
        new BucketSourceError(
            "gs://no-such-bucket does not exist at the Cloud Storage endpoint in use (earthengine:cloudStorageEndpoint, else EARTHENGINE_CLOUD_STORAGE_ENDPOINT, else Google's); check the bucket name",
        ),
    );
});

test("the stack's earthengine:cloudStorageEndpoint wins over EARTHENGINE_CLOUD_STORAGE_ENDPOINT, as for the provider", async () => {
    process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT = "http://127.0.0.1:9"; // nothing listens there
    pulumi.runtime.setConfig("earthengine:cloudStorageEndpoint", storage.endpoint);
    try {
        const entries = await entriesFromBucket({ uri: `gs://${BUCKET}/ndvi/`, match: /\.tif$/ });
        expect(Object.keys(entries)).toEqual(["ndvi_2024-01", "ndvi_2024-02", "ndvi_2024-03"]);
        expect(listings()).toHaveLength(1);
    } finally {
        pulumi.runtime.setAllConfig({});
        process.env.EARTHENGINE_CLOUD_STORAGE_ENDPOINT = storage.endpoint;
    }
});

// The engine is mocked (setMocks): what is under test is the example's own pattern and options (the
// files it turns into which images), not the engine's behaviour, which test/e2e/sources.test.ts
// drives for a bucket source. An engine run of the example would cost about 14 s of CI (an up and a
// preview); test/integration/examples.test.ts makes the other examples' resources against the emulator.
test("examples/bucket declares one dated image per monthly COG under gs://<bucket>/ndvi/, in a public collection", async () => {
    const { registered, outputs } = await runMockedProgram(path.join(__dirname, "../../examples/bucket/index.ts"), "earthengine-bucket", {
        assetProject: "example-project",
        bucket: BUCKET,
    });
    const collection = "projects/example-project/assets/archive/ndvi_monthly";
    expect(outputs.imageNames).toEqual({
        "ndvi_2024-01": `${collection}/ndvi_2024-01`,
        "ndvi_2024-02": `${collection}/ndvi_2024-02`,
        "ndvi_2024-03": `${collection}/ndvi_2024-03`,
    });
    expect(registered.find((r) => r.name === "ndvi/ndvi_2024-02")?.inputs.imageManifest).toMatchObject({
        startTime: "2024-02-01T00:00:00Z",
        endTime: "2024-03-01T00:00:00Z",
        tilesets: [{ sources: [{ uris: [`gs://${BUCKET}/ndvi/ndvi_2024-02.tif`] }] }],
    });
    expect(registered.find((r) => r.name === "ndvi-public")?.inputs).toMatchObject({ role: "roles/viewer", member: "allUsers" });
});
