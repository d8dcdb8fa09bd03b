/**
 * Where each rule of preflight comes from. A rule with a Google statement behind it is a failure;
 * where Google is silent the rule is a warning (the service may accept the file).
 */
export const RULE_SOURCES = {
    /** "Earth Engine supports assets backed by Cloud Optimized GeoTIFFs (COGs) stored in Google Cloud Storage." */
    cog: "https://developers.google.com/earth-engine/guides/cog_registration",
    /** The bucket "must be located in" the `us` multi-region, a US dual-region that includes us-central1, or us-central1; otherwise "Earth Engine will reject registration and read requests". */
    bucketLocation: "https://developers.google.com/earth-engine/guides/cog_registration#bucket_location",
    /** OGC Cloud Optimized GeoTIFF standard 1.0 (OGC 21-026): a COG is internally tiled; overviews and a header at the start are recommended layout, not requirements Google states for registration. */
    cogStandard: "https://docs.ogc.org/is/21-026/21-026.html",
    /** ImageManifest: a tileset's `crs` and `dataType` are read from the file unless given; a band's `tilesetBandIndex` is a 0-based index into the tileset's bands. */
    imageManifest: "https://developers.google.com/earth-engine/reference/rest/v1alpha/ImageManifest",
} as const;
