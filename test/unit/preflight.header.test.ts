import { readFileSync } from "node:fs";
import path from "node:path";
import { FIRST_READ_BYTES, NotTiffError, readTiffFacts } from "../../provider/preflight/header";
import { padHeader } from "../support/paddedTiff";

const FIXTURES = path.join(__dirname, "../fixtures/cog");

/** Reads a fixture through the ranged-read interface, recording each request. */
function fixture(name: string) {
    const bytes = readFileSync(path.join(FIXTURES, name));
    const reads: [number, number][] = [];
    const read = async (offset: number, length: number) => {
        reads.push([offset, length]);
        return bytes.subarray(offset, offset + length);
    };
    return { bytes, reads, facts: () => readTiffFacts(read, bytes.length) };
}

describe("readTiffFacts (geotiff.js over ranged reads)", () => {
    test("a COG made by GDAL: tiled, one overview, 3 UINT8 bands in EPSG:4326, read in one request", async () => {
        const { facts, reads } = fixture("valid.tif");
        expect(await facts()).toMatchObject({ tiled: true, overviews: 1, bands: 3, dataType: "UINT8", crs: "EPSG:4326" });
        expect(reads).toEqual([[0, expect.any(Number)]]);
    });

    test("a GeoTIFF in strips is not tiled", async () => {
        expect(await fixture("stripped.tif").facts()).toMatchObject({ tiled: false, overviews: 0, bands: 3 });
    });

    test("a COG without overviews reports none", async () => {
        expect(await fixture("no-overviews.tif").facts()).toMatchObject({ tiled: true, overviews: 0 });
    });

    test("a file without GeoKeys has no CRS", async () => {
        expect((await fixture("no-crs.tif").facts()).crs).toBeUndefined();
    });

    test("a PNG is not a TIFF", async () => {
        await expect(fixture("not-a-tiff.png").facts()).rejects.toBeInstanceOf(NotTiffError);
    });

    test("a header moved past padding is measured where it ends, with one more read for it", async () => {
        const { bytes } = fixture("stripped.tif");
        const padded = padHeader(bytes, 2 * 1024 * 1024);
        const reads: number[] = [];
        const facts = await readTiffFacts(async (offset, length) => {
            reads.push(offset);
            return padded.subarray(offset, offset + length);
        }, padded.length);
        expect(facts.headerEnd).toBeGreaterThan(2 * 1024 * 1024);
        expect(reads.some((offset) => offset >= FIRST_READ_BYTES)).toBe(true);
    });
});
