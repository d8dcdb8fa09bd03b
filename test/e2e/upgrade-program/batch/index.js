// A batch-mode stack, fixed (no config): an ExternalImageCollection with `batch: true` (its
// images owned by one ExternalImageSet) and an ExternalImageSet of its own in the folder. The
// state the release in test/fixtures/upgrade/batch/recorded-with.json recorded for it is what the
// new code must preview as unchanged (test/e2e/upgrade.test.ts). Change it only together with that
// fixture (see test/fixtures/upgrade/README.md).
const pulumi = require("@pulumi/pulumi");
const ee = require("pulumi-earthengine");

const folder = new ee.Folder("batch-archive", { name: "projects/e2e-project/assets/upgrade-batch" });
const ndvi = new ee.ExternalImageCollection("ndvi", {
    name: pulumi.interpolate`${folder.assetName}/ndvi`,
    defaults: {
        uriPrefix: "gs://e2e-bucket/ndvi/",
        bands: [{ id: "ndvi", tilesetId: "0", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" }],
        properties: { source: "s2" },
    },
    images: {
        d0000: { uri: "d0.tif", startTime: "2024-01-01T00:00:00Z" },
        d0001: { uri: "d1.tif", startTime: "2024-01-02T00:00:00Z", properties: { cloud: 7 } },
        d0002: { uri: "d2.tif", startTime: "2024-01-03T00:00:00Z", endTime: "2024-01-04T00:00:00Z" },
    },
    batch: true,
});
const loose = new ee.ExternalImageSet("loose", {
    parent: folder.assetName,
    images: {
        dem: {
            tilesets: [{ id: "0", sources: [{ uris: ["gs://e2e-bucket/dem.tif"] }] }],
            bands: [{ id: "elevation", tilesetId: "0", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" }],
            properties: { source: "survey-2026" },
            startTime: "2026-01-01T00:00:00Z",
        },
        slope: {
            tilesets: [{ id: "0", sources: [{ uris: ["gs://e2e-bucket/slope.tif"] }] }],
            properties: { source: "survey-2026", derived: 1 },
        },
    },
});

module.exports = { collection: ndvi.assetName, imageNames: ndvi.imageNames, loose: loose.imageNames };
