import * as pulumi from "@pulumi/pulumi";
import { ExternalImage } from "pulumi-earthengine";

// The stack's settings live in Pulumi.<stack>.yaml, committed beside this file, so a pull request
// that changes them is previewed like any other change: assetProject, bucket, release.
const config = new pulumi.Config();
const assetProject = config.require("assetProject");
const bucket = config.require("bucket");

const elevation = new ExternalImage("elevation", {
    imageManifest: {
        name: `projects/${assetProject}/assets/elevation`,
        tilesets: [{ id: "0", sources: [{ uris: [`gs://${bucket}/elevation.tif`] }] }],
        bands: [{ id: "elevation", tilesetId: "0", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" }],
        properties: { release: config.get("release") ?? "initial" },
    },
});

export const assetName = elevation.assetName;
