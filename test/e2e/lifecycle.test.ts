import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "../../emulator";
import {
    backendDir,
    createSandbox,
    type EngineSandbox,
    newInlineStack,
    REPO_ROOT,
    storedDeployment,
    storedLastUpdate,
    storedStackOutputs,
} from "./support/engine";
import { StepRecorder } from "./support/events";
import { repoSdkVersion } from "./support/sdk";

// The real engine: a CLI built from Go modules, the Node language host, the dynamic-provider
// plugin process, and the emulator on an ephemeral loopback port. Steps build on each other, in order.
// No final destroy: step 7 tests destroy's deletes (and sdkFloor, tree and timeseries destroy to empty);
// the sandbox and emulator go away with the suite.
// Beside the repository's @pulumi/pulumi (the lockfile's, for Node.js 20); sdkFloor.test.ts walks
// create, update and destroy beside the oldest release package.json's range admits.
jest.setTimeout(20 * 60_000);

const TOKEN = "e2e-secret-token-7f3a9c"; // must never appear in state
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/e2e", name), "utf8"));
const DEM = fixture("dem.json");
const LANDCOVER = fixture("landcover.json");

interface Spec {
    args: { project?: string; imageManifest: Record<string, unknown>; adopt?: boolean };
    protect?: boolean;
    retainOnDelete?: boolean;
    /** Name of an earlier image whose updateTime becomes properties.upstream. */
    stampFrom?: string;
}

const sdkVersion = repoSdkVersion();

