import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { recordedImagesOf } from "../../provider/externalImageSet/plan";
import { PartialWriteError } from "../../provider/resource";
import { calls, kindUnderTest, outOfBand, TOKEN } from "./support/kinds";

// ExternalImageSet's provider methods against the emulator, as the engine calls them.
const PARENT = "projects/test-project/assets/ndvi";
const template = fs.readFileSync(path.join(__dirname, "../fixtures/externalImageSet/image.json"), "utf8");
const image = (key: string) => JSON.parse(template.replace("KEY", key)) as Record<string, unknown>;
const imagesOf = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, image(key)]));
const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `d${String(from + i).padStart(4, "0")}`);

let emulator: RunningEmulator;
let set: Awaited<ReturnType<typeof kindUnderTest>>;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
    emulator.reset();
    set = await kindUnderTest("ExternalImageSet", emulator);
    await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=ndvi", { type: "IMAGE_COLLECTION" });
    clearLog();
});

let logStart = 0;
/** The log has no reset of its own (reset also clears assets): later reads start here. */
function clearLog() {
    logStart = emulator.requests().length;
}
const log = () => calls(emulator).slice(logStart);
const imageAssets = () => emulator.assets().filter((a) => a.type === "IMAGE");

describe("check", () => {
    test("names each bad image by its key and field, a name in an image, and a bad key; makes no call", async () => {
        const result = await set.provider.check(
            {},
            {
                parent: PARENT,
                images: {
                    good: image("good"),
                    "bad key": image("x"),
                    named: { ...image("n"), name: `${PARENT}/n` },
                    broken: { tilesets: [] },
                },
            },
        );
        expect(result.failures?.map((f) => f.property).sort()).toEqual([
            "images.broken.tilesets",
            "images.named.name",
            'images["bad key"]',
        ]);
        expect(log()).toEqual([]);
    });

    test("stores images without names and adds a change summary computed from the stored inputs", async () => {
        const first = await set.checked({ parent: PARENT, images: imagesOf(["a", "b"]) });
        expect(first.images).toMatchObject({ a: { startTime: "2026-01-01T00:00:00Z" } });
        expect(first.images).not.toHaveProperty("a.name");
        expect(first.changeSummary).toBe("+2 ~0 -0");
        const changed = { a: { ...image("a"), properties: { source: "s3" } }, c: image("c") };
        const second = await set.provider.check(first, { parent: PARENT, images: changed });
        expect(second.inputs.changeSummary).toBe("+1 ~1 -1");
        const same = await set.provider.check(second.inputs, { parent: PARENT, images: changed });
        expect(same.inputs).not.toHaveProperty("changeSummary");
    });

    test("the summary is never a change by itself", async () => {
        const { inputs, id, outs } = await set.created({ parent: PARENT, images: imagesOf(["a"]) });
        expect(inputs.changeSummary).toBe("+1 ~0 -0");
        expect(await set.provider.diff(id, outs, { ...inputs, changeSummary: "+9 ~9 -9" })).toEqual({ changes: false });
    });
});

