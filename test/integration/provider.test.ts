import { generateKeyPairSync } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { planUpdate } from "../../provider/externalImage/plan";
import { resourceProviders } from "../../provider/kinds";
import { AssetConflictError } from "../../provider/resource/errors";

const provider = resourceProviders.ExternalImage;

// Every provider method against the emulator on an ephemeral loopback port, as the engine calls them.
const TOKEN = "integration-token-5b1e";
const manifest = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/provider", name), "utf8"));
const config = (values: Record<string, string>) => ({
    config: { get: (key: string) => values[key], require: (key: string) => values[key] },
});

let emulator: RunningEmulator;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
    emulator.reset();
    await provider.configure(
        config({ "earthengine:endpoint": emulator.url, "earthengine:accessToken": TOKEN, "earthengine:project": "quota-project" }),
    );
});

/** check() as the engine runs it, then the checked inputs. */
async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
    const result = await provider.check({}, news);
    expect(result?.failures ?? []).toEqual([]);
    return result?.inputs as Record<string, unknown>;
}

async function created(news: Record<string, unknown>) {
    const inputs = await checked(news);
    const result = await provider.create(inputs);
    return { inputs, id: result.id, outs: result.outs as Record<string, unknown> };
}

const directPatch = (name: string, body: unknown) =>
    fetch(`${emulator.url}/v1alpha/${name}`, {
        method: "PATCH",
        headers: { authorization: "Bearer x", "content-type": "application/json" },
        body: JSON.stringify(body),
    });

describe("check", () => {
    test("normalises snake_case keys and timestamps into the stored inputs", async () => {
        const inputs = await checked({ imageManifest: manifest("dem.json") });
        expect(inputs.imageManifest).toMatchObject({ startTime: "2026-01-01T00:00:00Z" });
        expect(inputs.imageManifest).not.toHaveProperty("start_time");
    });

    test("reports each problem with its property path and makes no call", async () => {
        const result = await provider.check(
            {},
            { imageManifest: { ...manifest("dem.json"), tilesets: [] }, project: "Bad Project", extra: 1 },
        );
        expect(result?.failures?.map((f) => f.property).sort()).toEqual([
            "extra",
            "imageManifest.bands[0].tilesetId",
            "imageManifest.tilesets",
            "project",
        ]);
        expect(emulator.requests()).toEqual([]);
    });

    test("accepts unknown values during preview", async () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const result = await provider.check({}, { imageManifest: { ...manifest("dem.json"), name: unknown, tilesets: unknown } });
        expect(result?.failures ?? []).toEqual([]);
    });
});

