// Declares a folder and one ExternalImageCollection inside it from the `archive` config object:
// { "folder": "<asset name>", "batch": boolean, "retain"?: boolean, "defaults"?: ImageDefaults,
//   "images": { "<key>": ImageEntry } }
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const ee = require("pulumi-earthengine");

const spec = new pulumi.Config().requireObject("archive");
const folder = new ee.Folder("archive", { name: spec.folder });
const series = new ee.ExternalImageCollection("ndvi", {
    name: pulumi.interpolate`${folder.assetName}/ndvi`,
    defaults: spec.defaults,
    images: spec.images,
    batch: spec.batch,
    retainImagesOnDelete: spec.retain,
});

module.exports = { imageNames: series.imageNames };
