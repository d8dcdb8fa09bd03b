import { type RunningEmulator, startEmulator } from "../../emulator";
import type { IamPolicy } from "../../provider/earthengine";
import { outOfBand } from "./support/kinds";

type PolicyAnswer = IamPolicy & { error?: { code: number; status: string; message: string } };

// The emulator's IAM methods: policies with etags on every asset kind, as the official clients use them.
const FOLDER = "projects/test-project/assets/shared";

let emulator: RunningEmulator;
beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
    emulator.reset();
    await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=shared", { type: "FOLDER" });
});

const get = async (name: string) => (await (await outOfBand(emulator, "POST", `${name}:getIamPolicy`, {})).json()) as PolicyAnswer;
const set = async (name: string, policy: unknown) => {
    const response = await outOfBand(emulator, "POST", `${name}:setIamPolicy`, { policy });
    return { status: response.status, body: (await response.json()) as PolicyAnswer };
};

test("an asset whose policy was never set has an empty policy with an etag", async () => {
    expect(await get(FOLDER)).toEqual({ version: 1, etag: "ACAB" });
});

test("setIamPolicy stores one binding per role with sorted, unique members and a new etag", async () => {
    const { status, body } = await set(FOLDER, {
        bindings: [
            { role: "roles/viewer", members: ["user:b@example.com", "allUsers"] },
            { role: "roles/viewer", members: ["user:b@example.com"] },
        ],
    });
    expect(status).toBe(200);
    expect(body.bindings).toEqual([{ role: "roles/viewer", members: ["allUsers", "user:b@example.com"] }]);
    expect(body.etag).not.toBe("ACAB");
    expect(await get(FOLDER)).toEqual(body);
});

test("a stale etag is 409 ABORTED and changes nothing", async () => {
    const first = await set(FOLDER, { bindings: [{ role: "roles/viewer", members: ["allUsers"] }] });
    await set(FOLDER, { bindings: [{ role: "roles/editor", members: ["user:a@example.com"] }] });
    const stale = await set(FOLDER, { bindings: [], etag: first.body.etag });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 409, status: "ABORTED" });
    expect((await get(FOLDER)).bindings).toEqual([{ role: "roles/editor", members: ["user:a@example.com"] }]);
});

test("the current etag and no etag both write", async () => {
    const current = (await get(FOLDER)).etag;
    expect((await set(FOLDER, { bindings: [{ role: "roles/viewer", members: ["allUsers"] }], etag: current })).status).toBe(200);
    expect((await set(FOLDER, { bindings: [] })).status).toBe(200);
});

test("the owners are kept when a new policy leaves them out, as earthengine acl set relies on", async () => {
    await set(FOLDER, { bindings: [{ role: "roles/owner", members: ["user:owner@example.com"] }] });
    const { body } = await set(FOLDER, { bindings: [{ role: "roles/viewer", members: ["allUsers"] }] });
    expect(body.bindings).toEqual([
        { role: "roles/owner", members: ["user:owner@example.com"] },
        { role: "roles/viewer", members: ["allUsers"] },
    ]);
});

test("malformed members and roles are 400 naming the binding", async () => {
    const member = await set(FOLDER, { bindings: [{ role: "roles/viewer", members: ["ana@example.com"] }] });
    expect(member.status).toBe(400);
    expect(member.body.error?.message).toContain("'policy.bindings[0].members'");
    const role = await set(FOLDER, { bindings: [{ role: "viewer", members: ["allUsers"] }] });
    expect(role.body.error?.message).toContain("'policy.bindings[0].role'");
});

test("every asset kind has a policy; a missing asset is 404; deleting an asset drops its policy", async () => {
    await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=shared/c", { type: "IMAGE_COLLECTION" });
    await outOfBand(emulator, "POST", "projects/test-project/image:importExternal", {
        imageManifest: { name: `${FOLDER}/img`, tilesets: [{ sources: [{ uris: ["gs://bucket/img.tif"] }] }] },
    });
    for (const name of [FOLDER, `${FOLDER}/c`, `${FOLDER}/img`]) {
        expect((await set(name, { bindings: [{ role: "roles/viewer", members: ["allUsers"] }] })).status).toBe(200);
    }
    expect((await outOfBand(emulator, "POST", `${FOLDER}/none:getIamPolicy`, {})).status).toBe(404);
    await outOfBand(emulator, "DELETE", `${FOLDER}/img`);
    await outOfBand(emulator, "POST", "projects/test-project/image:importExternal", {
        imageManifest: { name: `${FOLDER}/img`, tilesets: [{ sources: [{ uris: ["gs://bucket/img.tif"] }] }] },
    });
    expect(await get(`${FOLDER}/img`)).toEqual({ version: 1, etag: "ACAB" });
});

describe("an image inside an image collection (resource-watch/nrt-scripts#46)", () => {
    const collection = `${FOLDER}/ndvi`;
    const image = `${collection}/2024_01`;
    beforeEach(async () => {
        await outOfBand(emulator, "POST", "projects/test-project/assets?assetId=shared/ndvi", { type: "IMAGE_COLLECTION" });
        const manifest = { name: image, tilesets: [{ sources: [{ uris: ["gs://bucket/x.tif"] }] }] };
        await outOfBand(emulator, "POST", "projects/test-project/image:importExternal", { imageManifest: manifest });
    });

    test("a policy write on it is refused in the service's words; its policy reads", async () => {
        const { status, body } = await set(image, { bindings: [{ role: "roles/viewer", members: ["allUsers"] }] });
        expect(status).toBe(400);
        expect(body.error).toMatchObject({
            status: "FAILED_PRECONDITION",
            message: `Parent of the asset '${image}' is a collection; operation not allowed.`,
        });
        expect(await get(image)).toEqual({ version: 1, etag: "ACAB" });
    });

    test("the collection's policy and an image in a folder stay writable", async () => {
        expect((await set(collection, { bindings: [{ role: "roles/viewer", members: ["allUsers"] }] })).status).toBe(200);
        const manifest = { name: `${FOLDER}/loose`, tilesets: [{ sources: [{ uris: ["gs://bucket/x.tif"] }] }] };
        await outOfBand(emulator, "POST", "projects/test-project/image:importExternal", { imageManifest: manifest });
        expect((await set(`${FOLDER}/loose`, { bindings: [{ role: "roles/viewer", members: ["allUsers"] }] })).status).toBe(200);
    });
});
