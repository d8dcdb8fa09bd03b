import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { deleteChildren } from "../../provider/container/forceDestroy";
import { DELETE_UNMOVED_ENV, forgetRenames } from "../../provider/container/kind";
import { clientFor } from "../../provider/resource";
import { calls, kindUnderTest, outOfBand } from "./support/kinds";

// Folder and ImageCollection provider methods against the emulator, as the engine calls them.
const collection = () => JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/container/collection.json"), "utf8"));
const FOLDER = "projects/test-project/assets/archive";
const COLLECTION = `${FOLDER}/ndvi_monthly`;

let emulator: RunningEmulator;
let folders: Awaited<ReturnType<typeof kindUnderTest>>;
let collections: Awaited<ReturnType<typeof kindUnderTest>>;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
    emulator.reset();
    forgetRenames();
    folders = await kindUnderTest("Folder", emulator);
    collections = await kindUnderTest("ImageCollection", emulator);
});

const externalImage = (name: string) =>
    outOfBand(emulator, "POST", "projects/test-project/image:importExternal", {
        imageManifest: { name, tilesets: [{ sources: [{ uris: [`gs://bucket/${name.split("/").pop()}.tif`] }] }] },
    });

describe("check", () => {
    test("names each bad input by its property path, before any request", async () => {
        const result = await collections.provider.check(
            {},
            {
                name: "archive/ndvi",
                properties: { "bad-key": 1 },
                startTime: "2024-02-01T00:00:00Z",
                endTime: "2024-01-01T00:00:00Z",
                forceDestroy: "yes",
                x: 1,
            },
        );
        expect(result.failures?.map((f) => f.property).sort()).toEqual(
            ["endTime", "forceDestroy", "name", 'properties["bad-key"]', "x"].sort(),
        );
        expect(emulator.requests()).toEqual([]);
    });

    test("a folder takes no metadata", async () => {
        const result = await folders.provider.check({}, { name: FOLDER, properties: { a: 1 } });
        expect(result.failures).toEqual([
            { property: "properties", reason: 'unknown input "properties"; Folder takes name, project and forceDestroy' },
        ]);
    });

    test("normalises a legacy id and timestamps, and accepts unknowns at preview", async () => {
        const inputs = await collections.checked({ name: "users/me/c", startTime: "2024-01-01T00:00:00.000Z" });
        expect(inputs).toMatchObject({ name: "projects/earthengine-legacy/assets/users/me/c", startTime: "2024-01-01T00:00:00Z" });
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        expect((await collections.provider.check({}, { name: unknown, properties: unknown })).failures).toBeUndefined();
    });
});

describe("create", () => {
    test("creates a folder then a collection inside it with assets.create and the asset id", async () => {
        const folder = await folders.created({ name: FOLDER });
        const made = await collections.created(collection());
        expect(folder.id).toBe(FOLDER);
        expect(made.outs).toMatchObject({
            assetName: COLLECTION,
            properties: { source: "sentinel-2", version: 3 },
            startTime: "2024-01-01T00:00:00Z",
        });
        expect(typeof made.outs.updateTime).toBe("string");
        expect(calls(emulator)).toEqual([
            "POST projects/test-project/assets?assetId=archive",
            `GET ${FOLDER}`,
            "POST projects/test-project/assets?assetId=archive%2Fndvi_monthly",
            `GET ${COLLECTION}`,
        ]);
        expect(emulator.requests()[2].body).toEqual({
            type: "IMAGE_COLLECTION",
            properties: { source: "sentinel-2", version: 3 },
            startTime: "2024-01-01T00:00:00Z",
            title: "NDVI, monthly",
        });
    });

    test("without its parent, says to declare the parent folder", async () => {
        await expect(collections.created(collection())).rejects.toThrow(/not found.*declare the parent as an ee\.Folder/s);
    });

    test("adopts an identical existing container without writing", async () => {
        await folders.created({ name: FOLDER });
        await outOfBand(emulator, "POST", `projects/test-project/assets?assetId=archive/ndvi_monthly`, {
            type: "IMAGE_COLLECTION",
            ...collection(),
            name: undefined,
        });
        const before = emulator.requests().length;
        const made = await collections.created(collection());
        expect(made.id).toBe(COLLECTION);
        expect(calls(emulator).slice(before)).toEqual([
            "POST projects/test-project/assets?assetId=archive%2Fndvi_monthly",
            `GET ${COLLECTION}`,
        ]);
    });

    test("refuses a differing existing collection and changes nothing", async () => {
        await folders.created({ name: FOLDER });
        await outOfBand(emulator, "POST", `projects/test-project/assets?assetId=archive/ndvi_monthly`, {
            type: "IMAGE_COLLECTION",
            properties: { source: "landsat" },
        });
        const error = await collections.created(collection()).catch((e: unknown) => e);
        // The same error as an image's (one class for every kind), naming the asset once.
        expect(error).toMatchObject({
            name: "AssetConflictError",
            assetName: COLLECTION,
            differences: ["properties", "startTime", "title"],
        });
        expect((error as Error).message).toMatch(/already exists and differs from this declaration in: properties, startTime, title/);
        expect((error as Error).message.split(COLLECTION)).toHaveLength(2);
        expect(emulator.assets().find((a) => a.name === COLLECTION)?.properties).toEqual({ source: "landsat" });
    });

    test("refuses an existing asset of another type", async () => {
        await folders.created({ name: FOLDER });
        await expect(collections.created({ name: FOLDER })).rejects.toThrow(/already exists as FOLDER, not IMAGE_COLLECTION/);
    });
});

