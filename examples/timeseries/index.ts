import * as pulumi from "@pulumi/pulumi";
import * as ee from "pulumi-earthengine";

// `pulumi config set assetProject my-project`, `bucket my-bucket`: where the COGs live and the assets go.
const config = new pulumi.Config();
const assetProject = config.get("assetProject") ?? "my-project";
const bucket = config.get("bucket") ?? "my-bucket";
const months = config.getNumber("months") ?? 12;

const archive = new ee.Folder("archive", { name: `projects/${assetProject}/assets/archive` });

// One entry per month: the file and its dates. The band layout is written once, in defaults.
const images: Record<string, ee.ImageEntryArgs> = {};
for (let m = 0; m < months; m++) {
    const start = new Date(Date.UTC(2024, m, 1));
    const end = new Date(Date.UTC(2024, m + 1, 1));
    const month = start.toISOString().slice(0, 7); // 2024-01
    images[month.replace("-", "_")] = {
        uri: `${month}.tif`,
        startTime: start.toISOString(),
        endTime: end.toISOString(),
    };
}

const ndvi = new ee.ExternalImageCollection("ndvi", {
    name: pulumi.interpolate`${archive.assetName}/ndvi_monthly`,
    properties: { source: "sentinel-2", version: 3 },
    defaults: {
        uriPrefix: `gs://${bucket}/ndvi/`,
        bands: [{ id: "ndvi", tilesetId: "0", tilesetBandIndex: 0, pyramidingPolicy: "MEAN", missingData: { values: [-9999] } }],
        properties: { product: "ndvi_monthly" },
    },
    images,
});

// Public read: anyone can load the collection in the Code Editor or an app.
new ee.AssetIamMember("ndvi-public", { assetName: ndvi.assetName, role: "roles/viewer", member: "allUsers" });

export const assetName = ndvi.assetName;
export const imageNames = Object.values(ndvi.images).map((image) => image.assetName);
