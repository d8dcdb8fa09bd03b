import { type RunningEmulator, startEmulator } from "../../emulator";
import { checkFaultPlan } from "../../emulator/faultPlan";
import { KEEP_ALIVE_TIMEOUT_MS } from "../../emulator/server";

// The emulator's fault injection as a client sees it: seeded random faults, resets, apply-then-drop,
// the concurrency cap and its record of the maximum concurrency.
let emulator: RunningEmulator;

beforeAll(async () => {
    emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const headers = { authorization: "Bearer t", "content-type": "application/json" };
const get = (name = "projects/p1/assets/missing") => fetch(`${emulator.url}/v1alpha/${name}`, { headers });
const importImage = (name: string) =>
    fetch(`${emulator.url}/v1alpha/projects/p1/image:importExternal`, {
        method: "POST",
        headers,
        body: JSON.stringify({ imageManifest: { name, tilesets: [{ sources: [{ uris: ["gs://test-bucket/a.tif"] }] }] } }),
    });

async function statusesOf(count: number): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((await get()).status);
    return out;
}

describe("the fault plan", () => {
    const plan = { seed: 42, rules: [{ method: "GET", probabilities: { "429": 0.2, "500": 0.1, "503": 0.2, "403": 0.1 } }] };

    test("the same seed gives the same faults in the same order", async () => {
        emulator.setFaultPlan(plan);
        const first = await statusesOf(60);
        emulator.reset();
        emulator.setFaultPlan(plan);
        expect(await statusesOf(60)).toEqual(first);
        expect(new Set(first)).toEqual(new Set([404, 429, 500, 503, 403]));
        emulator.reset();
        emulator.setFaultPlan({ ...plan, seed: 43 });
        expect(await statusesOf(60)).not.toEqual(first);
    });

    test("a 429 carries Retry-After, a 403 the rateLimitExceeded reason", async () => {
        emulator.setFaultPlan({ rules: [{ probabilities: { "429": 1 }, retryAfterSeconds: 3 }] });
        const quota = await get();
        expect(quota.status).toBe(429);
        expect(quota.headers.get("retry-after")).toBe("3");
        emulator.setFaultPlan({ rules: [{ probabilities: { "403": 1 } }] });
        const body = (await (await get()).json()) as { error: { details: { reason: string }[] } };
        expect(body.error.details[0].reason).toBe("rateLimitExceeded");
    });

    test("rules match by method and path; other requests are untouched", async () => {
        emulator.setFaultPlan({ rules: [{ method: "GET", pathContains: "/assets/flaky", probabilities: { "503": 1 } }] });
        expect((await get("projects/p1/assets/flaky")).status).toBe(503);
        expect((await get("projects/p1/assets/steady")).status).toBe(404);
    });

    test("reset cuts the connection before the change", async () => {
        emulator.setFaultPlan({ rules: [{ method: "POST", probabilities: { reset: 1 } }] });
        await expect(importImage("projects/p1/assets/a")).rejects.toThrow(/fetch failed/);
        expect(emulator.assets()).toEqual([]);
        expect(emulator.requests()).toMatchObject([{ method: "POST", status: 0, fault: "reset" }]);
    });

    test("apply-then-drop makes the change, then cuts the connection", async () => {
        emulator.setFaultPlan({ rules: [{ method: "POST", probabilities: { applyThenDrop: 1 } }] });
        await expect(importImage("projects/p1/assets/a")).rejects.toThrow(/fetch failed/);
        expect(emulator.assets().map((a) => a.name)).toEqual(["projects/p1/assets/a"]);
        expect(emulator.requests()).toMatchObject([{ method: "POST", status: 200, fault: "applyThenDrop" }]);
    });

    test("invalid plans are refused with the field to fix", () => {
        expect(() => checkFaultPlan({ rules: [{ probabilities: { "418": 0.1 } }] })).toThrow(
            /unknown rules\[0\]\.probabilities field "418"/,
        );
        expect(() => checkFaultPlan({ rules: [{ probabilities: { reset: 2 } }] })).toThrow(/from 0 to 1/);
        expect(() => checkFaultPlan({ maxConcurrentRequests: 0 })).toThrow(/at least 1/);
        expect(() => checkFaultPlan({ colour: "red" })).toThrow(/unknown fault plan field "colour"/);
    });

    test("the control endpoint sets and shows the plan", async () => {
        const post = await fetch(`${emulator.url}/_emulator/faultPlan`, { method: "POST", body: JSON.stringify(plan) });
        expect(post.status).toBe(200);
        expect(await (await fetch(`${emulator.url}/_emulator/faultPlan`)).json()).toEqual(plan);
        const bad = await fetch(`${emulator.url}/_emulator/faultPlan`, { method: "POST", body: JSON.stringify({ rules: 1 }) });
        expect(bad.status).toBe(400);
    });
});

describe("concurrency", () => {
    test("past the cap requests are answered 429 and not executed; the log keeps the maximum in flight", async () => {
        emulator.setFaultPlan({ maxConcurrentRequests: 2, rules: [{ latencyMs: 100 }], seed: 5 });
        const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => importImage(`projects/p1/assets/img${i}`)));
        const statuses = answers.map((a) => a.status);
        expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
        expect(emulator.assets()).toHaveLength(statuses.filter((s) => s === 200).length);
        expect(emulator.requests().filter((r) => r.fault === "concurrencyCap").length).toBe(statuses.filter((s) => s === 429).length);
        const log = (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as { maxConcurrent: number };
        expect(log.maxConcurrent).toBeGreaterThan(2);
        expect(emulator.maxConcurrent()).toBe(log.maxConcurrent);
    });
});

test("idle connections are kept longer than clients keep them, and the server says so", async () => {
    const response = await get();
    expect(response.headers.get("keep-alive")).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(5_000); // Node's and undici's client defaults are 4-5 s
});
