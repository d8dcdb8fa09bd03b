import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { UpdateClock } from "../../emulator/clock";
import { API_VERSIONS } from "../../provider/earthengine/types";
import { toEpochNanos } from "../../provider/manifest";
import { call, createContainer, fixture, importImage } from "../fixtures/emulator/api";

// The emulator as a test double: auth, routing, versions, injected faults, the request log,
// reset and the state file.
let emulator: RunningEmulator;
const DEM = "projects/test-project/assets/dem";
const postJson = (urlPath: string, body: unknown) => fetch(`${emulator.url}${urlPath}`, { method: "POST", body: JSON.stringify(body) });

beforeEach(async () => {
    emulator = await startEmulator();
});
afterEach(() => emulator.close());

describe("authentication", () => {
    test("a call without a bearer token is 401 UNAUTHENTICATED in Google's words, and not executed", async () => {
        await importImage(emulator.url, fixture("dem.json"));
        const { status, headers, body } = await call(emulator.url, "DELETE", `/v1alpha/${DEM}`, undefined, { token: null });
        expect(status).toBe(401);
        expect(body.error).toMatchObject({
            code: 401,
            status: "UNAUTHENTICATED",
            message: expect.stringMatching(/^Request is missing required authentication credential\./),
        });
        expect(headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(emulator.assets()).toHaveLength(1);
    });

    test("an empty bearer token is refused like a missing one", async () => {
        expect((await call(emulator.url, "GET", `/v1alpha/${DEM}`, undefined, { token: "" })).status).toBe(401);
    });

    test("any non-empty bearer token is accepted", async () => {
        expect((await call(emulator.url, "GET", `/v1alpha/${DEM}`, undefined, { token: "anything" })).status).toBe(404);
    });
});

describe("routing", () => {
    test.each(API_VERSIONS)("%s serves import, get, list, patch and delete", async (version) => {
        expect((await importImage(emulator.url, fixture("dem.json"), {}, version)).status).toBe(200);
        expect((await call(emulator.url, "GET", `/${version}/${DEM}`)).body.name).toBe(DEM);
        expect((await call(emulator.url, "GET", `/${version}/projects/test-project:listAssets`)).body.assets).toHaveLength(1);
        const patched = await call(emulator.url, "PATCH", `/${version}/${DEM}`, {
            asset: { properties: { v: 2 } },
            updateMask: "properties",
        });
        expect(patched.body.properties).toEqual({ v: 2 });
        expect((await call(emulator.url, "DELETE", `/${version}/${DEM}`)).status).toBe(200);
    });

    test("an unknown version or route is 404 NOT_FOUND with an AIP-193 body", async () => {
        for (const urlPath of [`/v2/${DEM}`, "/v1alpha/projects/test-project/table:importExternal", `/v1alpha/${DEM}:copy`]) {
            const { status, body } = await call(emulator.url, "POST", urlPath, {});
            expect([urlPath, status, body.error?.status]).toEqual([urlPath, 404, "NOT_FOUND"]);
        }
    });

    test("an unknown query parameter is refused as Google does; system parameters are accepted", async () => {
        const unknown = await call(emulator.url, "GET", `/v1alpha/${DEM}?colour=red`);
        expect(unknown.body.error?.message).toBe(
            "Invalid JSON payload received. Unknown name \"colour\": Cannot bind query parameter. Field 'colour' could not be found in request message.",
        );
        expect((await call(emulator.url, "GET", `/v1alpha/${DEM}?prettyPrint=false&alt=json`)).status).toBe(404);
    });

    test("the list route takes 'projects/p/assets' as the project root too", async () => {
        await createContainer(emulator.url, "projects/test-project/assets/folder");
        const { body } = await call(emulator.url, "GET", "/v1alpha/projects/test-project/assets:listAssets");
        expect(body.assets?.map((a) => a.id)).toEqual(["folder"]);
    });
});

describe("injected faults", () => {
    test("fail the next matching call with the status, an AIP-193 body and Retry-After, without executing it", async () => {
        await postJson("/_emulator/faults", { status: 503, retryAfterSeconds: 7 });
        const failed = await importImage(emulator.url, fixture("dem.json"));
        expect(failed.status).toBe(503);
        expect(failed.headers.get("retry-after")).toBe("7");
        expect(failed.body.error).toMatchObject({ code: 503, status: "UNAVAILABLE" });
        expect(emulator.assets()).toEqual([]);
        expect((await importImage(emulator.url, fixture("dem.json"))).status).toBe(200);
    });

    test("are recorded in the request log with the injected status", async () => {
        emulator.addFault({ status: 429 });
        await importImage(emulator.url, fixture("dem.json"));
        expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429"]);
    });

    test("apply to `count` calls, and only to the method and path they name", async () => {
        await postJson("/_emulator/faults", { status: 500, count: 2, method: "get", pathContains: "/assets/dem" });
        await importImage(emulator.url, fixture("dem.json"));
        for (let i = 0; i < 3; i++) await call(emulator.url, "GET", `/v1alpha/${DEM}`);
        expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 200", "GET 500", "GET 500", "GET 200"]);
    });

    test("can carry a message and details, such as a rate-limit reason", async () => {
        const details = [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "rateLimitExceeded" }];
        emulator.addFault({ status: 403, message: "Quota exceeded.", details });
        const { body } = await call(emulator.url, "GET", `/v1alpha/${DEM}`);
        expect(body.error).toEqual({ code: 403, status: "PERMISSION_DENIED", message: "Quota exceeded.", details });
    });

    test("with an unusable spec are refused with 400 naming the field", async () => {
        const response = await postJson("/_emulator/faults", { status: 200 });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/status/);
    });
});

