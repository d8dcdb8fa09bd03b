import { z } from "zod";
import { assetNameSchema } from "../values/assetName";
import { isObject } from "../values/compare";
import { quote } from "../values/failures";
import { DATA_TYPES, describe, enumMessage, PYRAMIDING_POLICIES } from "./enums";
import {
    BAND_ID,
    bandIdReason,
    bandIdServiceMessage,
    PROPERTY_KEY,
    propertyKeyReason,
    propertyKeyServiceMessage,
    type ServiceIssueParams,
} from "./identifiers";
import { inTimestampRange, int32 } from "./limits";
import { normalizeTimestamp, numberTimestampReason, type TimestampObject, timestampObjectToRfc3339, toEpochNanos } from "./timestamps";

/**
 * The Earth Engine `ImageManifest` and its nested types, as one zod schema: the TypeScript
 * types, `check` validation, diff planning and the emulator's request validation all derive
 * from it. Field names are the REST API's camelCase; snake_case is converted before parsing.
 */

const number = (field: string) => z.number({ error: (iss) => `${field} must be a number, got ${describe(iss.input)}` });

const pyramidingPolicy = z.enum(PYRAMIDING_POLICIES, { error: (iss) => enumMessage(PYRAMIDING_POLICIES, iss.input) });
const dataType = z.enum(DATA_TYPES, { error: (iss) => enumMessage(DATA_TYPES, iss.input) });

// proto3 JSON writes NaN and infinities as strings; no-data values of float rasters are often NaN.
const missingValue = z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"])], {
    error: (iss) => `a missing-data value is a number (or "NaN", "Infinity", "-Infinity"), got ${describe(iss.input)}`,
});

/**
 * A google.protobuf.Timestamp as proto3 JSON gives it: RFC 3339 text, or the object form
 * `{seconds, nanos}` that the manifest guide and rgee write. Both become the server's text.
 */
const timestamp = z.custom<string | TimestampObject>().transform((value, ctx) => {
    if (typeof value === "string") {
        const nanos = toEpochNanos(value);
        if (nanos !== undefined && inTimestampRange(nanos)) return normalizeTimestamp(value);
        ctx.addIssue({
            code: "custom",
            // Quotes what was written: its UTC form may be a year the user never wrote (0000 or 10000).
            message:
                nanos === undefined
                    ? `${quote(value)} is not an RFC 3339 timestamp; write for example "2026-01-01T00:00:00Z" (date, T, time, offset or Z)`
                    : `${quote(value)} falls outside what a protobuf Timestamp holds once its offset is applied: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z (UTC); use a time inside that range`,
        });
        return value;
    }
    if (isObject(value)) {
        const parsed = timestampObjectToRfc3339(value);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: "custom", message: parsed.reason });
        return z.NEVER;
    }
    ctx.addIssue({
        code: "custom",
        message:
            numberTimestampReason(value) ??
            `expected an RFC 3339 timestamp such as "2026-01-01T00:00:00Z" or {"seconds": 1767225600}, got ${describe(value)}`,
    });
    return z.NEVER;
});

export const MissingDataSchema = z.strictObject({
    /** Pixel values that mean "no data"; such pixels are masked in Earth Engine. */
    values: z.array(missingValue),
});

export const AffineTransformSchema = z.strictObject({
    /** Pixel width in CRS units. */
    scaleX: number("scaleX").optional(),
    /** Row rotation term; usually 0. */
    shearX: number("shearX").optional(),
    /** X coordinate of the upper-left corner of the upper-left pixel. */
    translateX: number("translateX").optional(),
    /** Column rotation term; usually 0. */
    shearY: number("shearY").optional(),
    /** Pixel height in CRS units (negative for north-up images). */
    scaleY: number("scaleY").optional(),
    /** Y coordinate of the upper-left corner of the upper-left pixel. */
    translateY: number("translateY").optional(),
});

const positiveInt = (field: string) => int32(field, 1, `${field} must be at least 1`);

export const GridDimensionsSchema = z.strictObject({
    /** Width of the grid in pixels. */
    width: positiveInt("width"),
    /** Height of the grid in pixels. */
    height: positiveInt("height"),
});

export const ImageSourceSchema = z.strictObject({
    /**
     * Cloud Storage URIs of the file, primary file first (`gs://bucket/object`, optionally with a
     * `#<generation>` suffix). Relative when the manifest has a `uriPrefix`.
     */
    uris: z.array(z.string({ error: (iss) => `a URI is a string, got ${describe(iss.input)}` })).min(1, {
        error: "a source needs at least one URI (gs://bucket/object)",
    }),
    /** Geotransform of the file; overrides what the file says. Required with `skipMetadataRead`. */
    affineTransform: AffineTransformSchema.optional(),
    /** Size of the file's grid; only with `skipMetadataRead`. */
    dimensions: GridDimensionsSchema.optional(),
});

export const TilesetSchema = z.strictObject({
    /** Id of the tileset, unique in the manifest; bands refer to it. Default "". */
    id: z.string().optional(),
    /** The Cloud-Optimized GeoTIFF behind this tileset; importExternal takes exactly one. */
    sources: z
        .array(ImageSourceSchema)
        .min(1, { error: "a tileset needs exactly one source" })
        .max(1, { error: "importExternal takes at most one source per tileset; give each file its own tileset" }),
    /** Pixel data type; read from the file unless set. Required with `skipMetadataRead`. */
    dataType: dataType.optional(),
    /** Coordinate reference system as a code (`EPSG:4326`) or WKT; read from the file unless set. */
    crs: z.string().optional(),
    /** For multi-dataset files: prefix of the subdataset name (newer API field). */
    subdatasetPrefix: z.string().optional(),
    /** For multi-dataset files: suffix of the subdataset name (newer API field). */
    subdatasetSuffix: z.string().optional(),
});