describe("create", () => {
    test("imports each image once, then reads them back with one listing page", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(keys(25)) });
        expect(id).toBe(PARENT);
        const sent = log();
        expect(sent.filter((c) => c.startsWith("POST")).length).toBe(25);
        expect(sent.filter((c) => !c.startsWith("POST"))).toEqual([`GET ${PARENT}:listAssets?pageSize=1000&view=FULL`]);
        expect(Object.keys(outs.updateTimes as object)).toEqual(keys(25));
        expect(outs).not.toHaveProperty("changeSummary");
        expect(imageAssets()).toHaveLength(25);
    });

    test("adopts an existing image equal to its declaration, with no second import", async () => {
        await set.created({ parent: PARENT, images: imagesOf(["a"]) });
        clearLog();
        const { outs } = await set.created({ parent: PARENT, images: imagesOf(["a", "b"]) });
        expect(Object.keys(recordedImagesOf(outs))).toEqual(["a", "b"]);
        expect(log().filter((c) => c.startsWith("POST"))).toHaveLength(2); // a: 409 then read; b: imported
        expect(imageAssets()).toHaveLength(2);
    });

    test("an import whose answer was lost is reconciled: one asset, recorded", async () => {
        emulator.addFault({ action: "applyThenDrop", method: "POST", pathContains: "importExternal" });
        const { outs } = await set.created({ parent: PARENT, images: imagesOf(["a", "b", "c"]) });
        expect(Object.keys(outs.updateTimes as object).sort()).toEqual(["a", "b", "c"]);
        expect(imageAssets()).toHaveLength(3);
    });

    test("a failure midway records what exists (with __provider) and the next update creates the rest", async () => {
        emulator.addFault({ status: 400, method: "POST", pathContains: "importExternal", message: "Invalid tileset." });
        const inputs = await set.checked({ parent: PARENT, images: imagesOf(keys(5)), __provider: "serialized" });
        const failure = await set.provider.create(inputs).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(PartialWriteError);
        const { id, properties, message } = failure as PartialWriteError;
        expect(id).toBe(PARENT);
        expect(properties.__provider).toBe("serialized");
        expect(Object.keys(recordedImagesOf(properties))).toHaveLength(4);
        expect(message).toMatch(/Could not create 1 image in .*ndvi\.\n4 of 5 declared images are registered/);
        expect(message).toContain("Invalid tileset.");
        clearLog();
        const { diff, outs } = await set.updated(id, properties, inputs);
        expect(diff.changes).toBe(true);
        expect(log().filter((c) => c.startsWith("POST"))).toHaveLength(1);
        expect(Object.keys(outs?.updateTimes as object)).toHaveLength(5);
    });

    test("a quota refusal stops the writes and says how many are registered and that the next up continues", async () => {
        await set.provider.configure({
            config: {
                get: (key: string) =>
                    ({
                        "earthengine:endpoint": emulator.url,
                        "earthengine:accessToken": TOKEN,
                        "earthengine:project": "quota-project",
                        "earthengine:maxRetries": "0",
                        "earthengine:maxConcurrentRequests": "1",
                    })[key],
                require: () => "",
            },
        });
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(keys(3)) });
        emulator.addFault({
            status: 429,
            method: "POST",
            pathContains: "importExternal",
            message: "Quota exceeded: the project has reached its maximum number of assets.",
            count: 100,
        });
        clearLog();
        const inputs = await set.checked({ parent: PARENT, images: imagesOf(keys(100)) });
        const failure = (await set.provider.update(id, outs, inputs).catch((error: unknown) => error)) as PartialWriteError;
        // After the first refusal no image starts a write: only those already queued at the limiter send theirs.
        expect(log().filter((c) => c.startsWith("POST")).length).toBeLessThanOrEqual(32);
        expect(Object.keys(recordedImagesOf(failure.properties))).toEqual(keys(3));
        expect(failure.message).toContain("Max number of assets");
        expect(failure.message).toContain("3 of 100 declared images are registered");
        expect(failure.message).toContain("the next pulumi up continues");
    });
});

describe("update", () => {
    test("sends exactly the per-image writes: one patch with its mask, one re-import, one import, one delete", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(keys(20)) });
        const next = imagesOf(keys(20));
        next.d0001 = { ...image("d0001"), properties: { source: "s2", cloud: 3 } };
        next.d0002 = { ...image("d0002"), tilesets: [{ id: "0", sources: [{ uris: ["gs://test-bucket/ndvi/v2.tif"] }] }] };
        delete next.d0003;
        next.extra = image("extra");
        clearLog();
        const { diff, outs: after } = await set.updated(id, outs, { parent: PARENT, images: next });
        expect(diff).toEqual({ changes: true });
        expect(log().sort()).toEqual(
            [
                `DELETE ${PARENT}/d0003`,
                // The update times of the two imported images: one listing page costs less than two GETs.
                `GET ${PARENT}:listAssets?pageSize=1000&view=FULL`,
                `PATCH ${PARENT}/d0001`,
                "POST projects/quota-project/image:importExternal",
                "POST projects/quota-project/image:importExternal",
            ].sort(),
        );
        const patch = emulator.requests().find((r) => r.method === "PATCH");
        expect(patch?.body).toEqual({ asset: { properties: { cloud: 3 } }, updateMask: 'properties."cloud"' });
        expect(Object.keys(recordedImagesOf(after ?? {}))).toHaveLength(20);
        expect(after?.updateTimes).not.toHaveProperty("d0003");
        expect((after?.updateTimes as Record<string, string> | undefined)?.d0000).toBe((outs.updateTimes as Record<string, string>).d0000);
    });

    test("no change costs no call; a new parent is an update, not a replacement", async () => {
        const { id, outs, inputs } = await set.created({ parent: PARENT, images: imagesOf(["a"]) });
        clearLog();
        expect(await set.provider.diff(id, outs, inputs)).toEqual({ changes: false });
        const moved = await set.checked({ parent: "projects/test-project/assets/other", images: imagesOf(["a"]) });
        expect(await set.provider.diff(id, outs, moved)).toEqual({ changes: true });
        expect(log()).toEqual([]);
    });
});

