import { type RunningEmulator, startEmulator } from "../../emulator";
import type { AuthSource } from "../../provider/earthengine/auth";
import { EarthEngineClient } from "../../provider/earthengine/client";
import type { ExternalImageInputs } from "../../provider/externalImage/check";
import { ADOPT_EXISTING_ENV, importOnce } from "../../provider/externalImage/reconcile";
import { validateManifest } from "../../provider/manifest";

// Create's exactly-once import (reconcile.ts) against the emulator's injected faults.
const auth: AuthSource = { description: "test token", headers: async () => ({ authorization: "Bearer t" }) };
const NAME = "projects/test-project/assets/scene";

let emulator: RunningEmulator;
let client: EarthEngineClient;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
    emulator.reset();
    client = new EarthEngineClient({ endpoint: emulator.url, apiVersion: "v1alpha", auth, sleep: async () => undefined });
});

function inputs(properties: Record<string, string> = { version: "1" }, adopt?: boolean): ExternalImageInputs {
    const result = validateManifest({ name: NAME, properties, tilesets: [{ sources: [{ uris: ["gs://bucket/scene.tif"] }] }] });
    if (!result.ok) throw new Error("fixture is invalid");
    return adopt === undefined ? { imageManifest: result.manifest } : { imageManifest: result.manifest, adopt };
}

const log = () => emulator.requests().map((r) => `${r.method} ${r.status}${r.fault && r.fault !== "status" ? ` ${r.fault}` : ""}`);
const posted = () =>
    emulator
        .requests()
        .filter((r) => r.method === "POST")
        .map((r) => (r.body as { overwrite: boolean }).overwrite);

describe("after an import whose outcome is unknown, create reads the asset", () => {
    test("applied then dropped: present and equal is success, with no second import", async () => {
        emulator.addFault({ action: "applyThenDrop", method: "POST" });
        const asset = await importOnce(client, inputs(), {});
        expect(asset).toMatchObject({ name: NAME, properties: { version: "1" } });
        expect(log()).toEqual(["POST 200 applyThenDrop", "GET 200"]);
        expect(emulator.assets()).toHaveLength(1);
    });

    test("reset before the change: absent, so the import is sent again", async () => {
        emulator.addFault({ action: "reset", method: "POST" });
        await importOnce(client, inputs(), {});
        expect(log()).toEqual(["POST 0 reset", "GET 404", "POST 200"]);
        expect(emulator.assets()).toHaveLength(1);
    });

    test.each([500, 502, 503, 504])("a %i with the asset absent is retried after the read", async (status) => {
        emulator.addFault({ status, method: "POST" });
        await importOnce(client, inputs(), {});
        expect(log()).toEqual([`POST ${status}`, "GET 404", "POST 200"]);
    });

    test("present and different is the clear exists-and-differs error, and nothing changes", async () => {
        await importOnce(client, inputs({ version: "0" }), {});
        const before = emulator.assets();
        emulator.addFault({ status: 503, method: "POST" });
        await expect(importOnce(client, inputs({ version: "1" }), {})).rejects.toThrow(
            /already exists and differs from this declaration in: properties[\s\S]*EARTHENGINE_ADOPT_EXISTING=1/,
        );
        expect(emulator.assets()).toEqual(before);
    });
});

describe("an asset that already exists (409)", () => {
    beforeEach(async () => {
        await importOnce(client, inputs({ version: "0" }), {});
    });

    test("equal to the declaration: taken as created (a re-run after a lost answer)", async () => {
        const mark = emulator.requests().length;
        await expect(importOnce(client, inputs({ version: "0" }), {})).resolves.toMatchObject({ name: NAME });
        expect(log().slice(mark)).toEqual(["POST 409", "GET 200"]);
    });

    test("different: refused without the switch", async () => {
        await expect(importOnce(client, inputs({ version: "1" }), {})).rejects.toThrow(/differs[\s\S]*properties/);
        expect(emulator.assets()[0].properties).toEqual({ version: "0" });
    });

    test(`different with ${ADOPT_EXISTING_ENV}=1: re-imported with overwrite to match the declaration`, async () => {
        await importOnce(client, inputs({ version: "1" }), { [ADOPT_EXISTING_ENV]: "1" });
        expect(emulator.assets()[0].properties).toEqual({ version: "1" });
        expect(posted().slice(-2)).toEqual([false, true]);
    });

    test(`any other value of ${ADOPT_EXISTING_ENV} is not the switch`, async () => {
        await expect(importOnce(client, inputs({ version: "1" }), { [ADOPT_EXISTING_ENV]: "true" })).rejects.toThrow(/differs/);
    });
});

test("adopt: true imports with overwrite, which is retried directly after a reset without a read", async () => {
    emulator.addFault({ action: "reset", method: "POST" });
    await importOnce(client, inputs({ version: "1" }, true), {});
    expect(log()).toEqual(["POST 0 reset", "POST 200"]);
    expect(posted()).toEqual([true, true]);
});