const nonNegativeIndex = int32("tilesetBandIndex", 0, "tilesetBandIndex is 0-based and must not be negative");

export const TilesetBandSchema = z.strictObject({
    /** Band name in the asset: a letter, then letters, digits, '_' or '-', at most 100 characters. Band order in the asset is list order. */
    id: z.string().superRefine((id, ctx) => {
        if (!BAND_ID.test(id)) {
            const params: ServiceIssueParams = { serviceMessage: bandIdServiceMessage(id) };
            ctx.addIssue({ code: "custom", message: bandIdReason(id), params });
        }
    }),
    /** Id of the tileset holding the band. Default "". */
    tilesetId: z.string().optional(),
    /** 0-based index of the band inside its tileset's file. Default 0. */
    tilesetBandIndex: nonNegativeIndex.optional(),
    /** No-data values for this band; overrides the manifest's `missingData`. */
    missingData: MissingDataSchema.optional(),
    /** How pyramid levels aggregate this band; overrides the manifest's `pyramidingPolicy`. */
    pyramidingPolicy: pyramidingPolicy.optional(),
});

export const TilesetMaskBandSchema = z.strictObject({
    /** Tileset whose last band is the mask. Default "". */
    tilesetId: z.string().optional(),
    /** Bands the mask applies to; empty means every band. A band takes at most one mask. */
    bandIds: z.array(z.string()).optional(),
});

export const GridPointSchema = z.strictObject({
    /** Column, in pixel coordinates (pixel centres are at .5). */
    x: number("x"),
    /** Row, in pixel coordinates. */
    y: number("y"),
});

export const PixelFootprintSchema = z.strictObject({
    /** Closed ring of pixel points (first equals last) bounding the valid pixels. */
    points: z.array(GridPointSchema),
    /** Band whose grid the points refer to; default the first band. */
    bandId: z.string().optional(),
});

const propertyValue = z.union([z.string(), z.number()], {
    error: (iss) => `property values are strings or numbers, got ${describe(iss.input)}; store other values as JSON text`,
});

/** The ImageManifest's fields, each with its own rules; imageManifest.ts adds the rules that span fields. */
export const ImageManifestObjectSchema = z.strictObject({
    /**
     * Full asset name, `projects/<project>/assets/<path>`. Legacy `users/<user>/...` ids are
     * accepted and normalised. Changing it replaces the asset.
     */
    name: assetNameSchema("name"),
    /** Flat metadata; keys of letters, digits and '_', values strings or numbers. Patched in place. */
    properties: z
        .record(z.string(), propertyValue)
        .superRefine((properties, ctx) => {
            for (const key of Object.keys(properties)) {
                if (!PROPERTY_KEY.test(key)) {
                    const params: ServiceIssueParams = { serviceMessage: propertyKeyServiceMessage(key) };
                    ctx.addIssue({ code: "custom", path: [key], message: propertyKeyReason(key), params });
                }
            }
        })
        .optional(),
    /** Prepended to every source URI, which keeps big manifests small. */
    uriPrefix: z.string().optional(),
    /** The files of the image, one Cloud-Optimized GeoTIFF per tileset. */
    tilesets: z.array(TilesetSchema).min(1, { error: "an external image needs at least one tileset" }),
    /** Bands of the asset in order; when absent, every band of every tileset in file order. */
    bands: z.array(TilesetBandSchema).optional(),
    /** Mask bands: a tileset's last band masking some or all bands. */
    maskBands: z.array(TilesetMaskBandSchema).optional(),
    /** Valid-pixel footprint in pixel coordinates. */
    footprint: PixelFootprintSchema.optional(),
    /** Default no-data values for every band. */
    missingData: MissingDataSchema.optional(),
    /** Default pyramiding policy for every band; unspecified means MEAN. */
    pyramidingPolicy: pyramidingPolicy.optional(),
    /** Start of the image's time range: RFC 3339 text or `{seconds, nanos}`; stored as the server's RFC 3339 text. Patched in place. */
    startTime: timestamp.optional(),
    /** Exclusive end of the image's time range, in the same forms as `startTime`; must be after it. Patched in place. */
    endTime: timestamp.optional(),
    /** Minimum ratio of tile area with valid data (newer API field). */
    minTileAreaRatio: number("minTileAreaRatio").optional(),
    /** Trust the manifest's metadata instead of reading the files; tilesets then need dataType, crs, affineTransform and dimensions. */
    skipMetadataRead: z.boolean({ error: "skipMetadataRead must be true or false" }).optional(),
    /** Free text kept with the request; not used by ingestion. */
    memo: z.string().optional(),
});

/** An ImageManifest as written (before normalisation). */
export type ImageManifestInput = z.input<typeof ImageManifestObjectSchema>;
/** An ImageManifest after validation: camelCase keys, timestamps in the server's form. */
export type ImageManifest = z.output<typeof ImageManifestObjectSchema>;

export type Tileset = z.output<typeof TilesetSchema>;
export type ImageSource = z.output<typeof ImageSourceSchema>;
export type AffineTransform = z.output<typeof AffineTransformSchema>;
export type GridDimensions = z.output<typeof GridDimensionsSchema>;
export type TilesetBand = z.output<typeof TilesetBandSchema>;
export type TilesetMaskBand = z.output<typeof TilesetMaskBandSchema>;
export type PixelFootprint = z.output<typeof PixelFootprintSchema>;
export type GridPoint = z.output<typeof GridPointSchema>;
export type MissingData = z.output<typeof MissingDataSchema>;