describe("create", () => {
    test("imports with overwrite: false and returns the asset name as id, with outputs", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        expect(id).toBe("projects/test-project/assets/dem");
        expect(outs).toMatchObject({ assetName: id, imageManifest: { name: id, properties: { source: "survey-2026", version: 1 } } });
        expect(typeof outs.updateTime).toBe("string");
        const [post, get] = emulator.requests();
        expect(post).toMatchObject({
            method: "POST",
            path: "/v1alpha/projects/quota-project/image:importExternal",
            status: 200,
            body: { overwrite: false },
        });
        expect(get).toMatchObject({ method: "GET", path: "/v1alpha/projects/test-project/assets/dem", status: 200 });
    });

    test("sends the consumer project as x-goog-user-project on every call", async () => {
        await created({ imageManifest: manifest("dem.json") });
        expect(emulator.requests().map((r) => r.userProject)).toEqual(["quota-project", "quota-project"]);
    });

    test("the resource's project input overrides the configured consumer project", async () => {
        await created({ imageManifest: manifest("dem.json"), project: "other-quota" });
        expect(emulator.requests()[0]).toMatchObject({
            path: "/v1alpha/projects/other-quota/image:importExternal",
            userProject: "other-quota",
        });
    });

    test("an existing identical asset is adopted (an idempotent re-run)", async () => {
        const first = await created({ imageManifest: manifest("dem.json") });
        const again = await provider.create(first.inputs);
        expect(again.id).toBe(first.id);
        expect(
            emulator
                .requests()
                .slice(-2)
                .map((r) => `${r.method} ${r.status}`),
        ).toEqual(["POST 409", "GET 200"]);
    });

    test("an existing differing asset is refused with the fields that differ and how to adopt it", async () => {
        const { inputs } = await created({ imageManifest: manifest("dem.json") });
        await directPatch("projects/test-project/assets/dem", { asset: { properties: { source: "by-hand" } }, updateMask: "properties" });
        const error = await provider.create(inputs).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AssetConflictError);
        expect((error as Error).message).toMatch(/already exists and differs from this declaration in: properties\.[\s\S]*adopt: true/);
        // The skeleton passes it on as it is: the asset is named once, not again by "Could not create".
        expect((error as Error).message.split("projects/test-project/assets/dem")).toHaveLength(2);
        expect(emulator.assets()[0].properties).toEqual({ source: "by-hand" });
    });

    test("adopt: true takes the asset over with overwrite: true", async () => {
        await created({ imageManifest: manifest("dem.json") });
        await directPatch("projects/test-project/assets/dem", { asset: { properties: { source: "by-hand" } }, updateMask: "properties" });
        const { outs } = await created({ imageManifest: manifest("dem.json"), adopt: true });
        expect(
            emulator
                .requests()
                .filter((r) => r.method === "POST")
                .pop()?.body,
        ).toMatchObject({ overwrite: true });
        expect(emulator.assets()[0].properties).toEqual({ source: "survey-2026", version: 1 });
        expect(outs.adopt).toBe(true);
    });

    test("a missing parent folder fails with what to do, and nothing is created", async () => {
        const inputs = await checked({ imageManifest: { ...manifest("dem.json"), name: "projects/test-project/assets/missing/dem" } });
        await expect(provider.create(inputs)).rejects.toThrow(
            /parent folder or image collection does not exist[\s\S]*create the parent first/,
        );
        expect(emulator.assets()).toEqual([]);
    });

    test("retries a 429 directly; after a 503 it reads the asset before importing again", async () => {
        await fetch(`${emulator.url}/_emulator/faults`, {
            method: "POST",
            body: JSON.stringify({ status: 503, count: 1, method: "POST", retryAfterSeconds: 0 }),
        });
        await fetch(`${emulator.url}/_emulator/faults`, {
            method: "POST",
            body: JSON.stringify({ status: 429, count: 1, method: "POST", retryAfterSeconds: 0 }),
        });
        await created({ imageManifest: manifest("dem.json") });
        expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual([
            "POST 503",
            "GET 404",
            "POST 429",
            "POST 200",
            "GET 200",
        ]);
    });

    test("a quota error that outlasts the retries says what to do, without the token", async () => {
        await fetch(`${emulator.url}/_emulator/faults`, {
            method: "POST",
            body: JSON.stringify({ status: 429, count: 4, retryAfterSeconds: 0 }),
        });
        await provider.configure(
            config({ "earthengine:endpoint": emulator.url, "earthengine:accessToken": TOKEN, "earthengine:maxRetries": "3" }),
        );
        const inputs = await checked({ imageManifest: manifest("dem.json") });
        const error = await provider.create(inputs).then(
            () => undefined,
            (e: Error) => e,
        );
        expect(error?.message).toMatch(/quota[\s\S]*--parallel[\s\S]*gave up after 4 attempts/);
        expect(emulator.requests()).toHaveLength(4); // maxRetries 3: 4 attempts in all, then the error
    });

    test("a 403 with reason rateLimitExceeded is retried like a 429", async () => {
        emulator.addFault({
            status: 403,
            details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "rateLimitExceeded" }],
            retryAfterSeconds: 0,
        });
        await created({ imageManifest: manifest("dem.json") });
        expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 403", "POST 200", "GET 200"]);
    });

    test("an asset that is a folder or collection is never taken over, with or without adopt", async () => {
        await fetch(`${emulator.url}/v1alpha/projects/test-project/assets?assetId=dem`, {
            method: "POST",
            headers: { authorization: "Bearer x", "content-type": "application/json" },
            body: JSON.stringify({ type: "IMAGE_COLLECTION" }),
        });
        const inputs = await checked({ imageManifest: manifest("dem.json") });
        await expect(provider.create(inputs)).rejects.toThrow(/already exists as IMAGE_COLLECTION, not IMAGE/);
        await expect(provider.create({ ...inputs, adopt: true })).rejects.toThrow(/FAILED_PRECONDITION/);
        expect(emulator.assets().map((a) => a.type)).toEqual(["IMAGE_COLLECTION"]);
    });

    test("when the read after a successful import fails, the error carries the id and __provider so the engine keeps the asset", async () => {
        await provider.configure(
            config({ "earthengine:endpoint": emulator.url, "earthengine:accessToken": TOKEN, "earthengine:maxRetries": "1" }),
        );
        emulator.addFault({ status: 500, method: "GET", count: 2, message: "backend exploded", retryAfterSeconds: 0 });
        const inputs = await checked({ imageManifest: manifest("dem.json"), __provider: "serialized-shim" });
        const error = (await provider.create(inputs).catch((e: unknown) => e)) as Error & {
            id?: string;
            properties?: Record<string, unknown>;
        };
        expect(error.message).toMatch(/Could not read back projects\/test-project\/assets\/dem/);
        // What the engine prints for a resource that failed to initialise: the cause.
        expect((error as { reasons?: string[] }).reasons).toEqual([
            expect.stringMatching(/backend exploded[\s\S]*next pulumi up reads it again/),
        ]);
        expect(error.id).toBe("projects/test-project/assets/dem");
        expect(error.properties).toMatchObject({ __provider: "serialized-shim", assetName: "projects/test-project/assets/dem" });
        expect(emulator.assets()).toHaveLength(1);
    });

    test("after a failed read-back, diff reports a change and update completes the outputs without writing", async () => {
        const inputs = await checked({ imageManifest: manifest("dem.json") });
        await provider.create(inputs);
        const incomplete = { ...inputs, assetName: "projects/test-project/assets/dem" }; // no updateTime
        expect(await provider.diff("projects/test-project/assets/dem", incomplete, inputs)).toMatchObject({ changes: true });
        const mark = emulator.requests().length;
        const updated = await provider.update("projects/test-project/assets/dem", incomplete, inputs);
        expect(updated.outs).toHaveProperty("updateTime", emulator.assets()[0].updateTime);
        expect(
            emulator
                .requests()
                .slice(mark)
                .map((r) => r.method),
        ).toEqual(["GET"]);
        expect(await provider.diff("projects/test-project/assets/dem", updated.outs as Record<string, unknown>, inputs)).toMatchObject({
            changes: false,
        });
    });

    test("works the same with API version v1", async () => {
        await provider.configure(
            config({ "earthengine:endpoint": emulator.url, "earthengine:accessToken": TOKEN, "earthengine:apiVersion": "v1" }),
        );
        await created({ imageManifest: manifest("dem.json") });
        expect(emulator.requests().map((r) => r.path)).toEqual([
            "/v1/projects/test-project/image:importExternal",
            "/v1/projects/test-project/assets/dem",
        ]);
    });
});

