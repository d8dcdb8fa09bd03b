// Declares `count` images from the stack config `bench`:
// { "kind": "external" | "trivial" | "batch" | "trivialBatch", "count": N, "revision": "r1",
//   "file": "dem.tif", "changed"?: M, "parent"?: "<folder asset name>" }.
// "external": ExternalImages named projects/bench-project/assets/img_<i>; "trivial": dynamic
// resources with the same inputs whose provider only echoes them (the engine's own floor).
// "batch": one ExternalImageSet of N images in `parent`; "trivialBatch": one trivial resource
// holding the same images (batch mode's engine floor).
// Changing `revision` patches a property (of the first `changed` images when given); changing
// `file` changes the source URI (a re-import).
const pulumi = require("@pulumi/pulumi");
const { ExternalImage, ExternalImageSet } = require("pulumi-earthengine");
const template = require("./manifest.json");

const trivialProvider = {
    async create(inputs) {
        return { id: inputs.imageManifest?.name ?? inputs.parent, outs: inputs };
    },
    async update(_id, _olds, news) {
        return { outs: news };
    },
};

const spec = new pulumi.Config().requireObject("bench");
if (spec.kind === "batch" || spec.kind === "trivialBatch") {
    const { name: _, ...image } = template;
    const images = {};
    for (let i = 0; i < spec.count; i++) {
        const revision = spec.changed === undefined || i < spec.changed ? spec.revision : "r1";
        images[`img_${i}`] = {
            ...image,
            tilesets: [{ id: "0", sources: [{ uris: [`gs://bench-bucket/${i}/${spec.file}`] }] }],
            properties: { ...template.properties, revision },
        };
    }
    if (spec.kind === "batch") new ExternalImageSet("images", { parent: spec.parent, images });
    else new pulumi.dynamic.Resource(trivialProvider, "images", { parent: spec.parent, images }, undefined, "bench", "TrivialSet");
}
for (let i = 0; i < (spec.kind === "external" || spec.kind === "trivial" ? spec.count : 0); i++) {
    const imageManifest = {
        ...template,
        name: `projects/bench-project/assets/img_${i}`,
        tilesets: [{ id: "0", sources: [{ uris: [`gs://bench-bucket/${i}/${spec.file}`] }] }],
        properties: { ...template.properties, revision: spec.revision },
    };
    if (spec.kind === "external") new ExternalImage(`img_${i}`, { imageManifest });
    else new pulumi.dynamic.Resource(trivialProvider, `img_${i}`, { imageManifest }, undefined, "bench", "Trivial");
}
