import { type RunningEmulator, startEmulator } from "../../emulator";
import type { AuthSource } from "../../provider/earthengine/auth";
import { EarthEngineClient } from "../../provider/earthengine/client";
import { EngineGoneError } from "../../provider/earthengine/engineWatch";
import {
    AssetAlreadyExistsError,
    AssetNotFoundError,
    findCause,
    InvalidArgumentError,
    TransportError,
    UnauthenticatedError,
} from "../../provider/earthengine/errors";
import { validateManifest } from "../../provider/manifest";

// The REST client against a real HTTP server (the emulator) on an ephemeral loopback port.
const auth = (token: string): AuthSource => ({ description: "test token", headers: async () => ({ authorization: `Bearer ${token}` }) });
const noWait = async () => undefined;

let emulator: RunningEmulator;
let client: EarthEngineClient;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
    emulator.reset();
    client = new EarthEngineClient({
        endpoint: emulator.url,
        apiVersion: "v1alpha",
        auth: auth("t"),
        userProject: "quota-project",
        sleep: noWait,
    });
});

test("once the engine is gone no write is sent (EngineGoneError), reads still are", async () => {
    await client.createAsset("projects/test-project/assets/kept", { type: "FOLDER" });
    let gone = false;
    const orphan = new EarthEngineClient({
        endpoint: emulator.url,
        apiVersion: "v1alpha",
        auth: auth("t"),
        userProject: "quota-project",
        sleep: noWait,
        engine: { engineGone: () => gone },
    });
    await orphan.createAsset("projects/test-project/assets/before", { type: "FOLDER" });
    gone = true;
    emulator.clearRequests();
    await expect(orphan.createAsset("projects/test-project/assets/after", { type: "FOLDER" })).rejects.toBeInstanceOf(EngineGoneError);
    await expect(orphan.importExternal(image("projects/test-project/assets/kept/img"), { overwrite: false })).rejects.toThrow(
        /the Pulumi engine that started this provider is gone/,
    );
    await expect(orphan.deleteAsset("projects/test-project/assets/before")).rejects.toBeInstanceOf(EngineGoneError);
    expect((await orphan.getAsset("projects/test-project/assets/before"))?.type).toBe("FOLDER");
    expect(emulator.requests().map((r) => r.method)).toEqual(["GET"]);
    expect(
        emulator
            .assets()
            .map((a) => a.name)
            .sort(),
    ).toEqual(["projects/test-project/assets/before", "projects/test-project/assets/kept"]);
});

const image = (name: string) => {
    const result = validateManifest({ name, tilesets: [{ sources: [{ uris: ["gs://test-bucket/a.tif"] }] }] });
    if (!result.ok) throw new Error("fixture is invalid");
    return result.manifest;
};

test("createAsset makes folders and collections that images can live in", async () => {
    await client.createAsset("projects/test-project/assets/folder", { type: "FOLDER" });
    await client.createAsset("projects/test-project/assets/folder/collection", { type: "IMAGE_COLLECTION" });
    await client.importExternal(image("projects/test-project/assets/folder/collection/img"), { overwrite: false });
    expect((await client.getAsset("projects/test-project/assets/folder/collection/img")).type).toBe("IMAGE");
});

test("createAsset of an existing asset is an AssetAlreadyExistsError", async () => {
    await client.createAsset("projects/test-project/assets/folder", { type: "FOLDER" });
    await expect(client.createAsset("projects/test-project/assets/folder", { type: "FOLDER" })).rejects.toBeInstanceOf(
        AssetAlreadyExistsError,
    );
});

test("listAssets pages through the children of a folder", async () => {
    await client.createAsset("projects/test-project/assets/folder", { type: "FOLDER" });
    for (const n of [1, 2, 3]) await client.importExternal(image(`projects/test-project/assets/folder/img${n}`), { overwrite: false });
    const first = await client.listAssets("projects/test-project/assets/folder", { pageSize: 2 });
    expect(first.assets?.map((a) => a.name)).toEqual([
        "projects/test-project/assets/folder/img1",
        "projects/test-project/assets/folder/img2",
    ]);
    const second = await client.listAssets("projects/test-project/assets/folder", { pageSize: 2, pageToken: first.nextPageToken });
    expect(second.assets?.map((a) => a.name)).toEqual(["projects/test-project/assets/folder/img3"]);
    expect(second.nextPageToken ?? "").toBe("");
});

