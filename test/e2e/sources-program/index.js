// A folder and one ExternalImageCollection per source of the `sources` config object, each
// collection's images read from where the files are:
// { "folder": "<asset name>",
//   "collections": [{ "id": "<id in the folder>", "bucket": { "uri": "gs://...", "match": "<RegExp source>", ... } },
//                   { "id": "<id in the folder>", "stac": { "source": "gs://.../catalog.json", ... } }] }
// A source kind is one entry of `entriesOf`, so a second kind adds no engine command to the tests.
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const ee = require("pulumi-earthengine");

const entriesOf = {
    bucket: ({ match, ...options }) => ee.entriesFromBucket({ ...options, match: new RegExp(match) }),
    stac: ({ source, ...options }) => ee.entriesFromStac(source, options),
};

async function main() {
    const spec = new pulumi.Config().requireObject("sources");
    const folder = new ee.Folder("archive", { name: spec.folder });
    const imageNames = {};
    for (const source of spec.collections) {
        const kind = Object.keys(entriesOf).find((name) => source[name] !== undefined);
        const images = await entriesOf[kind](source[kind]);
        const collection = new ee.ExternalImageCollection(source.id, {
            name: pulumi.interpolate`${folder.assetName}/${source.id}`,
            images,
        });
        imageNames[source.id] = collection.imageNames;
    }
    return { imageNames };
}

module.exports = main;
