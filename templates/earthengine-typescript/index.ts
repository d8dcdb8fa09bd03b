import * as pulumi from "@pulumi/pulumi";
import { ExternalImage } from "pulumi-earthengine";

// `pulumi config set <key> <value>` changes these; `pulumi new` asks for them (see Pulumi.yaml).
// Credentials and the consumer (quota) project come from `earthengine:*` config or the environment:
// see the pulumi-earthengine README, "Configuration".
const config = new pulumi.Config();
const assetProject = config.require("assetProject");

const image = new ExternalImage("image", {
    imageManifest: {
        // The REST ImageManifest; every field is typed. Add `bands`, masks or more tilesets as needed.
        name: `projects/${assetProject}/assets/${config.require("assetId")}`,
        tilesets: [{ id: "0", sources: [{ uris: [config.require("cogUri")] }] }],
        properties: { managedBy: "pulumi" },
    },
});

export const assetName = image.assetName;
export const updateTime = image.updateTime;
