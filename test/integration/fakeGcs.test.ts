import { Storage } from "@google-cloud/storage";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";

// The Cloud Storage stand-in, through the official client the provider uses (@google-cloud/storage 7,
// pointed at it with `apiEndpoint` over http): what the harness writes is what the client reads.
let gcs: FakeGcs;
let storage: Storage;
beforeAll(async () => {
    gcs = await startFakeGcs();
    storage = new Storage({ apiEndpoint: gcs.endpoint, projectId: "test-project" });
});
afterAll(() => gcs.stop());

const bytes = Buffer.from("II*\0 not really a tiff, but bytes");

test("an object written by the harness is read by @google-cloud/storage: metadata, generation, a byte range", async () => {
    expect(gcs.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(gcs.endpoint).toBe(`http://${gcs.host}`);
    await gcs.createBucket("images");
    const { generation } = await gcs.putObject("images", "dir/a b.tif", bytes);
    expect(generation).toMatch(/^\d+$/);

    const file = storage.bucket("images").file("dir/a b.tif");
    const [metadata] = await file.getMetadata();
    expect(metadata).toMatchObject({ bucket: "images", name: "dir/a b.tif", generation, size: String(bytes.length) });
    const [head] = await file.download({ start: 0, end: 3 });
    expect(head).toEqual(bytes.subarray(0, 4));
    // The path-style read Go's client (so Pulumi's gs:// backend) sends to an emulator, name %-encoded.
    const xml = await fetch(`${gcs.endpoint}/images/${encodeURIComponent("dir/a b.tif")}`);
    expect(Buffer.from(await xml.arrayBuffer())).toEqual(bytes);
    const [bucket] = await storage.bucket("images").getMetadata();
    expect(bucket.location).toBe("US-CENTRAL1");
});

test("rewriting an object gives it a new generation; deleting it makes the client's read a 404", async () => {
    await gcs.createBucket("rewritten");
    const first = await gcs.putObject("rewritten", "a.tif", bytes);
    const second = await gcs.putObject("rewritten", "a.tif", Buffer.concat([bytes, bytes]));
    expect(second.generation).not.toBe(first.generation);
    const file = storage.bucket("rewritten").file("a.tif");
    expect((await file.getMetadata())[0].generation).toBe(second.generation);

    await gcs.deleteObject("rewritten", "a.tif");
    await expect(file.getMetadata()).rejects.toMatchObject({ code: 404 });
    await expect(gcs.deleteObject("rewritten", "a.tif")).rejects.toThrow(/HTTP 404/);
});

test("the location is server-wide: a second server in another location, stopped, refuses connections", async () => {
    const europe = await startFakeGcs({ location: "EUROPE-WEST1" });
    try {
        expect(europe.host).not.toBe(gcs.host);
        await europe.createBucket("eu");
        const client = new Storage({ apiEndpoint: europe.endpoint, projectId: "test-project" });
        expect((await client.bucket("eu").getMetadata())[0].location).toBe("EUROPE-WEST1");
    } finally {
        await europe.stop();
    }
    await europe.stop(); // idempotent
    await expect(fetch(`${europe.endpoint}/storage/v1/b`)).rejects.toThrow();
});
