import { type RunningEmulator, startEmulator } from "../../emulator";
import type { AuthSource } from "../../provider/earthengine/auth";
import { EarthEngineClient, type EarthEngineClientOptions } from "../../provider/earthengine/client";
import { AssetNotFoundError, ServiceUnavailableError, TransportError } from "../../provider/earthengine/errors";
import { createLimiter } from "../../provider/earthengine/limiter";
import { DEFAULT_RETRY } from "../../provider/earthengine/retry";
import { OutcomeUnknownError, RetriesExhaustedError } from "../../provider/earthengine/retryErrors";
import { validateManifest } from "../../provider/manifest";

// The transport's retry loop against the emulator's injected faults. Waits are recorded, never slept.
const auth: AuthSource = { description: "test token", headers: async () => ({ authorization: "Bearer t" }) };
const NAME = "projects/test-project/assets/a";

let emulator: RunningEmulator;
let waits: number[];

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
    emulator.reset();
    waits = [];
});

function clientWith(options: Partial<EarthEngineClientOptions> = {}): EarthEngineClient {
    return new EarthEngineClient({
        endpoint: emulator.url,
        apiVersion: "v1alpha",
        auth,
        random: () => 0.5,
        sleep: async (ms) => {
            waits.push(ms);
        },
        ...options,
    });
}

const image = (name = NAME) => {
    const result = validateManifest({ name, tilesets: [{ sources: [{ uris: ["gs://test-bucket/a.tif"] }] }] });
    if (!result.ok) throw new Error("fixture is invalid");
    return result.manifest;
};

const statuses = () => emulator.requests().map((r) => `${r.method} ${r.status}${r.fault && r.fault !== "status" ? ` ${r.fault}` : ""}`);

describe("idempotent calls are retried directly", () => {
    test.each([429, 500, 502, 503, 504])("GET after %i", async (status) => {
        await clientWith().importExternal(image(), { overwrite: false });
        emulator.reset();
        await clientWith().importExternal(image(), { overwrite: false });
        emulator.addFault({ status, method: "GET" });
        await expect(clientWith().getAsset(NAME)).resolves.toMatchObject({ name: NAME });
        expect(statuses().slice(-2)).toEqual([`GET ${status}`, "GET 200"]);
    });

    test.each(["reset", "applyThenDrop"] as const)("GET after a connection %s", async (action) => {
        await clientWith().importExternal(image(), { overwrite: false });
        emulator.addFault({ action, method: "GET" });
        await expect(clientWith().getAsset(NAME)).resolves.toMatchObject({ name: NAME });
        expect(statuses().slice(-2)).toEqual([`GET ${action === "reset" ? 0 : 200} ${action}`, "GET 200"]);
    });

    test("DELETE whose answer was dropped is retried; its 404 then means done to the provider", async () => {
        await clientWith().importExternal(image(), { overwrite: false });
        emulator.addFault({ action: "applyThenDrop", method: "DELETE" });
        await expect(clientWith().deleteAsset(NAME)).rejects.toBeInstanceOf(AssetNotFoundError);
        expect(statuses().slice(-2)).toEqual(["DELETE 200 applyThenDrop", "DELETE 404"]);
        expect(emulator.assets()).toEqual([]);
    });

    test("PATCH after a reset is sent again with the same mask", async () => {
        await clientWith().importExternal(image(), { overwrite: false });
        emulator.addFault({ action: "reset", method: "PATCH" });
        await clientWith().patchAsset(NAME, { properties: { k: 1 } }, ["properties.k"]);
        const patches = emulator.requests().filter((r) => r.method === "PATCH");
        expect(patches.map((r) => r.body)).toEqual([patches[0].body, patches[0].body]);
        expect(emulator.assets()[0].properties).toEqual({ k: 1 });
    });

    test("importExternal with overwrite: true after a 503 and a dropped answer", async () => {
        emulator.addFault({ status: 503, method: "POST" });
        emulator.addFault({ action: "applyThenDrop", method: "POST" });
        await clientWith().importExternal(image(), { overwrite: true });
        expect(statuses()).toEqual(["POST 503", "POST 200 applyThenDrop", "POST 200"]);
    });

    test("403 rateLimitExceeded is retried, a plain 403 is not", async () => {
        const rateLimit = [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "rateLimitExceeded" }];
        emulator.addFault({ status: 403, details: rateLimit, method: "GET" });
        await expect(clientWith().getAsset(NAME)).rejects.toBeInstanceOf(AssetNotFoundError);
        emulator.reset();
        emulator.addFault({ status: 403, method: "GET" });
        await expect(clientWith().getAsset(NAME)).rejects.toThrow(/403/);
        expect(emulator.requests()).toHaveLength(1);
    });
});

