// The asset tree the end-to-end tests drive, shaped by the `tree` config object:
// { "folder": FolderArgs, "collection"?: ImageCollectionArgs without name, "publicRead"?: true,
//   "readers"?: <number of AssetIamMember readers on the folder> }.
// The collection's name comes from the folder's assetName output, so Pulumi orders them.
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const ee = require("pulumi-earthengine");

const tree = new pulumi.Config().requireObject("tree");
const folder = new ee.Folder("archive", tree.folder);
const outputs = { folder: folder.assetName };
if (tree.collection) {
    const ndvi = new ee.ImageCollection("ndvi", { ...tree.collection, name: pulumi.interpolate`${folder.assetName}/ndvi_monthly` });
    outputs.collection = ndvi.assetName;
    if (tree.publicRead) new ee.AssetIamMember("ndvi-public", { assetName: ndvi.assetName, role: "roles/viewer", member: "allUsers" });
}
for (let i = 0; i < (tree.readers ?? 0); i++) {
    new ee.AssetIamMember(`reader-${i}`, { assetName: folder.assetName, role: "roles/viewer", member: `user:reader${i}@example.com` });
}
module.exports = outputs;
