// Declares one ExternalImage per entry of the `images` config object:
// { "<resource name>": { "args": ExternalImageArgs, "protect"?: true, "retainOnDelete"?: true } }.
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const { ExternalImage } = require("pulumi-earthengine");

const images = new pulumi.Config().requireObject("images");
const names = {};
for (const [name, spec] of Object.entries(images)) {
    const image = new ExternalImage(name, spec.args, { protect: spec.protect, retainOnDelete: spec.retainOnDelete });
    names[name] = image.assetName;
}
module.exports = { assetNames: names };