describe("importExternal with overwrite: false", () => {
    test("429 is retried directly, without a read", async () => {
        emulator.addFault({ status: 429, method: "POST" });
        const resolver = jest.fn(async () => "retry" as const);
        await clientWith().importExternal(image(), { overwrite: false, resolveAmbiguous: resolver });
        expect(resolver).not.toHaveBeenCalled();
        expect(statuses()).toEqual(["POST 429", "POST 200"]);
    });

    test.each([
        [{ status: 500 }, "POST 500"],
        [{ status: 502 }, "POST 502"],
        [{ status: 503 }, "POST 503"],
        [{ status: 504 }, "POST 504"],
        [{ action: "reset" as const }, "POST 0 reset"],
        [{ action: "applyThenDrop" as const }, "POST 200 applyThenDrop"],
    ])("%j is ambiguous: the resolver decides", async (fault, logged) => {
        emulator.addFault({ ...fault, method: "POST" });
        const resolver = jest.fn(async () => "done" as const);
        await clientWith().importExternal(image(), { overwrite: false, resolveAmbiguous: resolver });
        expect(resolver).toHaveBeenCalledTimes(1);
        expect(statuses()).toEqual([logged]);
    });

    test("a resolver answer of retry sends the import again", async () => {
        emulator.addFault({ status: 503, method: "POST" });
        await clientWith().importExternal(image(), { overwrite: false, resolveAmbiguous: async () => "retry" });
        expect(statuses()).toEqual(["POST 503", "POST 200"]);
    });

    test("without a resolver an ambiguous failure is not repeated: an OutcomeUnknownError with the attempt and its cause", async () => {
        emulator.addFault({ status: 500, method: "POST" });
        const error = await clientWith()
            .importExternal(image(), { overwrite: false })
            .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OutcomeUnknownError);
        expect(error).toMatchObject({ attempts: 1, cause: { httpStatus: 500 } });
        expect((error as Error).message).toMatch(/failed with 500[\s\S]*may or may not have been carried out \(attempt 1, after/);
        expect(emulator.requests()).toHaveLength(1);
    });
});

describe("budget", () => {
    test("gives up after maxAttempts with the last error and the count", async () => {
        emulator.addFault({ status: 503, method: "GET", count: 10 });
        const client = clientWith({ retry: { ...DEFAULT_RETRY, maxAttempts: 3 } });
        const error = await client.getAsset(NAME).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RetriesExhaustedError);
        expect((error as RetriesExhaustedError).attempts).toBe(3);
        expect((error as RetriesExhaustedError).cause).toBeInstanceOf(ServiceUnavailableError);
        expect((error as Error).message).toMatch(/503[\s\S]*gave up after 3 attempts in \d+\.\d s/);
        expect(waits).toHaveLength(2);
        expect(waits[1]).toBe(DEFAULT_RETRY.baseDelayMs); // full jitter at 0.5 of a doubled ceiling
    });

    test("gives up at the operation deadline, however many attempts are left", async () => {
        emulator.addFault({ status: 503, method: "GET", count: 10 });
        let clock = 0;
        const client = clientWith({
            retry: { ...DEFAULT_RETRY, operationTimeoutMs: 2_000, baseDelayMs: 1_000 },
            now: () => clock,
            sleep: async (ms) => {
                waits.push(ms);
                clock += ms;
            },
        });
        // Waits of 500 then 1000 ms (half of each doubled ceiling); a third of 2000 would end past 2000.
        const error = await client.getAsset(NAME).catch((e: unknown) => e);
        expect(error).toMatchObject({ name: "RetriesExhaustedError", attempts: 3, elapsedMs: 1500 });
        expect((error as Error).message).toMatch(/gave up after 3 attempts in 1\.5 s/);
        expect(waits).toEqual([500, 1000]);
    });

    test("a refused connection to a loopback endpoint (an emulator not running) fails at once, naming the setting", async () => {
        const closed = await startEmulator();
        await closed.close();
        const waits: number[] = [];
        const client = clientWith({ endpoint: closed.url, sleep: async (ms) => void waits.push(ms) });
        const error = await client.getAsset(NAME).catch((e: Error) => e);
        expect(error).toBeInstanceOf(TransportError);
        expect(waits).toEqual([]); // not the minutes of the retry policy
        expect((error as Error).message).toMatch(/could not connect[\s\S]*EARTHENGINE_ENDPOINT; for the emulator, is it still running\?/);
    });
});

describe("limiter", () => {
    const burst = async (client: EarthEngineClient) => {
        emulator.setFaultPlan({ rules: [{ latencyMs: 30 }] });
        await Promise.all(Array.from({ length: 24 }, () => client.getAsset(NAME).catch(() => undefined)));
        return emulator.maxConcurrent();
    };

    test("keeps requests in flight at or under maxConcurrentRequests", async () => {
        const limited = await burst(clientWith({ limiter: createLimiter({ maxConcurrentRequests: 3, maxRequestsPerSecond: 10_000 }) }));
        expect(limited).toBeLessThanOrEqual(3);
        expect(limited).toBeGreaterThan(0);
    });

    test("without it the same burst goes over", async () => {
        expect(await burst(clientWith())).toBeGreaterThan(3);
    });
});

// Last: the emulator is still delaying the abandoned requests when the test ends.
test("an attempt past requestTimeout is a timeout, retried for a GET", async () => {
    emulator.setFaultPlan({ rules: [{ method: "GET", latencyMs: 200 }], seed: 3 });
    const client = clientWith({ timeoutMs: 1, retry: { ...DEFAULT_RETRY, maxAttempts: 2 } });
    await expect(client.getAsset(NAME)).rejects.toThrow(/no response in time[\s\S]*gave up after 2 attempts/);
});
