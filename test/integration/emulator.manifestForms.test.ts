import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { call, importImage } from "../fixtures/emulator/api";

// The manifest and patch forms real clients send, and the service's own wording for what it refuses.
let emulator: RunningEmulator;
const FIXTURES = path.join(__dirname, "../fixtures");
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8")) as T;
const NAME = "projects/test-project/assets/forms";
const manifest = (extra: Record<string, unknown> = {}) => ({
    name: NAME,
    tilesets: [{ sources: [{ uris: ["gs://test-bucket/a.tif"] }] }],
    properties: { cloud: 10, source: "survey" },
    ...extra,
});
const patch = (body: unknown) => call(emulator.url, "PATCH", `/v1/${NAME}`, body);
const stored = () => emulator.assets().find((asset) => asset.name === NAME);

beforeEach(async () => {
    emulator = await startEmulator();
});
afterEach(() => emulator.close());

describe("importExternal", () => {
    test("accepts Timestamp objects and stores the server's RFC 3339 text (issue input 1)", async () => {
        const { manifest: written } = readJson<{ manifest: Record<string, unknown> }>(
            "manifests/normalised/timestamps-seconds-objects.json",
        );
        expect((await importImage(emulator.url, written)).status).toBe(200);
        const { body } = await call(emulator.url, "GET", "/v1/projects/test-project/assets/timestamps");
        expect(body).toMatchObject({ startTime: "2020-01-01T00:00:00Z", endTime: "2020-01-02T00:00:00Z" });
    });

    test("refuses a Timestamp object with fractional seconds", async () => {
        const { status, body } = await importImage(emulator.url, manifest({ startTime: { seconds: 1577836800.5 } }));
        expect(status).toBe(400);
        expect(body.error?.message).toMatch(/^Invalid argument at 'image_manifest.start_time': seconds must be a whole number/);
    });

    test("refuses the legacy id key as the service does (the official client converts it before sending)", async () => {
        const { manifest: legacy } = readJson<{ manifest: unknown }>("manifests/normalised/legacy-keys.json");
        const { status, body } = await importImage(emulator.url, legacy);
        expect(status).toBe(400);
        expect(body.error?.message).toBe(`Invalid JSON payload received. Unknown name "id" at 'image_manifest': Cannot find field.`);
    });

    const wording = readJson<{ cases: { manifest: string; message: string }[] }>("emulator/service-wording.json").cases;
    test.each(wording)("refuses $manifest with 400 INVALID_ARGUMENT in the service's words, storing nothing", async (item) => {
        const { manifest: refused } = readJson<{ manifest: unknown }>(`manifests/invalid/${item.manifest}`);
        const { status, body } = await importImage(emulator.url, refused);
        expect(status).toBe(400);
        expect(body.error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT", message: item.message });
        expect(emulator.assets()).toEqual([]);
    });
});

describe("assets.patch update masks", () => {
    beforeEach(async () => {
        expect((await importImage(emulator.url, manifest())).status).toBe(200);
    });

    test('takes property paths quoted, properties."cloud", as the official clients send them', async () => {
        const { status, body } = await patch({
            asset: { properties: { cloud: 20 } },
            updateMask: 'properties."cloud",properties."source"',
        });
        expect(status).toBe(200);
        expect(body.properties).toEqual({ cloud: 20 });
    });

    test("takes property paths unquoted, properties.cloud, as the CLI's asset set sends them", async () => {
        const { body } = await patch({ asset: { properties: { cloud: 30 } }, updateMask: "properties.cloud" });
        expect(body.properties).toEqual({ cloud: 30, source: "survey" });
    });

    test("takes a FieldMask object {paths: [...]}, as the Python client's updateAsset sends it", async () => {
        const { status, body } = await patch({
            asset: { properties: { cloud: 40 } },
            updateMask: { paths: ['properties."cloud"', "start_time"] },
        });
        expect(status).toBe(200);
        expect(body.properties).toEqual({ cloud: 40, source: "survey" });
    });

    test("deletes a property sent as null, as the official clients delete one", async () => {
        const { status, body } = await patch({ asset: { properties: { cloud: null } }, updateMask: 'properties."cloud"' });
        expect(status).toBe(200);
        expect(body.properties).toEqual({ source: "survey" });
    });

    test("refuses a quoted key that breaks the property key rule, even with a comma inside the quotes", async () => {
        const { status, body } = await patch({ asset: {}, updateMask: 'properties."a,b"' });
        expect(status).toBe(400);
        expect(body.error?.message).toBe(
            'Property key "a,b" is invalid. Property keys must contain only letters, digits, and underscores.',
        );
        expect(stored()?.properties).toEqual({ cloud: 10, source: "survey" });
    });

    test("refuses an unclosed quote", async () => {
        const { status, body } = await patch({ asset: {}, updateMask: 'properties."cloud' });
        expect(status).toBe(400);
        expect(body.error?.message).toBe(`Invalid update mask 'properties."cloud': a quoted property key is not closed.`);
    });

    test("refuses a mask that is neither a string nor {paths}", async () => {
        const { status, body } = await patch({ asset: {}, updateMask: { paths: "properties" } });
        expect(status).toBe(400);
        expect(body.error?.message).toContain("a field mask is a string of comma-separated paths or an object {paths: [...]}");
    });

    test("refuses a mask written as a list as proto3 JSON does (a FieldMask is not a repeated field)", async () => {
        const { status, body } = await patch({ asset: {}, updateMask: ["properties"] });
        expect(status).toBe(400);
        expect(body.error?.message).toBe(
            'Invalid JSON payload received. Unknown name "updateMask": Proto field is not repeating, cannot start list.',
        );
    });
});
