import * as pulumi from "@pulumi/pulumi";
import { ExternalImage } from "pulumi-earthengine";

// `pulumi config set assetProject my-project`, `bucket`, `source`: where the COG lives and what to call it.
const config = new pulumi.Config();
const assetProject = config.get("assetProject") ?? "my-project";
const bucket = config.get("bucket") ?? "my-bucket";

const dem = new ExternalImage("dem", {
    imageManifest: {
        name: `projects/${assetProject}/assets/dem`,
        tilesets: [{ id: "0", sources: [{ uris: [`gs://${bucket}/dem.tif`] }] }],
        bands: [{ id: "elevation", tilesetId: "0", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" }],
        properties: { source: config.get("source") ?? "survey-2026" },
        startTime: "2026-01-01T00:00:00Z",
    },
});

export const assetName = dem.assetName;
export const updateTime = dem.updateTime;
