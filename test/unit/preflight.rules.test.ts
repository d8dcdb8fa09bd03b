import { readFileSync } from "node:fs";
import path from "node:path";
import { type BucketLocation, type CloudStorageReader, CloudStorageUnavailableError } from "../../provider/cloudStorage/client";
import { type ImageManifest, validateManifest } from "../../provider/manifest";
import type { TiffFacts } from "../../provider/preflight/header";
import { createPreflight } from "../../provider/preflight/preflight";
import { HEADER_WARNING_BYTES, headerFindings, locationReadable } from "../../provider/preflight/rules";
import { padHeader } from "../support/paddedTiff";

const FIXTURES = path.join(__dirname, "../fixtures/cog");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

/**
 * Cloud Storage as a map of objects (the fixtures), behind the reader interface; the integration
 * tests run the same rules against fake-gcs-server through @google-cloud/storage.
 */
function bucketOf(objects: Record<string, Buffer>, location: BucketLocation = { location: "US" }) {
    const calls: string[] = [];
    const reader: CloudStorageReader = {
        async objectInfo(_bucket, object) {
            calls.push(`info ${object}`);
            const bytes = objects[object];
            return bytes ? { generation: "1", size: bytes.length } : undefined;
        },
        async readHead(_bucket, object, _generation, length) {
            calls.push(`head ${object}`);
            const bytes = objects[object];
            return bytes ? { generation: "1", size: bytes.length, bytes: bytes.subarray(0, length) } : undefined;
        },
        async bucketLocation() {
            calls.push("bucket");
            return location;
        },
        async readRange(_bucket, object, _generation, offset, length) {
            calls.push(`read ${object}`);
            return (objects[object] as Buffer).subarray(offset, offset + length);
        },
        async listGenerations() {
            return new Map();
        },
        async listObjects() {
            return [];
        },
        async readObject() {
            throw new Error("preflight reads no whole object");
        },
    };
    return { reader, calls };
}

function manifest(tileset: Record<string, unknown>, extra: Record<string, unknown> = {}): ImageManifest {
    const result = validateManifest({
        name: "projects/p/assets/a",
        tilesets: [{ sources: [{ uris: ["gs://bucket/image.tif"] }], ...tileset }],
        ...extra,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.failures));
    return result.manifest;
}

async function findings(file: Buffer | undefined, m: ImageManifest = manifest({}), location?: BucketLocation) {
    const { reader } = bucketOf(file ? { "image.tif": file } : {}, location);
    const unchecked: string[] = [];
    const preflight = createPreflight({ reader, unchecked: (message) => void unchecked.push(message) });
    return { findings: await preflight.check("imageManifest", m), unchecked };
}

const URI = "imageManifest.tilesets[0].sources[0].uris[0]";

