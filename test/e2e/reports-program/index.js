// Reported traps through the real engine, from the `reports` config object:
// { "folder": "<asset name>", "collection": "<id in the folder>", "images": { "<key>": ImageEntry },
//   "scenes": { "<id>": { "manifest": ImageManifest without name, "ignoreChanges"?: [paths] } },
//   "bindings"?: [{ role, members }] (one AssetIamPolicy on the folder), "readers"?: [members] (AssetIamMembers) }.
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const ee = require("pulumi-earthengine");

const spec = new pulumi.Config().requireObject("reports");
const folder = new ee.Folder("folder", { name: spec.folder });
new ee.ExternalImageCollection("series", { name: pulumi.interpolate`${folder.assetName}/${spec.collection}`, images: spec.images });
for (const [id, scene] of Object.entries(spec.scenes)) {
    const imageManifest = { ...scene.manifest, name: pulumi.interpolate`${folder.assetName}/${id}` };
    new ee.ExternalImage(id, { imageManifest }, { ignoreChanges: scene.ignoreChanges });
}
if (spec.bindings) new ee.AssetIamPolicy("folder-policy", { assetName: folder.assetName, bindings: spec.bindings });
for (const [i, member] of (spec.readers ?? []).entries()) {
    new ee.AssetIamMember(`folder-reader-${i}`, { assetName: folder.assetName, role: "roles/viewer", member });
}