describe("the request log", () => {
    test("records method, path without query, query, status, consumer project and parsed body", async () => {
        await call(emulator.url, "GET", "/v1alpha/projects/test-project:listAssets?pageSize=5", undefined, {
            userProject: "quota-project",
        });
        await importImage(emulator.url, fixture("dem.json"));
        expect(emulator.requests()).toEqual([
            {
                method: "GET",
                path: "/v1alpha/projects/test-project:listAssets",
                query: { pageSize: "5" },
                status: 200,
                userProject: "quota-project",
            },
            {
                method: "POST",
                path: "/v1alpha/projects/test-project/image:importExternal",
                query: {},
                status: 200,
                body: { imageManifest: fixture("dem.json") },
            },
        ]);
    });

    test("is served at GET /_emulator/requests, which is not itself logged", async () => {
        await call(emulator.url, "GET", `/v1alpha/${DEM}`, undefined, { token: null });
        const response = await fetch(`${emulator.url}/_emulator/requests`);
        expect(await response.json()).toEqual({
            requests: [{ method: "GET", path: `/v1alpha/${DEM}`, query: {}, status: 401 }],
            maxConcurrent: 1,
        });
        expect(emulator.requests()).toHaveLength(1);
    });

    test("DELETE /_emulator/requests clears the log alone: assets and pending faults stay", async () => {
        await importImage(emulator.url, fixture("dem.json"));
        emulator.addFault({ status: 503 });
        expect((await fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" })).status).toBe(200);
        expect(emulator.requests()).toEqual([]);
        expect(emulator.assets().map((asset) => asset.name)).toEqual([DEM]);
        expect((await call(emulator.url, "GET", `/v1alpha/${DEM}`)).status).toBe(503);
    });

    test("clearRequests() does the same from the test process", async () => {
        await importImage(emulator.url, fixture("dem.json"));
        emulator.clearRequests();
        expect(emulator.requests()).toEqual([]);
        expect(emulator.assets()).toHaveLength(1);
    });

    test("keeps a body that is not JSON as text", async () => {
        await call(emulator.url, "POST", "/v1alpha/projects/test-project/image:importExternal", undefined, { rawBody: "not json" });
        expect(emulator.requests()[0]).toMatchObject({ status: 400, body: "not json" });
    });
});

describe("reset", () => {
    test("POST /_emulator/reset clears assets, the request log and pending faults", async () => {
        await importImage(emulator.url, fixture("dem.json"));
        emulator.addFault({ status: 503 });
        expect((await postJson("/_emulator/reset", {})).status).toBe(200);
        expect([emulator.assets(), emulator.requests()]).toEqual([[], []]);
        expect((await importImage(emulator.url, fixture("dem.json"))).status).toBe(200);
    });

    test("reset() does the same from the test process", async () => {
        await importImage(emulator.url, fixture("dem.json"));
        emulator.reset();
        expect([emulator.assets(), emulator.requests()]).toEqual([[], []]);
    });
});

describe("the state file", () => {
    let dir: string;
    let statePath: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-state-"));
        statePath = path.join(dir, "nested", "state.json");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    test("keeps assets across a restart", async () => {
        const first = await startEmulator({ statePath });
        await importImage(first.url, fixture("dem.json"));
        const saved = first.assets();
        await first.close();
        const second = await startEmulator({ statePath });
        try {
            expect(second.assets()).toEqual(saved);
            expect((await call(second.url, "GET", `/v1alpha/${DEM}`)).body).toEqual(saved[0]);
        } finally {
            await second.close();
        }
    });

    test("is replaced whole after every change, leaving no temporary file", async () => {
        const persistent = await startEmulator({ statePath });
        try {
            await importImage(persistent.url, fixture("dem.json"));
            await call(persistent.url, "DELETE", `/v1alpha/${DEM}`);
            expect(JSON.parse(fs.readFileSync(statePath, "utf8"))).toEqual({ version: 1, assets: [] });
            expect(fs.readdirSync(path.dirname(statePath))).toEqual(["state.json"]);
        } finally {
            await persistent.close();
        }
    });

    test("is emptied by reset()", async () => {
        const persistent = await startEmulator({ statePath });
        try {
            await importImage(persistent.url, fixture("dem.json"));
            persistent.reset();
            expect(JSON.parse(fs.readFileSync(statePath, "utf8")).assets).toEqual([]);
        } finally {
            await persistent.close();
        }
    });

    test("that is not an emulator state makes startEmulator fail with what to do", async () => {
        fs.mkdirSync(path.dirname(statePath), { recursive: true });
        fs.writeFileSync(statePath, "{ not json");
        await expect(startEmulator({ statePath })).rejects.toThrow(/is not JSON .*fix or delete it/);
    });

    test("keeps later updateTimes after the ones it loaded", async () => {
        fs.mkdirSync(path.dirname(statePath), { recursive: true });
        const future = "2999-01-01T00:00:00Z";
        fs.writeFileSync(
            statePath,
            JSON.stringify({ version: 1, assets: [{ type: "FOLDER", name: "projects/test-project/assets/f", updateTime: future }] }),
        );
        const persistent = await startEmulator({ statePath });
        try {
            const { body } = await createContainer(persistent.url, "projects/test-project/assets/f/g");
            expect((toEpochNanos(body.updateTime ?? "") ?? 0n) > (toEpochNanos(future) ?? 0n)).toBe(true);
        } finally {
            await persistent.close();
        }
    });
});

describe("the updateTime clock", () => {
    test("gives strictly increasing times even many times within one millisecond", () => {
        const clock = new UpdateClock();
        const times = Array.from({ length: 1000 }, () => toEpochNanos(clock.next()) ?? 0n);
        expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true);
    });
});

describe("close", () => {
    test("stops listening even while a client keeps its connection alive", async () => {
        const other = await startEmulator();
        await call(other.url, "GET", `/v1alpha/${DEM}`);
        await other.close();
        await expect(fetch(`${other.url}/_emulator/requests`)).rejects.toThrow();
    });
});