describe("update", () => {
    test("a properties or time change is one assets.patch with an exact mask", async () => {
        await folders.created({ name: FOLDER });
        const { outs } = await collections.created(collection());
        const before = emulator.requests().length;
        const changed = { ...collection(), properties: { source: "sentinel-2", version: 4 }, endTime: "2025-01-01T00:00:00Z" };
        const { diff, outs: after } = await collections.updated(COLLECTION, outs, changed);
        expect(diff).toEqual({ changes: true });
        expect(after).toMatchObject({ properties: { version: 4 }, endTime: "2025-01-01T00:00:00Z" });
        const patch = emulator.requests().slice(before);
        expect(patch.map((r) => r.method)).toEqual(["PATCH"]);
        expect(patch[0].body).toEqual({
            asset: { properties: { version: 4 }, endTime: "2025-01-01T00:00:00Z" },
            updateMask: 'properties."version",end_time',
        });
    });

    test("a name change replaces; project and forceDestroy changes make no call", async () => {
        const { outs } = await folders.created({ name: FOLDER });
        const before = emulator.requests().length;
        expect((await folders.updated(FOLDER, outs, { name: `${FOLDER}2` })).diff).toMatchObject({ replaces: ["name"] });
        expect((await folders.updated(FOLDER, outs, { name: FOLDER, forceDestroy: true })).diff).toEqual({ changes: true });
        expect(emulator.requests().length).toBe(before);
    });
});

describe("a rename (gee-community/geetools#273): the old container's delete never takes an image", () => {
    const RENAMED = `${FOLDER}_2024`;
    /** As the engine runs a rename: diff, create the new container, (the declared images move), delete the old one last. */
    const rename = async (moveDeclared: () => Promise<unknown>) => {
        const { outs } = await collections.created({ ...collection(), name: FOLDER });
        await externalImage(`${FOLDER}/declared`);
        await externalImage(`${FOLDER}/made_by_hand`);
        const { diff } = await collections.updated(FOLDER, outs, { ...collection(), name: RENAMED });
        expect(diff).toMatchObject({ replaces: ["name"], deleteBeforeReplace: false });
        await collections.created({ ...collection(), name: RENAMED });
        await moveDeclared();
        return outs;
    };
    const moveDeclared = () => outOfBand(emulator, "POST", `${FOLDER}/declared:move`, { destinationName: `${RENAMED}/declared` });
    const withOptIn = async (run: () => Promise<unknown>) => {
        process.env[DELETE_UNMOVED_ENV] = "1";
        try {
            await run();
        } finally {
            delete process.env[DELETE_UNMOVED_ENV];
        }
    };

    test("an image the program did not declare is not deleted: the delete fails naming it", async () => {
        const outs = await rename(moveDeclared);
        await expect(collections.provider.delete(FOLDER, outs)).rejects.toThrow(
            new RegExp(`still holds 1 asset\\(s\\) this program does not declare \\(${FOLDER}/made_by_hand\\).*Nothing was deleted`, "s"),
        );
        expect(emulator.assets().map((a) => a.name)).toEqual([FOLDER, `${FOLDER}/made_by_hand`, RENAMED, `${RENAMED}/declared`]);
        expect(calls(emulator).filter((c) => c.startsWith("DELETE"))).toEqual([]);
    });

    test("once every image moved, the old container is deleted", async () => {
        const outs = await rename(async () => {
            await moveDeclared();
            await outOfBand(emulator, "POST", `${FOLDER}/made_by_hand:move`, { destinationName: `${RENAMED}/made_by_hand` });
        });
        await collections.provider.delete(FOLDER, outs);
        expect(calls(emulator).filter((c) => c.startsWith("DELETE"))).toEqual([`DELETE ${FOLDER}`]);
    });

    test(`${DELETE_UNMOVED_ENV}=1 for the run is the explicit opt-in that deletes what is left`, async () => {
        const outs = await rename(moveDeclared);
        await withOptIn(() => collections.provider.delete(FOLDER, outs));
        expect(emulator.assets().map((a) => a.name)).toEqual([RENAMED, `${RENAMED}/declared`]);
    });

    test("retried by a later up (a pending delete, no rename known): still nothing deleted without the opt-in, all of it with", async () => {
        const outs = await rename(moveDeclared);
        forgetRenames(); // a new provider process
        await expect(collections.provider.delete(FOLDER, outs)).rejects.toThrow(`${FOLDER}/made_by_hand`);
        expect(emulator.assets().map((a) => a.name)).toContain(`${FOLDER}/made_by_hand`);
        await withOptIn(() => collections.provider.delete(FOLDER, outs));
        expect(emulator.assets().map((a) => a.name)).toEqual([RENAMED, `${RENAMED}/declared`]);
    });

    test("a rename while the stored forceDestroy is true is refused at check, before any request, naming the way round", async () => {
        const stored = await collections.checked({ ...collection(), name: FOLDER, forceDestroy: true });
        const before = emulator.requests().length;
        const result = await collections.provider.check(stored, { ...collection(), name: RENAMED, forceDestroy: true });
        expect(result.failures).toEqual([
            {
                property: "name",
                reason: expect.stringMatching(/stored forceDestroy is true could delete images.*forceDestroy: false and run pulumi up/s),
            },
        ]);
        // Turning forceDestroy off first is a state-only change; the same name keeps it allowed.
        expect((await collections.provider.check(stored, { ...collection(), name: FOLDER, forceDestroy: false })).failures ?? []).toEqual(
            [],
        );
        expect(emulator.requests().length).toBe(before);
    });
});