describe("read (refresh)", () => {
    test("an unchanged asset reads back as exactly its inputs, uriPrefix and unobservable fields included", async () => {
        const { id, inputs, outs } = await created({ imageManifest: manifest("scene-with-prefix.json") });
        const result = await provider.read(id, outs);
        expect(result?.id).toBe(id);
        expect(result?.inputs).toEqual(inputs);
        expect(planUpdate(result?.props as Record<string, unknown>, inputs)).toEqual({ kind: "none" });
    });

    test("a property changed out of band shows as drift in props and inputs", async () => {
        const { id, inputs, outs } = await created({ imageManifest: manifest("dem.json") });
        await directPatch(id, { asset: { properties: { version: 2 } }, updateMask: "properties.version" });
        const result = await provider.read(id, outs);
        expect(result.props).toHaveProperty("imageManifest.properties", { source: "survey-2026", version: 2 });
        expect((result.props as { imageManifest: { properties: unknown } }).imageManifest.properties).toEqual({
            source: "survey-2026",
            version: 2,
        });
        expect(planUpdate(result?.props as Record<string, unknown>, inputs)).toMatchObject({
            kind: "patch",
            updateMask: ['properties."version"'],
        });
    });

    test("a band declared with PYRAMIDING_POLICY_UNSPECIFIED reads back without drift", async () => {
        const unspecified = {
            ...manifest("dem.json"),
            bands: [{ id: "elevation", tilesetId: "0", pyramidingPolicy: "PYRAMIDING_POLICY_UNSPECIFIED" }],
        };
        const { id, inputs, outs } = await created({ imageManifest: unspecified });
        const result = await provider.read(id, outs);
        expect(planUpdate(result.props as Record<string, unknown>, inputs)).toEqual({ kind: "none" });
    });

    test("a folder or collection now holding the name reads as gone", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        emulator.reset();
        await fetch(`${emulator.url}/v1alpha/projects/test-project/assets?assetId=dem`, {
            method: "POST",
            headers: { authorization: "Bearer x", "content-type": "application/json" },
            body: JSON.stringify({ type: "FOLDER" }),
        });
        expect((await provider.read(id, outs)).id).toBe("");
    });

    test("a deleted asset reads as an empty id so the engine drops it", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        emulator.reset();
        expect((await provider.read(id, outs))?.id).toBe("");
    });
});

