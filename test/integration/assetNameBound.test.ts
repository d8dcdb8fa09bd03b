import { type RunningEmulator, startEmulator } from "../../emulator";
import type { AuthSource } from "../../provider/earthengine/auth";
import { EarthEngineClient } from "../../provider/earthengine/client";
import { AssetNotFoundError } from "../../provider/earthengine/errors";
import { type ImageManifest, validateManifest } from "../../provider/manifest";
import { MAX_ASSET_NAME_BYTES } from "../../provider/values/assetName";

// The asset-name bound is the provider's own (Earth Engine documents none): the longest name the
// provider can still read and delete, proven against a real HTTP server. The emulator, like the
// service, takes a longer name; only the provider refuses it, at check, saying the limit is its own.
const auth: AuthSource = { description: "test token", headers: async () => ({ authorization: "Bearer t" }) };
const PREFIX = "projects/test-project/assets/";
const nameOf = (bytes: number) => PREFIX + "n".repeat(bytes - PREFIX.length);
const manifest = (name: string) => ({ name, tilesets: [{ sources: [{ uris: ["gs://test-bucket/a.tif"] }] }] });

let emulator: RunningEmulator;
let client: EarthEngineClient;
beforeAll(async () => {
    emulator = await startEmulator();
    client = new EarthEngineClient({ endpoint: emulator.url, apiVersion: "v1alpha", auth, userProject: "q", sleep: async () => undefined });
});
afterAll(() => emulator.close());

test("an asset with a name of exactly the bound is imported, read and deleted", async () => {
    const name = nameOf(MAX_ASSET_NAME_BYTES);
    const result = validateManifest(manifest(name));
    expect(result.ok).toBe(true);
    await client.importExternal((result as { manifest: ImageManifest }).manifest, { overwrite: false });
    expect((await client.getAsset(name)).name).toBe(name);
    await client.deleteAsset(name);
    await expect(client.getAsset(name)).rejects.toBeInstanceOf(AssetNotFoundError);
});

test("one byte more fails check, naming the limit as the provider's own", () => {
    const name = nameOf(MAX_ASSET_NAME_BYTES + 1);
    expect(validateManifest(manifest(name))).toMatchObject({
        ok: false,
        failures: [{ property: "imageManifest.name", reason: expect.stringContaining("its own limit: Earth Engine documents none") }],
    });
});

test("the emulator, like Earth Engine, imports and reads back a name past the provider's bound", async () => {
    const name = nameOf(MAX_ASSET_NAME_BYTES + 1);
    const response = await fetch(`${emulator.url}/v1alpha/projects/q/image:importExternal`, {
        method: "POST",
        headers: { authorization: "Bearer t", "content-type": "application/json" },
        body: JSON.stringify({ imageManifest: manifest(name) }),
    });
    expect(response.status).toBe(200);
    expect((await client.getAsset(name)).name).toBe(name);
});