test("importExternal without overwrite on an existing asset is an AssetAlreadyExistsError", async () => {
    await client.importExternal(image("projects/test-project/assets/a"), { overwrite: false });
    await expect(client.importExternal(image("projects/test-project/assets/a"), { overwrite: false })).rejects.toBeInstanceOf(
        AssetAlreadyExistsError,
    );
});

test("a missing asset is an AssetNotFoundError", async () => {
    await expect(client.getAsset("projects/test-project/assets/none")).rejects.toBeInstanceOf(AssetNotFoundError);
});

test("a request the server refuses as invalid is an InvalidArgumentError carrying Google's message", async () => {
    await client.importExternal(image("projects/test-project/assets/a"), { overwrite: false });
    const invalid = await client.patchAsset("projects/test-project/assets/a", {}, ["type"]).catch((e: Error) => e);
    expect(invalid).toBeInstanceOf(InvalidArgumentError);
    expect((invalid as InvalidArgumentError).serverMessage).toContain("type");
});

test("an empty bearer token is an UnauthenticatedError that says where credentials come from", async () => {
    const anonymous = new EarthEngineClient({ endpoint: emulator.url, apiVersion: "v1alpha", auth: auth(""), sleep: noWait });
    const error = await anonymous.getAsset("projects/test-project/assets/a").catch((e: Error) => e);
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect((error as Error).message).toMatch(/GOOGLE_OAUTH_ACCESS_TOKEN/);
});

test("without an explicit consumer project the asset's project is the quota project", async () => {
    const plain = new EarthEngineClient({ endpoint: emulator.url, apiVersion: "v1alpha", auth: auth("t"), sleep: noWait });
    await plain.importExternal(image("projects/test-project/assets/a"), { overwrite: false });
    expect(emulator.requests()[0]).toMatchObject({
        path: "/v1alpha/projects/test-project/image:importExternal",
        userProject: "test-project",
    });
});

test("legacy assets send no quota project header, as the official clients do", async () => {
    const plain = new EarthEngineClient({ endpoint: emulator.url, apiVersion: "v1alpha", auth: auth("t"), sleep: noWait });
    await plain.getAsset("projects/earthengine-legacy/assets/users/alice/none").catch(() => undefined);
    expect(emulator.requests()[0].userProject).toBeUndefined();
});

test("Retry-After decides the wait before the next attempt", async () => {
    const waits: number[] = [];
    const patient = new EarthEngineClient({
        endpoint: emulator.url,
        apiVersion: "v1alpha",
        auth: auth("t"),
        sleep: async (ms) => {
            waits.push(ms);
        },
    });
    emulator.addFault({ status: 429, retryAfterSeconds: 7 });
    emulator.addFault({ status: 429, retryAfterSeconds: 2 });
    await patient.importExternal(image("projects/test-project/assets/a"), { overwrite: false });
    expect(waits).toEqual([7000, 2000]);
    expect(emulator.requests().map((r) => r.status)).toEqual([429, 429, 200]);
});

test("a connection failure is a TransportError naming the request", async () => {
    const closed = await startEmulator();
    await closed.close();
    const offline = new EarthEngineClient({ endpoint: closed.url, apiVersion: "v1alpha", auth: auth("t"), sleep: noWait });
    const error = await offline.getAsset("projects/test-project/assets/a").catch((e: Error) => e);
    // Refused connections are retried; what is left after the retries is the TransportError.
    expect(findCause(error, TransportError)).toBeInstanceOf(TransportError);
    const message = (error as Error).message;
    expect(message).toContain(`GET /v1alpha/projects/test-project/assets/a got no answer from ${closed.url}: could not connect`);
    expect(message).toContain("earthengine:endpoint or EARTHENGINE_ENDPOINT");
    expect(message).not.toContain("failed with 0");
});
