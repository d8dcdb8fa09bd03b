// One resource of every kind, fixed (no config), so the state the last release recorded for it
// (test/fixtures/upgrade/) is what the new code must preview as unchanged. Change it only
// together with that fixture (see test/fixtures/upgrade/README.md).
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const ee = require("pulumi-earthengine");

const folder = new ee.Folder("archive", { name: "projects/e2e-project/assets/upgrade" });
const series = new ee.ImageCollection("series", {
    name: pulumi.interpolate`${folder.assetName}/series`,
    properties: { source: "sentinel-2", version: 3 },
    startTime: "2024-01-01T00:00:00Z",
    title: "NDVI series",
});
const dem = new ee.ExternalImage("dem", {
    imageManifest: {
        name: pulumi.interpolate`${folder.assetName}/dem`,
        tilesets: [{ id: "0", sources: [{ uris: ["gs://e2e-bucket/dem.tif"] }] }],
        bands: [{ id: "elevation", tilesetId: "0", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" }],
        properties: { source: "survey-2026", version: 2 },
        start_time: "2026-01-01T00:00:00Z",
    },
});
new ee.AssetIamMember("archive-reader", { assetName: folder.assetName, role: "roles/viewer", member: "user:reader@example.com" });
new ee.AssetIamBinding("series-readers", {
    assetName: series.assetName,
    role: "roles/viewer",
    members: ["user:b@example.com", "group:readers@example.com", "user:b@example.com"],
});
new ee.AssetIamPolicy("dem-policy", {
    assetName: dem.assetName,
    bindings: [
        { role: "roles/viewer", members: ["allUsers"] },
        { role: "roles/editor", members: ["serviceAccount:writer@e2e-project.iam.gserviceaccount.com"] },
    ],
});

module.exports = { folder: folder.assetName, collection: series.assetName, image: dem.assetName };
