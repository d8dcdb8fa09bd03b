import * as pulumi from "@pulumi/pulumi";
import { ExternalImage } from "pulumi-earthengine";

const config = new pulumi.Config();
const assetProject = config.get("assetProject") ?? "my-project";
const bucket = config.get("bucket") ?? "my-bucket";

// Two COGs: reflectance bands in one, a cloud mask in the other. `uriPrefix` keeps the URIs short.
const scene = new ExternalImage("scene", {
    imageManifest: {
        name: `projects/${assetProject}/assets/scene_20260601`,
        uriPrefix: `gs://${bucket}/scenes/20260601/`,
        tilesets: [
            { id: "reflectance", sources: [{ uris: ["reflectance.tif"] }] },
            { id: "qa", sources: [{ uris: ["cloud_mask.tif"] }] },
        ],
        bands: [
            { id: "red", tilesetId: "reflectance", tilesetBandIndex: 0 },
            { id: "green", tilesetId: "reflectance", tilesetBandIndex: 1 },
            { id: "blue", tilesetId: "reflectance", tilesetBandIndex: 2 },
            { id: "nir", tilesetId: "reflectance", tilesetBandIndex: 3, missingData: { values: [-9999] } },
            { id: "cloud", tilesetId: "qa", tilesetBandIndex: 0, pyramidingPolicy: "MODE" },
        ],
        // The qa file's last band masks the reflectance bands.
        maskBands: [{ tilesetId: "qa", bandIds: ["red", "green", "blue", "nir"] }],
        // Valid pixels only inside this ring (pixel coordinates, closed).
        footprint: {
            points: [
                { x: 0.5, y: 0.5 },
                { x: 10979.5, y: 0.5 },
                { x: 10979.5, y: 10979.5 },
                { x: 0.5, y: 10979.5 },
                { x: 0.5, y: 0.5 },
            ],
            bandId: "red",
        },
        pyramidingPolicy: "MEAN",
        properties: { cloud_cover: 12.5, sensor: "example-sat", processing_level: "L2A" },
        startTime: "2026-06-01T10:32:11Z",
        endTime: "2026-06-01T10:32:41Z",
    },
});

export const assetName = scene.assetName;
