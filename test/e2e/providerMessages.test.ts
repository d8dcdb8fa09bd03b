import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type FakeGcs, startFakeGcs } from "../support/fakeGcs";
import { createSandbox, type EngineSandbox, newInlineStack, REPO_ROOT, storedDeployment } from "./support/engine";
import { callLinesDuring, EXTERNAL_IMAGE_TYPE } from "./support/events";

// What the real engine makes of the provider's warnings and errors, in one stack of test/e2e/program:
// - preflight: the provider's warning reaches the person running preview (the Engine.Log channel of
//   provider/preflight/engineWarnings.ts), and a file that is not a COG stops preview at check with the
//   manifest path, before any Earth Engine request. Every rule is in test/integration/preflight.test.ts.
// - a read-back that fails after a successful import: the cause is printed, the asset is tracked, and
//   the next up completes its outputs without writing again. What the provider returns for it (the
//   error's id, properties and reasons; diff and update afterwards, down to no change) is in
//   test/integration/provider.test.ts.
jest.setTimeout(10 * 60_000);

const STACK = "messages";
const fixture = (name: string) => fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/cog", name));
const manifest = (id: string, object: string) => ({
    name: `projects/e2e-project/assets/${id}`,
    tilesets: [{ sources: [{ uris: [`gs://e2e-cogs/${object}`] }] }],
});
const DEM = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/e2e/dem.json"), "utf8"));

let emulator: RunningEmulator;
let gcs: FakeGcs;
let sandbox: EngineSandbox;
let stack: Stack;

beforeAll(async () => {
    [emulator, gcs] = await Promise.all([startEmulator(), startFakeGcs()]);
    await Promise.all([gcs.createBucket("e2e-cogs"), gcs.createBucket("e2e-bucket")]);
    await gcs.putObject("e2e-cogs", "no-overviews.tif", fixture("no-overviews.tif"));
    await gcs.putObject("e2e-cogs", "stripped.tif", fixture("stripped.tif"));
    await gcs.putObject("e2e-bucket", "dem.tif", fixture("valid.tif")); // the read-back's image, a COG that preflight passes
    sandbox = await createSandbox(path.join(__dirname, "program"), {
        EARTHENGINE_ENDPOINT: emulator.url,
        GOOGLE_OAUTH_ACCESS_TOKEN: "t",
        EARTHENGINE_CLOUD_STORAGE_ENDPOINT: gcs.endpoint,
    });
    stack = await newInlineStack(sandbox, STACK);
    await stack.setConfig("earthengine:maxRetries", { value: "1" });
});

// The sandbox's cleanup removes the backend with the stack: no `pulumi stack rm` needed.
afterAll(async () => {
    sandbox?.cleanup();
    await Promise.all([emulator?.close(), gcs?.stop()]);
});

const setImages = (images: Record<string, { args: unknown; stampFrom?: string }>) =>
    stack.setConfig("images", { value: JSON.stringify(images) });

describe("preflight through pulumi preview", () => {
    // One preview for both: `strips` takes a property from `plain`'s outputs (the program's stampFrom),
    // so it registers only once `plain`'s step is done, and its failed check, which ends the preview,
    // comes after `plain`'s warning.
    const diagnostics: { severity: string; message: string }[] = [];
    let failure: Error | undefined;
    let calls: string[];
    beforeAll(async () => {
        await setImages({
            plain: { args: { imageManifest: manifest("plain", "no-overviews.tif") } },
            strips: { args: { imageManifest: manifest("strips", "stripped.tif") }, stampFrom: "plain" },
        });
        calls = await callLinesDuring(emulator, () =>
            stack
                .preview({ onEvent: (event) => event.diagnosticEvent && diagnostics.push(event.diagnosticEvent) })
                .catch((error: Error) => (failure = error)),
        );
    });

    test("a preview shows the provider's preflight warning (a COG without overviews) among the run's warnings", () => {
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

    test("a preview of a file that is not a COG fails at check with the manifest path leading the message (no value {<nil>}), and sends nothing to Earth Engine", () => {
        expect(failure?.message).toMatch(/imageManifest\.tilesets\[0\]\.sources\[0\]\.uris\[0\]/);
        expect(failure?.message).toMatch(/gs:\/\/e2e-cogs\/stripped\.tif is a GeoTIFF in strips, not tiled/);
        // The path leads the message; the engine prints no `value {<nil>}` (it prints values of top-level inputs only).
        expect(failure?.message).toMatch(/has a problem: imageManifest\.tilesets\[0\]\.sources\[0\]\.uris\[0\]: /);
        expect(failure?.message).not.toContain("{<nil>}");
        expect(calls).toEqual([]);
    });
});

describe("a read-back that fails after a successful import", () => {
    const image = () => storedDeployment(sandbox, STACK).resources?.find((r) => r.type === EXTERNAL_IMAGE_TYPE);

    test("the engine shows the cause, keeps the asset, and the next up reads it back", async () => {
        await setImages({ dem: { args: { imageManifest: DEM } } });
        emulator.addFault({ status: 500, method: "GET", count: 2, message: "storage backend exploded", retryAfterSeconds: 0 });
        const failed = await stack.up().then(
            () => undefined,
            (error: Error) => error,
        );
        expect(failed?.message).toMatch(/storage backend exploded/);
        expect(failed?.message).toMatch(/the next pulumi up reads it again/);
        expect(emulator.assets()).toHaveLength(1);
        const tracked = image();
        expect(tracked?.id).toBe(DEM.name);
        expect(tracked?.outputs?.updateTime).toBeUndefined();

        expect(await callLinesDuring(emulator, () => stack.up())).toEqual([`GET /v1alpha/${DEM.name}`]);
        expect(image()?.outputs?.updateTime).toBe(emulator.assets()[0].updateTime);
    });
});
