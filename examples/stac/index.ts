import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ee from "pulumi-earthengine";

// `pulumi config set assetProject my-project`; `pulumi config set catalog gs://my-bucket/stac/catalog.json`
// to read a catalog from Cloud Storage instead of the one beside this program.
const config = new pulumi.Config();
const assetProject = config.get("assetProject") ?? "my-project";
const catalog = config.get("catalog") ?? path.join(__dirname, "catalog.json");

// An async program: the catalog is read before any resource is declared, so a preview shows an
// item added to the catalog as one create and an item removed as one delete.
export = async () => {
    const images = await ee.entriesFromStac(catalog, {
        assets: ["red", "nir08"], // one tileset per asset, in this order; default: every COG data asset
        properties: ["platform", "eo:cloud_cover", "landsat:wrs_path", "landsat:wrs_row"], // become platform, eo_cloud_cover, ...
    });
    const archive = new ee.Folder("archive", { name: `projects/${assetProject}/assets/archive` });
    const scenes = new ee.ExternalImageCollection("landsat", {
        name: pulumi.interpolate`${archive.assetName}/landsat_044034`,
        properties: { source: "stac" },
        images,
    });
    return { assetName: scenes.assetName, imageNames: scenes.imageNames };
};