describe(`beside @pulumi/pulumi ${sdkVersion}`, () => {
    let emulator: RunningEmulator;
    let sandbox: EngineSandbox;
    let stack: Stack;
    let images: Record<string, Spec>;

    async function declare(next: Record<string, Spec>): Promise<void> {
        images = next;
        await stack.setConfig("images", { value: JSON.stringify(next) });
    }

    /** Earth Engine calls made while `action` runs. */
    async function callsDuring<T>(
        action: () => Promise<T>,
    ): Promise<{ result: T; calls: { method: string; path: string; status: number; body?: unknown }[] }> {
        const mark = emulator.requests().length;
        const result = await action();
        return { result, calls: emulator.requests().slice(mark) };
    }

    async function directCall(method: string, apiPath: string, body?: unknown): Promise<Response> {
        return fetch(`${emulator.url}/v1alpha/${apiPath}`, {
            method,
            headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    }

    const asset = (name: string) => emulator.assets().find((a) => a.name === name);
    /** Whether `call` is an import of the asset `id` (importExternal names it in the body). */
    const named = (call: { body?: unknown }, id: string) =>
        (call.body as { imageManifest?: { name?: string } } | undefined)?.imageManifest?.name === `projects/e2e-project/assets/${id}`;

    beforeAll(async () => {
        emulator = await startEmulator();
        sandbox = await createSandbox(path.join(__dirname, "program"), { EARTHENGINE_ENDPOINT: emulator.url });
        stack = await newInlineStack(sandbox, "e2e");
        // A secret in stack config: it reaches the provider through configure, never the state.
        await stack.setConfig("earthengine:accessToken", { value: TOKEN, secret: true });
        await stack.setConfig("earthengine:project", { value: "e2e-quota-project" });
        await declare({ dem: { args: { imageManifest: DEM } }, landcover: { args: { imageManifest: LANDCOVER } } });
    });

    afterAll(async () => {
        sandbox?.cleanup();
        await emulator?.close();
    });

    // Each engine command costs seconds, so independent behaviours share one: a step changes
    // several images at once, and its assertions pick each image's calls out of the log.
    test("1. preview of a new stack shows the creates and makes no Earth Engine call", async () => {
        const { result, calls } = await callsDuring(() => stack.preview());
        expect(result.changeSummary.create).toBe(3); // the stack and two images
        expect(calls).toEqual([]);
    });

    test("2. up creates the assets, and the emulator holds exactly what was declared", async () => {
        const steps = new StepRecorder();
        const { calls } = await callsDuring(() => stack.up({ onEvent: steps.onEvent }));
        expect(storedStackOutputs(sandbox, "e2e").sdkVersion).toBe(sdkVersion);
        expect(steps.steps.sort()).toEqual(["create dem", "create landcover"]);
        expect(calls.filter((c) => c.method === "POST").map((c) => (c.body as { overwrite: boolean }).overwrite)).toEqual([false, false]);

        const dem = asset("projects/e2e-project/assets/dem");
        expect(dem).toMatchObject({ type: "IMAGE", properties: { source: "survey-2026" }, startTime: "2026-01-01T00:00:00Z" });
        expect(dem?.tilesets?.[0].sources[0].uris).toEqual(["gs://e2e-bucket/dem.tif"]);
        expect(dem?.bands?.map((b) => [b.id, b.pyramidingPolicy])).toEqual([["elevation", "MEAN"]]);

        const landcover = asset("projects/e2e-project/assets/landcover");
        expect(landcover).toMatchObject({
            properties: { version: 3, license: "cc-by-4.0" },
            startTime: "2025-01-01T00:00:00Z",
            endTime: "2026-01-01T00:00:00Z",
        });
        expect(landcover?.tilesets?.map((t) => t.sources[0].uris[0])).toEqual([
            "gs://e2e-bucket/landcover/rgb.tif",
            "gs://e2e-bucket/landcover/mask.tif",
        ]);
        expect(landcover?.bands?.map((b) => b.id)).toEqual(["red", "green", "class"]);
        expect(emulator.assets()).toHaveLength(2);
    });

    test("3. a property or time change is applied with one PATCH, a tileset URI change re-imports with overwrite: true; preview --diff shows both updates and what up will do, with no Earth Engine call", async () => {
        const landcover = {
            ...LANDCOVER,
            properties: { version: 4, license: "cc-by-4.0", reviewed: "yes" },
            end_time: "2027-01-01T00:00:00Z",
        };
        const dem = { ...DEM, tilesets: [{ id: "0", sources: [{ uris: ["gs://e2e-bucket/dem-v2.tif"] }] }] };
        await declare({ dem: { args: { imageManifest: dem } }, landcover: { args: { imageManifest: landcover } } });
        const preview = await callsDuring(() => stack.preview({ diff: true }));
        expect(preview.result.changeSummary.update).toBe(2);
        expect(preview.calls).toEqual([]);
        // --diff tells what up will do to each image: a patch with the mask's fields, a re-import
        // (state keeps the last summary among the inputs: `old => new`).
        expect(preview.result.stdout).toMatch(/changeSummary\s*: "patch: [^\n]*end_time/);
        expect(preview.result.stdout).toMatch(/changeSummary\s*: (?:"[^\n]*" => )?"re-import: tilesets"/);
        // The README's filter for an archive's preview keeps, per image, its URN and what up does.
        const kept = preview.result.stdout.split("\n").filter((line) => /\[urn=|changeSummary/.test(line));
        expect(kept.filter((line) => line.includes("ExternalImage::landcover]"))).toHaveLength(1);
        expect(kept.filter((line) => line.includes("ExternalImage::dem]"))).toHaveLength(1);
        expect(kept.filter((line) => line.includes("changeSummary"))).toHaveLength(2);

        const { calls } = await callsDuring(() => stack.up());
        const landcoverCalls = calls.filter((c) => c.path.endsWith("/assets/landcover") || named(c, "landcover"));
        expect(landcoverCalls).toHaveLength(1);
        expect(landcoverCalls[0]).toMatchObject({ method: "PATCH", path: "/v1alpha/projects/e2e-project/assets/landcover", status: 200 });
        expect((landcoverCalls[0].body as { updateMask: string }).updateMask.split(",").sort()).toEqual([
            "end_time",
            'properties."reviewed"',
            'properties."version"',
        ]);
        expect(asset("projects/e2e-project/assets/landcover")).toMatchObject({
            properties: { version: 4, license: "cc-by-4.0", reviewed: "yes" },
            endTime: "2027-01-01T00:00:00Z",
        });

        const imports = calls.filter((c) => c.path.endsWith("/image:importExternal"));
        expect(imports).toHaveLength(1);
        expect(imports[0].body).toMatchObject({ overwrite: true, imageManifest: { name: "projects/e2e-project/assets/dem" } });
        expect(calls.some((c) => c.method === "DELETE")).toBe(false);
        expect(asset("projects/e2e-project/assets/dem")?.tilesets?.[0].sources[0].uris).toEqual(["gs://e2e-bucket/dem-v2.tif"]);
    });

    test("4. an asset name change moves the image in place: one assets.move, no import, no delete", async () => {
        const renamed = { ...(images.dem.args.imageManifest as Record<string, unknown>), name: "projects/e2e-project/assets/dem_2027" };
        await declare({ ...images, dem: { args: { imageManifest: renamed } } });
        // up's own steps show the diff preview would: an update, no replacement (no preview first).
        const steps = new StepRecorder();
        const { calls } = await callsDuring(() => stack.up({ onEvent: steps.onEvent }));
        expect(steps.steps).toEqual(["update dem"]);
        expect(calls.filter((c) => c.method !== "GET").map((c) => `${c.method} ${c.path.replace(/^\/v1\w*\//, "")}`)).toEqual([
            "POST projects/e2e-project/assets/dem:move",
        ]);
        expect(asset("projects/e2e-project/assets/dem")).toBeUndefined();
        expect(asset("projects/e2e-project/assets/dem_2027")).toBeDefined();
        await stack.preview({ expectNoChanges: true });
    });

    test("5. drift behind Pulumi's back (one asset deleted, one's property changed): refresh records both, up recreates one and PATCHes the other, then a preview has nothing to change and makes no Earth Engine call", async () => {
        expect((await directCall("DELETE", "projects/e2e-project/assets/landcover")).status).toBe(200);
        const patched = await directCall("PATCH", "projects/e2e-project/assets/dem_2027", {
            asset: { properties: { source: "edited-by-hand" } },
            updateMask: "properties.source",
        });
        expect(patched.status).toBe(200);
        await stack.refresh();
        expect(storedLastUpdate(sandbox, "e2e").resourceChanges).toMatchObject({ delete: 1, update: 1 });

        const steps = new StepRecorder();
        const { calls } = await callsDuring(() => stack.up({ onEvent: steps.onEvent }));
        expect(steps.steps.sort()).toEqual(["create landcover", "update dem"]);
        expect(calls.filter((c) => c.path.endsWith("/assets/dem_2027")).map((c) => c.method)).toEqual(["PATCH"]);
        expect(asset("projects/e2e-project/assets/landcover")).toBeDefined();
        expect(asset("projects/e2e-project/assets/dem_2027")?.properties).toEqual({ source: "survey-2026" });
        const noChange = await callsDuring(() => stack.preview({ expectNoChanges: true }));
        expect(noChange.calls).toEqual([]);
    });

    test("6. an existing identical asset is adopted; a differing one is taken over with adopt: true", async () => {
        const identical = { ...DEM, name: "projects/e2e-project/assets/adopted" };
        const differing = { ...DEM, name: "projects/e2e-project/assets/taken" };
        expect((await directCall("POST", "projects/e2e-project/image:importExternal", { imageManifest: identical })).status).toBe(200);
        expect(
            (
                await directCall("POST", "projects/e2e-project/image:importExternal", {
                    imageManifest: { ...differing, properties: { source: "hand-made" } },
                })
            ).status,
        ).toBe(200);

        // One up for both, which also sets the options step 7 needs: protect on one image,
        // retainOnDelete on the other. (A differing asset without adopt: true is refused with the
        // fields that differ and the fix: test/integration/provider.test.ts, through the engine's
        // display of a failed create: providerMessages.test.ts.)
        await declare({
            ...images,
            adopted: { args: { imageManifest: identical }, protect: true },
            taken: { args: { imageManifest: differing, adopt: true }, retainOnDelete: true },
        });
        const { calls } = await callsDuring(() => stack.up());
        const adoptedCalls = calls.filter((c) => c.path.endsWith("/assets/adopted") || named(c, "adopted"));
        expect(adoptedCalls.map((c) => `${c.method} ${c.status}`)).toEqual(["POST 409", "GET 200"]);
        const takenWrites = calls.filter((c) => c.method !== "GET" && named(c, "taken"));
        expect(takenWrites.map((c) => (c.body as { overwrite: boolean }).overwrite)).toEqual([true]);
        expect(calls.filter((c) => c.method !== "GET" && !named(c, "adopted") && !named(c, "taken"))).toEqual([]);
        expect(asset("projects/e2e-project/assets/taken")?.properties).toEqual({ source: "survey-2026" });
        const inState = storedDeployment(sandbox, "e2e").resources?.map((r) => r.urn.split("::").pop());
        expect(inState).toEqual(expect.arrayContaining(["adopted", "taken"]));
    });

    test("7. destroy deletes what it may: protect keeps its asset and fails the destroy, retainOnDelete leaves its asset in Earth Engine", async () => {
        const destroy = await callsDuring(() =>
            stack.destroy().then(
                () => undefined,
                (error: Error) => error,
            ),
        );
        expect(destroy.result?.message).toMatch(/protected/);
        // The engine deletes every other resource; the retained one leaves state without a call.
        const deleted = destroy.calls.filter((c) => c.method === "DELETE").map((c) => c.path.split("/").pop());
        expect(deleted.sort()).toEqual(["dem_2027", "landcover"]);
        expect(asset("projects/e2e-project/assets/adopted")).toBeDefined();
        expect(asset("projects/e2e-project/assets/taken")).toBeDefined();
        expect((await directCall("DELETE", "projects/e2e-project/assets/taken")).status).toBe(200);
        const { taken: _, ...withoutTaken } = images;
        images = { ...withoutTaken, adopted: { args: images.adopted.args } }; // step 8's up lifts protect
    });

    test("8. an input computed from another image's output is unknown in preview, passes check, and applies; a manifest written for the EE CLI applies unchanged, and what Earth Engine ignores is warned about once", async () => {
        const upstream = { ...DEM, name: "projects/e2e-project/assets/upstream" };
        const downstream = { ...DEM, name: "projects/e2e-project/assets/downstream" };
        await declare({
            ...images,
            upstream: { args: { imageManifest: upstream } },
            downstream: { args: { imageManifest: downstream }, stampFrom: "upstream" },
            cli: { args: { imageManifest: fixture("cli-legacy.json") } },
        });
        const preview = await callsDuring(() => stack.preview());
        expect(preview.result.changeSummary.create).toBe(5); // with dem and landcover, deleted by step 7's destroy
        expect(preview.calls).toEqual([]);

        const diagnostics: { severity: string; message: string; urn?: string }[] = [];
        await stack.up({
            onEvent: (event) => {
                if (event.diagnosticEvent) diagnostics.push(event.diagnosticEvent);
            },
        });
        const stamped = asset("projects/e2e-project/assets/downstream")?.properties?.upstream;
        expect(stamped).toBe(asset("projects/e2e-project/assets/upstream")?.updateTime);

        expect(asset("projects/e2e-project/assets/cli")).toMatchObject({
            tilesets: [{ sources: [{ uris: ["gs://e2e-bucket/cli.tif"] }] }],
            startTime: "2020-01-01T00:00:00Z",
            endTime: "2020-01-02T00:00:00Z",
        });
        const warning = "imageManifest.tilesets[0].sources[0].dimensions: dimensions are only used with skipMetadataRead: true";
        const warnings = diagnostics.filter((d) => d.severity === "warning" && d.message.includes(warning));
        expect(warnings).toHaveLength(1);
        expect(warnings[0].urn).toMatch(/::cli$/);
        await stack.preview({ expectNoChanges: true });
    });

    test("9. the stored state holds no credential, and each __provider is under 1 KB", async () => {
        // The state file exactly as the backend keeps it (what `pulumi stack export` prints).
        const stateFile = path.join(backendDir(sandbox), ".pulumi/stacks/e2e-earthengine/e2e.json");
        const state = fs.readFileSync(stateFile, "utf8");
        expect(state).not.toContain(TOKEN);
        expect(state).not.toMatch(/private_key|access_token|Bearer /);
        // The engine records the stack config as the dynamic provider's inputs; a secret stays ciphertext.
        expect(state).toMatch(
            /"earthengine:accessToken":\{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":/,
        );

        const resources = JSON.parse(state).checkpoint.latest.resources as {
            type: string;
            inputs?: Record<string, string>;
            outputs?: Record<string, string>;
        }[];
        const images = resources.filter((r) => r.type === "pulumi-nodejs:dynamic/earthengine:ExternalImage");
        expect(images).toHaveLength(6);
        for (const r of images) {
            expect(r.inputs?.__provider.length).toBeLessThan(1024);
            expect(r.outputs?.__provider.length).toBeLessThan(1024);
            expect(r.outputs?.__provider).toContain('require("pulumi-earthengine/provider/shim")');
        }
    });
});
