// Declares one ExternalImage per entry of the `images` config object:
// { "<resource name>": { "args": ExternalImageArgs, "protect"?: true, "retainOnDelete"?: true,
//   "stampFrom"?: "<earlier resource name>" } }. With stampFrom, properties.upstream is that
// image's updateTime: an input only known once the other resource is applied.
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const { ExternalImage } = require("pulumi-earthengine");

const images = new pulumi.Config().requireObject("images");
const names = {};
const created = {};
for (const [name, spec] of Object.entries(images)) {
    let args = spec.args;
    if (spec.stampFrom) {
        const manifest = args.imageManifest;
        args = {
            ...args,
            imageManifest: { ...manifest, properties: { ...manifest.properties, upstream: created[spec.stampFrom].updateTime } },
        };
    }
    const image = new ExternalImage(name, args, { protect: spec.protect, retainOnDelete: spec.retainOnDelete });
    created[name] = image;
    names[name] = image.assetName;
}
// The SDK this program loaded: the lifecycle suite runs it beside more than one @pulumi/pulumi.
module.exports = { assetNames: names, sdkVersion: require("@pulumi/pulumi/package.json").version };