describe("update", () => {
    test("a metadata change sends one PATCH with the exact mask", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        const news = await checked({
            imageManifest: { ...manifest("dem.json"), properties: { source: "lidar", version: 1 }, endTime: "2027-01-01T00:00:00Z" },
        });
        const mark = emulator.requests().length;
        const result = await provider.update(id, outs, news);
        const calls = emulator.requests().slice(mark);
        expect(calls).toHaveLength(1);
        expect(calls[0]).toMatchObject({ method: "PATCH", body: { updateMask: 'properties."source",end_time' } });
        expect(result?.outs).toMatchObject({ imageManifest: { properties: { source: "lidar", version: 1 } } });
        expect(result?.outs.updateTime).not.toBe(outs.updateTime);
        expect(emulator.assets()[0]).toMatchObject({ properties: { source: "lidar", version: 1 }, endTime: "2027-01-01T00:00:00Z" });
    });

    test("a tileset change re-imports with overwrite: true", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        const news = await checked({
            imageManifest: { ...manifest("dem.json"), tilesets: [{ id: "0", sources: [{ uris: ["gs://test-bucket/dem-v2.tif"] }] }] },
        });
        const mark = emulator.requests().length;
        await provider.update(id, outs, news);
        expect(
            emulator
                .requests()
                .slice(mark)
                .map((r) => `${r.method} ${(r.body as { overwrite?: boolean })?.overwrite ?? ""}`),
        ).toEqual(["POST true", "GET "]);
        expect(emulator.assets()[0].tilesets?.[0].sources[0].uris).toEqual(["gs://test-bucket/dem-v2.tif"]);
    });

    test("a consumer project change alone makes no Earth Engine call", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        const news = await checked({ imageManifest: manifest("dem.json"), project: "new-quota" });
        const mark = emulator.requests().length;
        const result = await provider.update(id, outs, news);
        expect(emulator.requests().slice(mark)).toEqual([]);
        expect(result?.outs).toMatchObject({ project: "new-quota", updateTime: outs.updateTime });
    });
});

describe("diff", () => {
    test("ignores __provider and reports an update (a move), not a replacement, on a name change", async () => {
        const { id, inputs, outs } = await created({ imageManifest: manifest("dem.json") });
        expect(await provider.diff(id, { ...outs, __provider: "old" }, { ...inputs, __provider: "new" })).toEqual({ changes: false });
        const renamed = await checked({ imageManifest: { ...manifest("dem.json"), name: "projects/test-project/assets/dem2" } });
        expect(await provider.diff(id, outs, renamed)).toEqual({ changes: true });
    });
});