describe("a new parent (the collection renamed, gee-community/geetools#273)", () => {
    const MOVED = "projects/test-project/assets/ndvi_v2";
    beforeEach(() => outOfBand(emulator, "POST", "projects/test-project/assets?assetId=ndvi_v2", { type: "IMAGE_COLLECTION" }));

    test("moves every image, out-of-band properties included; no import, no image deleted; read and delete follow the new parent", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(["a", "b"]) });
        const patched = await outOfBand(emulator, "PATCH", `${PARENT}/a`, {
            asset: { properties: { curator: "ana" } },
            updateMask: 'properties."curator"',
        });
        expect(patched.status).toBe(200);
        clearLog();
        const { diff, outs: after } = await set.updated(id, outs, { parent: MOVED, images: imagesOf(["a", "b"]) });
        expect(diff).toEqual({ changes: true });
        const writes = log().filter((c) => !c.startsWith("GET"));
        expect(writes.sort()).toEqual([`POST ${PARENT}/a:move`, `POST ${PARENT}/b:move`]);
        expect(imageAssets().map((a) => a.name)).toEqual([`${MOVED}/a`, `${MOVED}/b`]);
        expect(emulator.assets().find((a) => a.name === `${MOVED}/a`)?.properties).toMatchObject({ curator: "ana" });
        expect(after).toMatchObject({ parent: MOVED, updateTimes: { a: expect.any(String), b: expect.any(String) } });
        expect((await set.provider.read(id, after ?? {})).props).toMatchObject({ parent: MOVED });
        await set.provider.delete(id, after ?? {});
        expect(imageAssets()).toEqual([]);
    });

    test("a move that fails keeps the set recorded under the old parent; the next up moves the rest", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(["a", "b"]) });
        await outOfBand(emulator, "POST", "projects/test-project/image:importExternal", {
            imageManifest: { ...image("b"), name: `${MOVED}/b`, properties: { other: "image" } },
        });
        const moved = await set.checked({ parent: MOVED, images: imagesOf(["a", "b"]) });
        const failed = await set.provider.update(id, outs, moved).catch((e: Error) => e);
        expect(failed).not.toBeInstanceOf(PartialWriteError);
        expect(String(failed)).toMatch(
            new RegExp(`stays recorded under ${PARENT}.*images.b: Earth Engine asset ${MOVED}/b already exists`, "s"),
        );
        expect(imageAssets().map((a) => a.name)).toEqual([`${PARENT}/b`, `${MOVED}/a`, `${MOVED}/b`]);
        await outOfBand(emulator, "DELETE", `${MOVED}/b`);
        const { outs: after } = await set.updated(id, outs, { parent: MOVED, images: imagesOf(["a", "b"]) });
        expect(after).toMatchObject({ parent: MOVED });
        expect(imageAssets().map((a) => a.name)).toEqual([`${MOVED}/a`, `${MOVED}/b`]);
    });
});

