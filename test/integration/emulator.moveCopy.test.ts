import { type RunningEmulator, startEmulator } from "../../emulator";
import { call, createContainer, fixture, importImage } from "../fixtures/emulator/api";

// assets.move, assets.copy and the proto3 JSON forms the official clients send (null, FieldMask objects).
let emulator: RunningEmulator;
const ROOT = "projects/test-project/assets";
const post = (name: string, method: "move" | "copy", body: unknown) => call(emulator.url, "POST", `/v1/${name}:${method}`, body);
const names = () => emulator.assets().map((a) => a.name);
const importDem = async () => expect((await importImage(emulator.url, fixture("dem.json"))).status).toBe(200);

beforeEach(async () => {
    emulator = await startEmulator();
});
afterEach(() => emulator.close());

describe("assets.move", () => {
    test("renames an image and returns it under its new name", async () => {
        await importDem();
        const { status, body } = await post(`${ROOT}/dem`, "move", { destinationName: `${ROOT}/dem2` });
        expect(status).toBe(200);
        expect(body).toMatchObject({ type: "IMAGE", name: `${ROOT}/dem2`, id: "dem2", properties: { source: "survey-2026" } });
        expect(names()).toEqual([`${ROOT}/dem2`]);
    });

    test("moves an empty folder; refuses a folder or collection that holds assets (gee-community/geetools#187)", async () => {
        await createContainer(emulator.url, `${ROOT}/a`);
        await createContainer(emulator.url, `${ROOT}/a/b`);
        const refused = await post(`${ROOT}/a`, "move", { destinationName: `${ROOT}/z` });
        expect(refused.status).toBe(400);
        expect(refused.body.error).toMatchObject({ status: "FAILED_PRECONDITION", message: expect.stringContaining("still holds assets") });
        expect(names()).toEqual([`${ROOT}/a`, `${ROOT}/a/b`]);
        expect((await post(`${ROOT}/a/b`, "move", { destinationName: `${ROOT}/z` })).status).toBe(200);
        expect((await post(`${ROOT}/a`, "move", { destinationName: `${ROOT}/y` })).status).toBe(200);
        expect(names()).toEqual([`${ROOT}/y`, `${ROOT}/z`]);
    });

    test("carries the asset's IAM policy to its new name, the source's policy going with it", async () => {
        await createContainer(emulator.url, `${ROOT}/a`);
        await importImage(emulator.url, { ...fixture("dem.json"), name: `${ROOT}/dem` });
        const readers = { role: "roles/viewer", members: ["allUsers", "user:someone@example.com"] };
        const set = (name: string) => call(emulator.url, "POST", `/v1/${name}:setIamPolicy`, { policy: { bindings: [readers] } });
        const get = async (name: string) => {
            const { body } = await call(emulator.url, "POST", `/v1/${name}:getIamPolicy`, {});
            return body as unknown as { bindings?: unknown; etag?: string };
        };
        expect((await set(`${ROOT}/a`)).status).toBe(200);
        const image = await set(`${ROOT}/dem`);
        expect(image.status).toBe(200);
        expect((await post(`${ROOT}/a`, "move", { destinationName: `${ROOT}/z` })).status).toBe(200);
        expect((await post(`${ROOT}/dem`, "move", { destinationName: `${ROOT}/z/dem` })).status).toBe(200);
        expect((await get(`${ROOT}/z`)).bindings).toEqual([readers]);
        expect(await get(`${ROOT}/z/dem`)).toEqual(image.body);
        // A new asset at the old name starts with no policy.
        await createContainer(emulator.url, `${ROOT}/a`);
        expect((await get(`${ROOT}/a`)).bindings).toBeUndefined();
    });

    test("refuses an existing destination with 409 'Cannot overwrite asset'", async () => {
        await importDem();
        await createContainer(emulator.url, `${ROOT}/taken`);
        const { status, body } = await post(`${ROOT}/dem`, "move", { destinationName: `${ROOT}/taken` });
        expect(status).toBe(409);
        expect(body.error?.message).toBe(`Cannot overwrite asset '${ROOT}/taken'.`);
    });

    test("refuses a destination inside the source, a missing parent and a missing source", async () => {
        await createContainer(emulator.url, `${ROOT}/a`);
        expect((await post(`${ROOT}/a`, "move", { destinationName: `${ROOT}/a/inner` })).status).toBe(400);
        expect((await post(`${ROOT}/a`, "move", { destinationName: `${ROOT}/missing/a` })).status).toBe(404);
        expect((await post(`${ROOT}/nothing`, "move", { destinationName: `${ROOT}/b` })).status).toBe(404);
        expect(names()).toEqual([`${ROOT}/a`]);
    });
});

describe("assets.copy", () => {
    test("copies an image, keeping the source", async () => {
        await importDem();
        const { status, body } = await post(`${ROOT}/dem`, "copy", { destinationName: `${ROOT}/copy` });
        expect(status).toBe(200);
        expect(body).toMatchObject({
            type: "IMAGE",
            name: `${ROOT}/copy`,
            tilesets: [{ sources: [{ uris: ["gs://test-bucket/dem.tif"] }] }],
        });
        expect(names()).toEqual([`${ROOT}/copy`, `${ROOT}/dem`]);
    });

    test("takes overwrite: null as not set (the JS client's form), and overwrite: true replaces an image", async () => {
        await importDem();
        await post(`${ROOT}/dem`, "copy", { destinationName: `${ROOT}/copy` });
        const refused = await post(`${ROOT}/dem`, "copy", { destinationName: `${ROOT}/copy`, overwrite: null });
        expect(refused).toMatchObject({ status: 409, body: { error: { message: `Cannot overwrite asset '${ROOT}/copy'.` } } });
        expect((await post(`${ROOT}/dem`, "copy", { destinationName: `${ROOT}/copy`, overwrite: true })).status).toBe(200);
    });

    test("refuses a folder or collection in the service's words", async () => {
        await createContainer(emulator.url, `${ROOT}/series`, { type: "IMAGE_COLLECTION" });
        const { status, body } = await post(`${ROOT}/series`, "copy", { destinationName: `${ROOT}/series2` });
        expect(status).toBe(400);
        expect(body.error?.message).toBe(`Cannot copy asset '${ROOT}/series'; can only copy images or tables.`);
    });

    test("refuses an unknown field in the body", async () => {
        await importDem();
        const { status, body } = await post(`${ROOT}/dem`, "copy", { destinationName: `${ROOT}/copy`, force: true });
        expect(status).toBe(400);
        expect(body.error?.message).toContain('Unknown name "force"');
    });
});

describe("assets.patch in the Python client's forms", () => {
    const patch = (body: unknown) => call(emulator.url, "PATCH", `/v1/${ROOT}/dem`, body);

    test("takes the update mask as a FieldMask object", async () => {
        await importDem();
        const { status, body } = await patch({ asset: { properties: { version: 2 } }, updateMask: { paths: ["properties.version"] } });
        expect(status).toBe(200);
        expect(body.properties).toEqual({ source: "survey-2026", version: 2 });
    });

    test("deletes a property sent as null under a mask that names it", async () => {
        await importDem();
        const { status, body } = await patch({ asset: { properties: { source: null } }, updateMask: { paths: ["properties.source"] } });
        expect(status).toBe(200);
        expect(body.properties).toEqual({ version: 1 });
    });
});
