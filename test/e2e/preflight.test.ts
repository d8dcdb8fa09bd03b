import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { createSandbox, type EngineSandbox, newStack, REPO_ROOT } from "./support/engine";
import { callLinesDuring } from "./support/events";

// Preflight through the real engine: the provider's warning reaches the person running preview
// (the Engine.Log channel of provider/preflight/engineWarnings.ts), and a file that is not a COG
// stops preview at check with the manifest path, before any Earth Engine request. Every rule is
// in test/integration/preflight.test.ts; this is what the engine shows of it.
jest.setTimeout(10 * 60_000);

const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/cog", name));
const manifest = (id: string, object: string) => ({
    name: `projects/e2e-project/assets/${id}`,
    tilesets: [{ sources: [{ uris: [`gs://e2e-cogs/${object}`] }] }],
});

let emulator: RunningEmulator;
let gcs: FakeGcs;
let sandbox: EngineSandbox;
let stack: Stack;

beforeAll(async () => {
    [emulator, gcs] = await Promise.all([startEmulator(), startFakeGcs()]);
    await gcs.createBucket("e2e-cogs");
    await gcs.putObject("e2e-cogs", "no-overviews.tif", fixture("no-overviews.tif"));
    await gcs.putObject("e2e-cogs", "stripped.tif", fixture("stripped.tif"));
    sandbox = await createSandbox(path.join(__dirname, "program"), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "t",
        EARTHENGINE_CLOUD_STORAGE_ENDPOINT: gcs.endpoint,
    });
    stack = await newStack(sandbox, "preflight");
});

afterAll(async () => {
    await stack?.workspace.removeStack("preflight", { force: true }).catch(() => undefined);
    sandbox?.cleanup();
    await Promise.all([emulator?.close(), gcs?.stop()]);
});

const setImages = (images: Record<string, unknown>) =>
    stack.setConfig("images", {
        value: JSON.stringify(Object.fromEntries(Object.entries(images).map(([key, imageManifest]) => [key, { args: { imageManifest } }]))),
    });

test("a preview shows the provider's preflight warning (a COG without overviews) among the run's warnings", async () => {
    await setImages({ plain: manifest("plain", "no-overviews.tif") });
    const diagnostics: { severity: string; message: string }[] = [];
    await stack.preview({ onEvent: (event) => event.diagnosticEvent && diagnostics.push(event.diagnosticEvent) });
    // Severity "warning" is the Engine.Log channel; the provider process's stderr would arrive as "info#err".
    expect(diagnostics).toContainEqual(
        expect.objectContaining({
            severity: "warning",
            message: expect.stringMatching(
                /projects\/e2e-project\/assets\/plain: imageManifest\.tilesets\[0\]\.sources\[0\]\.uris\[0\]: gs:\/\/e2e-cogs\/no-overviews\.tif has no internal overviews/,
            ),
        }),
    );
});

test("a preview of a file that is not a COG fails at check with the manifest path leading the message (no value {<nil>}), and sends nothing to Earth Engine", async () => {
    await setImages({ strips: manifest("strips", "stripped.tif") });
    let failure: Error | undefined;
    const calls = await callLinesDuring(emulator, () => stack.preview().catch((error: Error) => (failure = error)));
    expect(failure?.message).toMatch(/imageManifest\.tilesets\[0\]\.sources\[0\]\.uris\[0\]/);
    expect(failure?.message).toMatch(/gs:\/\/e2e-cogs\/stripped\.tif is a GeoTIFF in strips, not tiled/);
    // The path leads the message; the engine prints no `value {<nil>}` (it prints values of top-level inputs only).
    expect(failure?.message).toMatch(/has a problem: imageManifest\.tilesets\[0\]\.sources\[0\]\.uris\[0\]: /);
    expect(failure?.message).not.toContain("{<nil>}");
    expect(calls).toEqual([]);
});
