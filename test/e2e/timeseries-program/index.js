// Declares a folder, one ExternalImageCollection inside it and public read on the collection,
// from the `timeseries` config object:
// { "folder": "<asset name>", "collection": "<id in the folder>", "properties"?: {...},
//   "defaults"?: ImageDefaults, "images": { "<key>": ImageEntry } }
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const ee = require("pulumi-earthengine");

const spec = new pulumi.Config().requireObject("timeseries");
const folder = new ee.Folder("archive", { name: spec.folder });
const series = new ee.ExternalImageCollection("series", {
    name: pulumi.interpolate`${folder.assetName}/${spec.collection}`,
    properties: spec.properties,
    defaults: spec.defaults,
    images: spec.images,
});
new ee.AssetIamMember("series-public", { assetName: series.assetName, role: "roles/viewer", member: "allUsers" });

module.exports = {
    collection: series.assetName,
    imageNames: Object.fromEntries(Object.entries(series.images).map(([key, image]) => [key, image.assetName])),
};
