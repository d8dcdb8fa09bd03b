// Declares `count` resources from the stack config `bench`:
// { "kind": "external" | "trivial", "count": N, "revision": "r1", "file": "dem.tif" }.
// "external": ExternalImages named projects/bench-project/assets/img_<i>; "trivial": dynamic
// resources with the same inputs whose provider only echoes them (the engine's own floor).
// Changing `revision` patches a property; changing `file` changes the source URI (a re-import).
const pulumi = require("@pulumi/pulumi");
const { ExternalImage } = require("pulumi-earthengine");
const template = require("./manifest.json");

const trivialProvider = {
    async create(inputs) {
        return { id: inputs.imageManifest.name, outs: inputs };
    },
    async update(_id, _olds, news) {
        return { outs: news };
    },
};

const spec = new pulumi.Config().requireObject("bench");
for (let i = 0; i < spec.count; i++) {
    const imageManifest = {
        ...template,
        name: `projects/bench-project/assets/img_${i}`,
        tilesets: [{ id: "0", sources: [{ uris: [`gs://bench-bucket/${i}/${spec.file}`] }] }],
        properties: { ...template.properties, revision: spec.revision },
    };
    if (spec.kind === "external") new ExternalImage(`img_${i}`, { imageManifest });
    else new pulumi.dynamic.Resource(trivialProvider, `img_${i}`, { imageManifest }, undefined, "bench", "Trivial");
}
