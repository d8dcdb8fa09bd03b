import type * as pulumi from "@pulumi/pulumi";
import { type CloudStorageReader, createCloudStorageReader } from "../../provider/cloudStorage/client";
import { cloudStorageConfigFrom, resolveCloudStorageSettings } from "../../provider/cloudStorage/settings";
import type * as auth from "../../provider/earthengine/auth";
import { configValuesFrom, resolveSettings } from "../../provider/earthengine/settings";

/**
 * The Cloud Storage reader of a Pulumi program's sources (bucket listings, STAC catalogs), with
 * the provider's own settings, so a program and its provider read the same Cloud Storage:
 * `endpoint` if given, else `earthengine:cloudStorageEndpoint` (else
 * `EARTHENGINE_CLOUD_STORAGE_ENDPOINT`), else Google's. Google's endpoint is read with the
 * provider's credentials (`earthengine:credentials`, `accessToken`, `impersonateServiceAccount`,
 * else Application Default Credentials); a stand-in's without any.
 */
export function programCloudStorage(endpoint?: string): CloudStorageReader {
    // Loaded on first use: a source read from local files, and its unit tests, never need the SDK's runtime.
    const { Config } = require("@pulumi/pulumi") as typeof pulumi;
    const config = new Config("earthengine");
    // The provider's settings read full keys (`earthengine:<key>`); a program's Config reads them in its namespace.
    const stack = { get: (key: string) => config.get(key.replace(/^earthengine:/, "")) };
    const storage = resolveCloudStorageSettings({
        ...cloudStorageConfigFrom(stack),
        ...(endpoint ? { cloudStorageEndpoint: endpoint } : {}),
    });
    if (storage.endpoint !== undefined) return createCloudStorageReader({ endpoint: storage.endpoint });
    const provider = resolveSettings(configValuesFrom(stack));
    // Loaded here: google-auth-library adds about half a second to every program that imports the SDK.
    const { authSourceFor } = require("../../provider/earthengine/auth") as typeof auth;
    return createCloudStorageReader({ auth: authSourceFor(provider), projectId: provider.project });
}
