// Declares `count` ExternalImages, projects/<assetProject>/assets/img-00001 ..., each with
// properties.version from config (change it to change every asset's metadata).
// Plain JavaScript so that each engine run starts without compiling TypeScript.
const pulumi = require("@pulumi/pulumi");
const { ExternalImage } = require("pulumi-earthengine");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const version = config.get("version") ?? "1";
const project = config.get("assetProject") ?? "soak-project";

for (let i = 1; i <= count; i++) {
    const id = `img-${String(i).padStart(5, "0")}`;
    new ExternalImage(id, {
        imageManifest: {
            name: `projects/${project}/assets/${id}`,
            properties: { version, index: i },
            tilesets: [{ sources: [{ uris: [`gs://soak-bucket/${id}.tif`] }] }],
        },
    });
}
