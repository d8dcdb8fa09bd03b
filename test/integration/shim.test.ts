import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { resourceProviders } from "../../provider/kinds";
import { shimModuleOf } from "../../provider/shim/define";

// `npm run build` (which `npm test` runs first; run it yourself before this file alone) installs the
// package into node_modules the way npm lays it out for a consumer; these tests load it from there,
// as a Pulumi program does.
const INSTALLED = path.resolve(__dirname, "../../node_modules/pulumi-earthengine/dist");
const requireFromString: (
    code: string,
    filename: string,
) => { handler(): pulumi.dynamic.ResourceProvider } = require("require-from-string");

async function roundTrip(provider: object): Promise<{ text: string; provider: pulumi.dynamic.ResourceProvider }> {
    // Exactly what dynamic.Resource stores, and what the provider process does with it.
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    return { text: serialized.text, provider: requireFromString(serialized.text, "").handler() };
}

// The file the package's exports map gives for the module (Jest's resolver would find the checkout instead).
function installedShim(typeName: string) {
    const file = path.join(INSTALLED, `${shimModuleOf(typeName).replace(/^pulumi-earthengine\//, "")}.js`);
    try {
        return require(file);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
        throw new Error(
            `The installed package has no ${path.relative(path.resolve(__dirname, "../.."), file)}: run \`npm run build\` first ` +
                "(it compiles to dist/ and installs the package into node_modules, as npm does for a consumer).",
            { cause: error },
        );
    }
}

const manifest = {
    name: "projects/my-project/assets/dem",
    tilesets: [{ sources: [{ uris: ["gs://my-bucket/dem.tif"] }] }],
    start_time: "2026-01-01T00:00:00.000Z",
};

const KINDS = Object.keys(resourceProviders).sort();

test("every kind has a shim", () => {
    expect(KINDS).toContain("ExternalImage");
    for (const kind of KINDS) expect(() => installedShim(kind)).not.toThrow();
});

test.each(KINDS)("the installed %s shim serializes to a short require() of its module, under 1 KB", async (kind) => {
    const { text } = await roundTrip(installedShim(kind));
    expect(text).toContain(`require("${shimModuleOf(kind)}")`);
    expect(text.length).toBeLessThan(1024);
});

test.each(KINDS)("the deserialized %s shim exposes every provider method and answers check", async (kind) => {
    const { provider } = await roundTrip(installedShim(kind));
    expect(Object.keys(provider).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
    // An unknown input is refused by every kind, by name: proof the call reached this kind's implementation.
    const result = await provider.check?.({}, { notAnInput: 1 });
    expect(result?.failures?.find((f) => f.property === "notAnInput")?.reason).toContain(`${kind} takes`);
});

test("the deserialized ExternalImage shim normalises the manifest", async () => {
    const { provider } = await roundTrip(installedShim("ExternalImage"));
    const result = await provider.check?.({}, { imageManifest: manifest });
    expect(result?.failures).toBeUndefined();
    expect(result?.inputs.imageManifest).toMatchObject({ startTime: "2026-01-01T00:00:00Z" });
});

test("a by-value copy of the shim (a symlinked checkout) still loads the implementation by package name", async () => {
    const { text, provider } = await roundTrip(require("../../provider/shim"));
    expect(text).not.toContain("zod"); // the implementation is never copied into state
    const result = await provider.check?.({}, { imageManifest: { ...manifest, tilesets: [] } });
    // A nested path goes to the engine in the reason, not as the property (the engine would print its value as {<nil>}).
    expect(result?.failures?.[0]?.property).toBe("");
    expect(result?.failures?.[0]?.reason).toMatch(/^imageManifest\.tilesets: /);
});