describe("read (refresh)", () => {
    test("no change: one listing page and nothing else", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(keys(30)) });
        clearLog();
        const read = await set.provider.read(id, outs);
        expect(log()).toEqual([`GET ${PARENT}:listAssets?pageSize=1000&view=FULL`]);
        expect(read.props).toEqual(outs);
        expect(read.inputs).toEqual({ parent: PARENT, images: recordedImagesOf(outs) });
    });

    test("reads only the images whose updateTime moved, and drops the ones deleted out of band", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(keys(30)) });
        await outOfBand(emulator, "PATCH", `${PARENT}/d0004?updateMask=properties.source`, { asset: { properties: { source: "hand" } } });
        await outOfBand(emulator, "DELETE", `${PARENT}/d0007`);
        clearLog();
        const read = await set.provider.read(id, outs);
        expect(log()).toEqual([`GET ${PARENT}:listAssets?pageSize=1000&view=FULL`, `GET ${PARENT}/d0004`]);
        const images = recordedImagesOf(read.props ?? {});
        expect(images.d0004.properties).toEqual({ source: "hand" });
        expect(read.inputs?.images).toEqual(images); // what preview --diff compares the program with
        expect(images).not.toHaveProperty("d0007");
        // The next up puts both back: one patch, one import.
        clearLog();
        await set.updated(id, read.props as Record<string, unknown>, { parent: PARENT, images: imagesOf(keys(30)) });
        expect(
            log()
                .filter((c) => !c.startsWith("GET"))
                .sort(),
        ).toEqual([`PATCH ${PARENT}/d0004`, "POST projects/quota-project/image:importExternal"]);
    });

    test("a parent deleted out of band means the set is gone", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(["a"]) });
        await outOfBand(emulator, "DELETE", `${PARENT}/a`);
        await outOfBand(emulator, "DELETE", PARENT);
        expect(await set.provider.read(id, outs)).toEqual({ id: "", props: {} });
    });
});

describe("outputs: the images recorded compactly, and state written before that", () => {
    test("the outputs hold each image's own fields only, not a second full copy; read, diff and update see them whole", async () => {
        const { id, outs, inputs } = await set.created({ parent: PARENT, images: imagesOf(keys(50)) });
        expect(outs).not.toHaveProperty("images");
        expect(recordedImagesOf(outs)).toEqual(inputs.images);
        // The shared bands, properties and times once; per image its tileset (its file) and start time.
        const size = (value: unknown) => JSON.stringify(value).length;
        expect(size(outs.recordedImages)).toBeLessThan(size(inputs.images) / 2);
        expect(await set.provider.diff(id, outs, inputs)).toEqual({ changes: false });
    });

    /** Outputs as the release before recordedImages wrote them: every image echoed in full. */
    const asWrittenBefore = (outs: Record<string, unknown>) => {
        const { recordedImages: _, ...rest } = outs;
        return { ...rest, images: recordedImagesOf(outs) };
    };

    test("state written before: no change, and refresh rewrites it compactly with one listing page and no write", async () => {
        const { id, outs, inputs } = await set.created({ parent: PARENT, images: imagesOf(keys(20)) });
        const before = asWrittenBefore(outs);
        expect(await set.provider.diff(id, before, inputs)).toEqual({ changes: false });
        clearLog();
        const read = await set.provider.read(id, before);
        expect(log()).toEqual([`GET ${PARENT}:listAssets?pageSize=1000&view=FULL`]);
        expect(read.props).toEqual(outs);
        expect(read.inputs).toEqual({ parent: PARENT, images: inputs.images });
    });

    test("state written before: an update changes only what changed and records compactly; delete deletes every image", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(keys(6)) });
        const next = imagesOf(keys(6));
        next.d0001 = { ...next.d0001, properties: { cloud: 3 } };
        clearLog();
        const { outs: after } = await set.updated(id, asWrittenBefore(outs), { parent: PARENT, images: next });
        expect(log().filter((c) => !c.startsWith("GET"))).toEqual([`PATCH ${PARENT}/d0001`]);
        expect(after).not.toHaveProperty("images");
        expect(recordedImagesOf(after ?? {}).d0001.properties).toEqual({ cloud: 3 });
        clearLog();
        await set.provider.delete(id, asWrittenBefore(after ?? {}));
        expect(log().filter((c) => c.startsWith("DELETE"))).toHaveLength(6);
        expect(imageAssets()).toEqual([]);
    });
});

describe("delete", () => {
    test("deletes every recorded image; one already gone is fine", async () => {
        const { id, outs } = await set.created({ parent: PARENT, images: imagesOf(keys(12)) });
        await outOfBand(emulator, "DELETE", `${PARENT}/d0000`);
        clearLog();
        await set.provider.delete(id, outs);
        expect(log().filter((c) => c.startsWith("DELETE"))).toHaveLength(12);
        expect(imageAssets()).toEqual([]);
    });
});