describe("a rename (samapriya/gee_asset_manager_addon#12, gee-community/geetools#273)", () => {
    const DEM2 = "projects/test-project/assets/dem2";
    const renamed = (extra: Record<string, unknown> = {}) => checked({ imageManifest: { ...manifest("dem.json"), ...extra, name: DEM2 } });
    const writesSince = (mark: number) =>
        emulator
            .requests()
            .slice(mark)
            .filter((r) => r.method !== "GET")
            .map((r) => `${r.method} ${r.path}`);

    test("moves the image in place: its access and out-of-band properties go with it; no import, no delete", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        const policy = { bindings: [{ role: "roles/viewer", members: ["allUsers"] }] };
        await fetch(`${emulator.url}/v1alpha/${id}:setIamPolicy`, {
            method: "POST",
            headers: { authorization: "Bearer x" },
            body: JSON.stringify({ policy }),
        });
        const patched = await fetch(`${emulator.url}/v1alpha/${id}`, {
            method: "PATCH",
            headers: { authorization: "Bearer x" },
            body: JSON.stringify({ asset: { properties: { curator: "ana" } }, updateMask: 'properties."curator"' }),
        });
        expect(patched.status).toBe(200);
        const mark = emulator.requests().length;
        const result = await provider.update(id, outs, await renamed());
        expect(writesSince(mark)).toEqual([`POST /v1alpha/${id}:move`]);
        expect(emulator.assets().map((a) => a.name)).toEqual([DEM2]);
        expect(emulator.policy(DEM2).bindings).toEqual(policy.bindings);
        expect(emulator.assets()[0].properties).toMatchObject({ curator: "ana" });
        expect(result.outs).toMatchObject({ assetName: DEM2, imageManifest: { name: DEM2 } });
        // The resource id stays the first name; read, refresh and delete follow assetName, and refresh moves the id.
        const read = await provider.read(id, result.outs as Record<string, unknown>);
        expect(read.id).toBe(DEM2);
        await provider.delete(id, result.outs as Record<string, unknown>);
        expect(emulator.assets()).toEqual([]);
    });

    test("a rename with a property change moves, then patches the moved image", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        const mark = emulator.requests().length;
        await provider.update(id, outs, await renamed({ properties: { moved: "yes" } }));
        expect(writesSince(mark)).toEqual([`POST /v1alpha/${id}:move`, `PATCH /v1alpha/${DEM2}`]);
    });

    test("a rename with a file change moves, then re-imports at the new name (never at the old one)", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        const mark = emulator.requests().length;
        await provider.update(id, outs, await renamed({ tilesets: [{ id: "0", sources: [{ uris: ["gs://test-bucket/dem-v2.tif"] }] }] }));
        expect(writesSince(mark)).toEqual([`POST /v1alpha/${id}:move`, "POST /v1alpha/projects/quota-project/image:importExternal"]);
        expect(emulator.assets()).toMatchObject([{ name: DEM2, tilesets: [{ sources: [{ uris: ["gs://test-bucket/dem-v2.tif"] }] }] }]);
    });

    test("a retry after the move happened (source gone, destination equal) counts as done", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        await fetch(`${emulator.url}/v1alpha/${id}:move`, {
            method: "POST",
            headers: { authorization: "Bearer x" },
            body: JSON.stringify({ destinationName: DEM2 }),
        });
        const result = await provider.update(id, outs, await renamed());
        expect(result.outs).toMatchObject({ assetName: DEM2 });
        expect(emulator.assets().map((a) => a.name)).toEqual([DEM2]);
    });

    test("a move whose answer is lost is read back and counts as done", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        emulator.addFault({ action: "applyThenDrop", pathContains: ":move" });
        await provider.update(id, outs, await renamed());
        expect(emulator.assets().map((a) => a.name)).toEqual([DEM2]);
        expect(emulator.requests().filter((r) => r.path.endsWith(":move"))).toHaveLength(1);
    });

    test("a copy of the image at the new name is refused too (both exist): nothing is moved or deleted", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        await created({ imageManifest: { ...manifest("dem.json"), name: DEM2 } });
        await expect(provider.update(id, outs, await renamed())).rejects.toThrow(`${DEM2} already holds a copy of this image`);
        expect(emulator.assets().map((a) => a.name)).toEqual([id, DEM2]);
    });

    test("another asset at the new name is refused, and nothing is moved or deleted", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        await created({ imageManifest: { ...manifest("dem.json"), name: DEM2, properties: { other: "image" } } });
        await expect(provider.update(id, outs, await renamed())).rejects.toThrow(
            new RegExp(
                `Earth Engine asset ${DEM2} already exists and differs from this declaration in: properties.*Nothing was moved or deleted`,
                "s",
            ),
        );
        expect(emulator.assets().map((a) => a.name)).toEqual([id, DEM2]);
    });
});