describe("preflight rules on the fixtures", () => {
    test("a valid COG in a US bucket passes", async () => {
        expect((await findings(fixture("valid.tif"))).findings).toEqual([]);
    });

    test("not tiled (a GeoTIFF in strips) fails on the source path, citing Google's COG guide", async () => {
        const { findings: found } = await findings(fixture("stripped.tif"));
        expect(found).toContainEqual({
            severity: "failure",
            property: URI,
            message: expect.stringMatching(/gs:\/\/bucket\/image\.tif is a GeoTIFF in strips.*cog_registration/),
        });
    });

    test("no internal overviews is a warning only (Google states no such requirement)", async () => {
        const { findings: found } = await findings(fixture("no-overviews.tif"));
        expect(found).toEqual([{ severity: "warning", property: URI, message: expect.stringContaining("no internal overviews") }]);
    });

    test("an image of one tile without overviews passes: there is nothing to reduce, and GDAL writes none for it", () => {
        const facts: TiffFacts = {
            tiled: true,
            overviews: 0,
            oneTile: true,
            bands: 1,
            dataType: "INT16",
            crs: "EPSG:4326",
            headerEnd: 400,
        };
        const at = { manifest: manifest({}), tileset: 0, uri: "gs://bucket/image.tif" };
        expect(headerFindings("imageManifest", { ...at, facts })).toEqual([]);
        expect(headerFindings("imageManifest", { ...at, facts: { ...facts, oneTile: false } }).map((f) => f.severity)).toEqual(["warning"]);
    });

    test("not a TIFF fails, saying what to upload", async () => {
        const { findings: found } = await findings(fixture("not-a-tiff.png"));
        expect(found).toEqual([
            { severity: "failure", property: URI, message: expect.stringMatching(/is not a TIFF.*Upload the GeoTIFF itself/) },
        ]);
    });

    test("an empty object fails as empty, without asking the TIFF parser", async () => {
        const { findings: found } = await findings(Buffer.alloc(0));
        expect(found).toEqual([{ severity: "failure", property: URI, message: expect.stringContaining("the object is empty, 0 bytes") }]);
    });

    test("a header past the limit is a warning (Google states no limit)", async () => {
        const { findings: found } = await findings(padHeader(fixture("valid.tif"), HEADER_WARNING_BYTES + 1));
        expect(found).toEqual([{ severity: "warning", property: URI, message: expect.stringContaining("keeps its header up to byte") }]);
    });

    test("no CRS in the file and none declared fails on the tileset's crs; a declared crs passes", async () => {
        expect((await findings(fixture("no-crs.tif"))).findings).toContainEqual({
            severity: "failure",
            property: "imageManifest.tilesets[0].crs",
            message: expect.stringContaining("no coordinate reference system"),
        });
        expect((await findings(fixture("no-crs.tif"), manifest({ crs: "EPSG:32610" }))).findings.map((f) => f.property)).not.toContain(
            "imageManifest.tilesets[0].crs",
        );
    });

    test("a tilesetBandIndex at the file's band count fails on that band; the last band passes", async () => {
        const bands = [
            { id: "b2", tilesetBandIndex: 2 },
            { id: "b3", tilesetBandIndex: 3 },
        ];
        const { findings: found } = await findings(fixture("valid.tif"), manifest({}, { bands }));
        expect(found).toEqual([
            {
                severity: "failure",
                property: "imageManifest.bands[1].tilesetBandIndex",
                message: expect.stringContaining("which has 3 bands"),
            },
        ]);
    });

    test("a declared dataType that contradicts the file fails; the same type passes", async () => {
        expect((await findings(fixture("valid.tif"), manifest({ dataType: "FLOAT" }))).findings).toEqual([
            { severity: "failure", property: "imageManifest.tilesets[0].dataType", message: expect.stringContaining("holds UINT8 pixels") },
        ]);
        expect((await findings(fixture("valid.tif"), manifest({ dataType: "UINT8" }))).findings).toEqual([]);
    });

    test("a missing object fails", async () => {
        expect((await findings(undefined)).findings).toEqual([
            { severity: "failure", property: URI, message: expect.stringContaining("does not exist in Cloud Storage") },
        ]);
    });

    test("a bucket outside Earth Engine's locations fails, citing the guide's bucket location section", async () => {
        const { findings: found } = await findings(fixture("valid.tif"), manifest({}), {
            location: "EUROPE-WEST1",
            locationType: "region",
        });
        expect(found).toEqual([{ severity: "failure", property: URI, message: expect.stringMatching(/EUROPE-WEST1.*#bucket_location/) }]);
    });

    test("a uriPrefix is joined to the URI before the read", async () => {
        const { reader, calls } = bucketOf({ "cogs/image.tif": fixture("stripped.tif") });
        const preflight = createPreflight({ reader, unchecked: () => {} });
        const m = manifest({ sources: [{ uris: ["cogs/image.tif"] }] }, { uriPrefix: "gs://bucket/" });
        expect((await preflight.check("imageManifest", m)).map((f) => f.message)).toContainEqual(
            expect.stringContaining("gs://bucket/cogs/image.tif"),
        );
        expect(calls).toContain("head cogs/image.tif");
    });
});

describe("which sources preflight reads", () => {
    test("tilesets equal to the stored ones are not read; a changed URI or dataType is", async () => {
        const { reader, calls } = bucketOf({ "image.tif": fixture("valid.tif"), "other.tif": fixture("valid.tif") });
        const preflight = createPreflight({ reader, unchecked: () => {} });
        const old = manifest({});
        await preflight.check("imageManifest", manifest({}), old);
        expect(calls).toEqual([]);
        await preflight.check("imageManifest", manifest({ sources: [{ uris: ["gs://bucket/other.tif"] }] }), old);
        expect(calls).toContain("head other.tif");
        calls.length = 0;
        await preflight.check("imageManifest", manifest({ dataType: "UINT8" }), old);
        expect(calls).toContain("head image.tif");
    });

    test("one request per source (its head carries generation and size); one header parse per generation, one bucket lookup per bucket", async () => {
        const { reader, calls } = bucketOf({ "image.tif": fixture("valid.tif"), "far.tif": padHeader(fixture("valid.tif"), 100_000) });
        const preflight = createPreflight({ reader, unchecked: () => {} });
        await preflight.check("imageManifest", manifest({}));
        expect(calls.sort()).toEqual(["bucket", "head image.tif"]); // a small COG's header is all in its head
        calls.length = 0;
        const far = manifest({ sources: [{ uris: ["gs://bucket/far.tif"] }] });
        await preflight.check("imageManifest", far);
        await preflight.check("imageManifest", far, manifest({}));
        // The header past the head takes a ranged read the first time only: the generation's parse is kept.
        expect(calls).toEqual(["head far.tif", "read far.tif", "head far.tif"]);
    });

    test("what cannot be read (permission, unreachable) is one warning per run, never a failure", async () => {
        const { reader } = bucketOf({});
        reader.readHead = async () => {
            throw new CloudStorageUnavailableError(
                "gs://bucket/image.tif: Cloud Storage refused the read (403: denied)",
                "permission",
                "bucket",
            );
        };
        const unchecked: string[] = [];
        const preflight = createPreflight({ reader, unchecked: (message) => void unchecked.push(message) });
        expect(await preflight.check("imageManifest", manifest({}))).toEqual([]);
        expect(await preflight.check("imageManifest", manifest({ dataType: "UINT8" }))).toEqual([]);
        expect(unchecked).toEqual([expect.stringContaining("403: denied")]);
    });

    test("an unreachable Cloud Storage names the endpoint settings in its one warning", async () => {
        const { reader } = bucketOf({});
        reader.readHead = async () => {
            throw new CloudStorageUnavailableError("Cloud Storage at http://127.0.0.1:1 did not answer", "unreachable", "bucket");
        };
        const unchecked: string[] = [];
        const preflight = createPreflight({ reader, unchecked: (message) => void unchecked.push(message) });
        expect(await preflight.check("imageManifest", manifest({}))).toEqual([]);
        expect(unchecked).toEqual([
            expect.stringMatching(/earthengine:cloudStorageEndpoint \/ EARTHENGINE_CLOUD_STORAGE_ENDPOINT.*earthengine:preflight to off/),
        ]);
    });
});

describe("bucket locations Earth Engine reads from (Google's COG registration guide)", () => {
    test.each([
        [{ location: "US", locationType: "multi-region" }, true],
        [{ location: "us-central1", locationType: "region" }, true],
        [{ location: "NAM4", locationType: "dual-region" }, true],
        [{ location: "US", locationType: "dual-region", dataLocations: ["US-CENTRAL1", "US-EAST4"] }, true],
        [{ location: "US", locationType: "dual-region", dataLocations: ["US-EAST1", "US-EAST4"] }, false],
        [{ location: "US-EAST4", locationType: "region" }, false],
        [{ location: "EU", locationType: "multi-region" }, false],
        [{ location: "EUR4", locationType: "dual-region" }, false],
    ])("%j readable: %s", (bucket, readable) => {
        expect(locationReadable(bucket)).toBe(readable);
    });
});
