import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

// `npm test` builds first and installs the package into node_modules the way npm lays it out
// for a consumer; these tests load it from there, as a Pulumi program does.
const INSTALLED_SHIM = path.resolve(__dirname, "../../node_modules/pulumi-earthengine/dist/provider/shim.js");
const requireFromString: (
    code: string,
    filename: string,
) => { handler(): pulumi.dynamic.ResourceProvider } = require("require-from-string");

async function roundTrip(provider: object): Promise<{ text: string; provider: pulumi.dynamic.ResourceProvider }> {
    // Exactly what dynamic.Resource stores, and what the provider process does with it.
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    return { text: serialized.text, provider: requireFromString(serialized.text, "").handler() };
}

const manifest = {
    name: "projects/my-project/assets/dem",
    tilesets: [{ sources: [{ uris: ["gs://my-bucket/dem.tif"] }] }],
    start_time: "2026-01-01T00:00:00.000Z",
};

test("the installed shim serializes to a short require() of the package, under 1 KB", async () => {
    const { text } = await roundTrip(require(INSTALLED_SHIM));
    expect(text).toContain('require("pulumi-earthengine/provider/shim")');
    expect(text.length).toBeLessThan(1024);
});

test("the deserialized shim finds the implementation and answers check", async () => {
    const { provider } = await roundTrip(require(INSTALLED_SHIM));
    const result = await provider.check?.({}, { imageManifest: manifest });
    expect(result?.failures).toBeUndefined();
    expect(result?.inputs.imageManifest).toMatchObject({ startTime: "2026-01-01T00:00:00Z" });
});

test("the deserialized shim exposes every provider method", async () => {
    const { provider } = await roundTrip(require(INSTALLED_SHIM));
    expect(Object.keys(provider).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
});

test("a by-value copy of the shim (a symlinked checkout) still loads the implementation by package name", async () => {
    const { text, provider } = await roundTrip(require("../../provider/shim"));
    expect(text).not.toContain("zod"); // the implementation is never copied into state
    const result = await provider.check?.({}, { imageManifest: { ...manifest, tilesets: [] } });
    expect(result?.failures?.[0]?.property).toBe("imageManifest.tilesets");
});