describe("delete", () => {
    test("deletes the asset", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        await provider.delete(id, outs);
        expect(emulator.assets()).toEqual([]);
    });

    test("an already missing asset counts as deleted", async () => {
        const { id, outs } = await created({ imageManifest: manifest("dem.json") });
        emulator.reset();
        await expect(provider.delete(id, outs)).resolves.toBeUndefined();
        expect(emulator.requests()).toMatchObject([{ method: "DELETE", status: 404 }]);
    });
});

describe("configure", () => {
    test("a bad setting fails every later call too (check included), never falling back to the environment", async () => {
        await expect(provider.configure(config({ "earthengine:apiVersion": "v2" }))).rejects.toThrow(/use one of v1alpha, v1beta, v1/);
        await expect(checked({ imageManifest: manifest("dem.json") })).rejects.toThrow(/use one of v1alpha, v1beta, v1/); // preview says so
        await expect(provider.create({ imageManifest: manifest("dem.json") })).rejects.toThrow(/use one of v1alpha, v1beta, v1/);
        expect(emulator.requests()).toEqual([]);
    });

    // Which setting wins is test/unit/credentials.test.ts; this is what a run with both makes of it.
    // That the engine keeps secret config as ciphertext in state is test/e2e/hostile.test.ts's.
    test("a service-account key in config wins over GOOGLE_OAUTH_ACCESS_TOKEN: its failed token exchange sends nothing to Earth Engine and names neither secret", async () => {
        const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
        const keyText = pem.split("\n")[5]; // a line of the key's body
        const key = JSON.stringify({ type: "service_account", client_email: "sa@test-project.iam.gserviceaccount.com", private_key: pem });
        const envToken = "ya29.environment-token-9b7d";
        const saved = process.env.GOOGLE_OAUTH_ACCESS_TOKEN;
        process.env.GOOGLE_OAUTH_ACCESS_TOKEN = envToken;
        try {
            await provider.configure(
                config({ "earthengine:endpoint": emulator.url, "earthengine:credentials": key, "earthengine:maxRetries": "0" }),
            );
            const inputs = await checked({ imageManifest: manifest("dem.json") });
            const error = (await provider.create(inputs).catch((e: unknown) => e)) as Error & { properties?: unknown };
            // The key's token exchange cannot reach Google from here; the environment's token was not used instead.
            expect(error.message).toMatch(/^Could not create projects\/test-project\/assets\/dem: /);
            const told = `${error.message} ${error.stack} ${JSON.stringify(error)} ${JSON.stringify(error.properties ?? {})}`;
            expect(told).not.toContain(keyText);
            expect(told).not.toContain(envToken);
            expect(emulator.requests()).toEqual([]);
        } finally {
            if (saved === undefined) delete process.env.GOOGLE_OAUTH_ACCESS_TOKEN;
            else process.env.GOOGLE_OAUTH_ACCESS_TOKEN = saved;
        }
    });

    test("refuses a plain-http endpoint that is not loopback", async () => {
        await expect(provider.configure(config({ "earthengine:endpoint": "http://earthengine.example.com" }))).rejects.toThrow(
            /must use https/,
        );
    });
});
