import * as pulumi from "@pulumi/pulumi";
import * as ee from "pulumi-earthengine";

// `pulumi config set assetProject my-project`, `bucket my-bucket`: the COGs are gs://<bucket>/ndvi/ndvi_YYYY-MM.tif.
const config = new pulumi.Config();
const assetProject = config.get("assetProject") ?? "my-project";
const bucket = config.get("bucket") ?? "my-bucket";

// The program is async: the entries come from a Cloud Storage listing before the collection is declared.
export = async () => {
    const archive = new ee.Folder("archive", { name: `projects/${assetProject}/assets/archive` });

    // One image per file: key from the file name (ndvi_2024-01), dates from the name (a month each).
    // Files added to or removed from the prefix become images created or deleted at the next up.
    const images = await ee.entriesFromBucket({
        uri: `gs://${bucket}/ndvi/`,
        match: /^ndvi_(?<startTime>\d{4}-\d{2})\.tif$/,
        endTime: "period",
    });

    const ndvi = new ee.ExternalImageCollection("ndvi", {
        name: pulumi.interpolate`${archive.assetName}/ndvi_monthly`,
        properties: { source: "sentinel-2", version: 3 },
        defaults: {
            bands: [{ id: "ndvi", tilesetId: "0", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" }],
            properties: { product: "ndvi_monthly" },
        },
        images,
    });

    // Public read: anyone can load the collection in the Code Editor or an app.
    new ee.AssetIamMember("ndvi-public", { assetName: ndvi.assetName, role: "roles/viewer", member: "allUsers" });

    return { assetName: ndvi.assetName, imageNames: ndvi.imageNames };
};
