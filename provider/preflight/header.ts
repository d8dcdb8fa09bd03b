import type * as geotiff from "geotiff";

/**
 * What preflight needs from a GeoTIFF, read from its header only (the image file directories and
 * their GeoKeys), through geotiff.js. Tile data and the tile offset arrays are never read.
 */
export interface TiffFacts {
    /** Internally tiled (TileWidth present) rather than in strips. */
    tiled: boolean;
    /** Reduced-resolution images (NewSubfileType bit 0) in the same file. */
    overviews: number;
    /** Tiled, and the full-resolution image fits in one tile (GDAL writes no overviews for it). */
    oneTile: boolean;
    /** Samples per pixel of the full-resolution image: the file's band count. */
    bands: number;
    /** The Earth Engine data type of the pixels (from SampleFormat and BitsPerSample), if it has one. */
    dataType: string | undefined;
    /** `EPSG:<code>` from the GeoKeys, `user-defined` for a CRS given by parameters, undefined without GeoKeys. */
    crs: string | undefined;
    /** One past the last byte of the furthest image file directory (with its entries). */
    headerEnd: number;
}

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ByteRangeReader = (offset: number, length: number) => Promise<Uint8Array>;

/** Bytes of the first read: the whole header of a small COG, so most files take one request. */
export const FIRST_READ_BYTES = 64 * 1024;

/** The file is not a TIFF: the words of the parser, for the failure message. */
export class NotTiffError extends Error {}

// TIFF 6.0 SampleFormat: 1 unsigned integer, 2 two's complement integer, 3 IEEE float.
const DATA_TYPES: Record<string, string> = {
    "1/8": "UINT8",
    "2/8": "INT8",
    "1/16": "UINT16",
    "2/16": "INT16",
    "1/32": "UINT32",
    "2/32": "INT32",
    "3/32": "FLOAT",
    "3/64": "DOUBLE",
};

const USER_DEFINED = 32767;
const OVERVIEW_BIT = 1;
const MASK_BIT = 4;

/**
 * Parses the header of a TIFF of `size` bytes through `read`; throws NotTiffError when it is not
 * one. `first`: the file's first FIRST_READ_BYTES (or all of a smaller file), when already read.
 */
export async function readTiffFacts(read: ByteRangeReader, size: number, first?: Uint8Array): Promise<TiffFacts> {
    // Loaded on first use: a provider process that never reads a header does not pay for it.
    const { GeoTIFF } = require("geotiff") as typeof geotiff;
    const source = new HeaderSource(read, size, first);
    let tiff: geotiff.GeoTIFF;
    try {
        tiff = await GeoTIFF.fromSource(source as never);
    } catch (error) {
        throw new NotTiffError(error instanceof Error ? error.message : String(error));
    }
    let count: number;
    try {
        count = await tiff.getImageCount();
    } catch (error) {
        throw new NotTiffError(`its image file directories cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    const image = await tiff.getImage(0);
    let overviews = 0;
    for (let index = 1; index < count; index++) {
        const subfileType = Number((await tiff.getImage(index)).fileDirectory.getValue("NewSubfileType") ?? 0);
        if (subfileType & OVERVIEW_BIT && !(subfileType & MASK_BIT)) overviews++;
    }
    return {
        tiled: image.isTiled,
        overviews,
        oneTile: image.isTiled && image.getWidth() <= image.getTileWidth() && image.getHeight() <= image.getTileHeight(),
        bands: image.getSamplesPerPixel(),
        dataType: DATA_TYPES[`${image.getSampleFormat(0)}/${image.getBitsPerSample(0)}`],
        crs: crsOf(image.getGeoKeys()),
        headerEnd: source.furthest,
    };
}

function crsOf(keys: Record<string, unknown> | null): string | undefined {
    if (!keys) return undefined;
    for (const key of ["ProjectedCSTypeGeoKey", "GeographicTypeGeoKey"]) {
        const code = keys[key];
        if (typeof code === "number" && code !== USER_DEFINED) return `EPSG:${code}`;
    }
    return Object.keys(keys).some((key) => key.endsWith("GeoKey") && key !== "GTRasterTypeGeoKey") ? "user-defined" : undefined;
}

/**
 * geotiff.js's source interface over ranged reads: the first FIRST_READ_BYTES once, then each
 * further slice as asked; `furthest` records how far into the file the header reached.
 */
class HeaderSource {
    furthest = 0;
    private first: Promise<Uint8Array> | undefined;

    constructor(
        private readonly read: ByteRangeReader,
        readonly fileSize: number,
        first?: Uint8Array,
    ) {
        if (first) this.first = Promise.resolve(first);
    }

    async fetch(slices: { offset: number; length: number }[]): Promise<ArrayBuffer[]> {
        return Promise.all(slices.map((slice) => this.slice(slice.offset, slice.length)));
    }

    private async slice(offset: number, length: number): Promise<ArrayBuffer> {
        // geotiff.js asks for fixed-size windows that may run past the end of the file.
        const end = Math.min(offset + length, this.fileSize);
        if (offset > 0) this.furthest = Math.max(this.furthest, end);
        let bytes: Uint8Array;
        if (end <= FIRST_READ_BYTES) {
            this.first ??= this.read(0, Math.min(FIRST_READ_BYTES, this.fileSize));
            bytes = (await this.first).subarray(offset, end);
        } else {
            bytes = offset >= end ? new Uint8Array(0) : await this.read(offset, end - offset);
        }
        // geotiff.js reads past what it was given as zeros only through a full-length buffer.
        const out = new Uint8Array(length);
        out.set(bytes.subarray(0, length));
        return out.buffer;
    }

    async close(): Promise<void> {}
}