describe("read (refresh)", () => {
    test("reads metadata changed out of band back into inputs", async () => {
        await folders.created({ name: FOLDER });
        const { outs } = await collections.created(collection());
        await outOfBand(emulator, "PATCH", `${COLLECTION}?updateMask=properties.version`, { asset: { properties: { version: 9 } } });
        const read = await collections.provider.read(COLLECTION, outs);
        expect(read.inputs).toMatchObject({ name: COLLECTION, properties: { source: "sentinel-2", version: 9 } });
        expect(read.props).toMatchObject({ assetName: COLLECTION });
    });

    test("reports a container deleted out of band as gone", async () => {
        const { outs } = await folders.created({ name: FOLDER });
        await outOfBand(emulator, "DELETE", FOLDER);
        expect(await folders.provider.read(FOLDER, outs)).toEqual({ id: "", props: {} });
    });
});

describe("delete", () => {
    test("a non-empty container is refused with the children named and what to do", async () => {
        const { outs } = await folders.created({ name: FOLDER });
        await externalImage(`${FOLDER}/dem`);
        await expect(folders.provider.delete(FOLDER, outs)).rejects.toThrow(
            /still holds 1 asset\(s\) \(.*archive\/dem\).*forceDestroy: true/s,
        );
        expect(emulator.assets().map((a) => a.name)).toEqual([FOLDER, `${FOLDER}/dem`]);
    });

    test("forceDestroy deletes the children depth first, then the container", async () => {
        const { outs } = await folders.created({ name: FOLDER, forceDestroy: true });
        await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=archive/sub", { type: "FOLDER" });
        await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=archive/sub/c", { type: "IMAGE_COLLECTION" });
        await externalImage(`${FOLDER}/sub/c/one`);
        await externalImage(`${FOLDER}/a`);
        const before = emulator.requests().length;
        await folders.provider.delete(FOLDER, outs);
        expect(emulator.assets()).toEqual([]);
        const deletes = calls(emulator)
            .slice(before)
            .filter((c) => c.startsWith("DELETE"));
        expect(deletes).toEqual([
            `DELETE ${FOLDER}/a`,
            `DELETE ${FOLDER}/sub/c/one`,
            `DELETE ${FOLDER}/sub/c`,
            `DELETE ${FOLDER}/sub`,
            `DELETE ${FOLDER}`,
        ]);
        expect(
            calls(emulator)
                .slice(before)
                .filter((c) => c.includes(":listAssets"))
                .every((c) => c.includes("view=BASIC")),
        ).toBe(true);
    });

    test("forceDestroy pages through listAssets", async () => {
        await folders.created({ name: FOLDER });
        for (const n of [1, 2, 3, 4, 5]) await externalImage(`${FOLDER}/img${n}`);
        const client = clientFor(undefined); // configured for the emulator by kindUnderTest
        expect(await deleteChildren(client, FOLDER, 2)).toBe(5);
        const listings = emulator.requests().filter((r) => r.path.endsWith(":listAssets"));
        expect(listings.map((r) => Boolean(r.query.pageToken))).toEqual([false, true, true]);
        expect(emulator.assets().map((a) => a.name)).toEqual([FOLDER]);
    });

    test("an already deleted container counts as deleted", async () => {
        const { outs } = await folders.created({ name: FOLDER });
        await outOfBand(emulator, "DELETE", FOLDER);
        await expect(folders.provider.delete(FOLDER, outs)).resolves.toBeUndefined();
    });
});
