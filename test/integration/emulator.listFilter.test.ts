import { type RunningEmulator, startEmulator } from "../../emulator";
import { call, createContainer, importImage } from "../fixtures/emulator/api";

// listAssets' `filter` (the REST reference's grammar, as ee.data.listImages builds it) on the emulator.
const FOLDER = "projects/test-project/assets/archive";
const COLLECTION = `${FOLDER}/ndvi`;

let emulator: RunningEmulator;
beforeAll(async () => {
    emulator = await startEmulator();
    await createContainer(emulator.url, FOLDER);
    await createContainer(emulator.url, COLLECTION, { type: "IMAGE_COLLECTION" });
    const months: [string, string, string, Record<string, string | number>][] = [
        ["2024_01", "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", { cloud: 3, sensor: "msi" }],
        ["2024_02", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z", { cloud: 40, sensor: "msi" }],
        ["2024_03", "2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z", { cloud: 7, sensor: "oli" }],
    ];
    for (const [id, startTime, endTime, properties] of months) {
        const manifest = {
            name: `${COLLECTION}/${id}`,
            tilesets: [{ sources: [{ uris: [`gs://bucket/${id}.tif`] }] }],
            startTime,
            endTime,
            properties,
        };
        expect((await importImage(emulator.url, manifest)).status).toBe(200);
    }
    await importImage(emulator.url, { name: `${FOLDER}/loose`, tilesets: [{ sources: [{ uris: ["gs://bucket/loose.tif"] }] }] });
});
afterAll(() => emulator.close());

const ids = async (parent: string, filter: string) => {
    const { status, body } = await call(emulator.url, "GET", `/v1/${parent}:listAssets?filter=${encodeURIComponent(filter)}`);
    return { status, ids: (body.assets ?? []).map((a) => a.id?.split("/").pop()), error: body.error };
};

test.each([
    ['startTime >= "2024-02-01T00:00:00.000Z" AND endTime < "2024-04-01T00:00:00.000Z"', ["2024_02"]], // ee.data.listImages; 2024_03 ends at the bound
    ["properties.cloud>=1 AND properties.cloud<10", ["2024_01", "2024_03"]], // the reference's example
    ["properties.sensor=oli", ["2024_03"]], // listImages' properties: ["sensor=oli"]
    ['properties.sensor = "msi" properties.cloud < 10', ["2024_01"]], // juxtaposition is AND
    ['properties.sensor = "oli" OR properties.cloud > 30', ["2024_02", "2024_03"]],
    ['NOT properties.sensor = "msi"', ["2024_03"]],
    ["-(properties.cloud < 5 OR properties.cloud > 30)", ["2024_03"]],
    ['startTime < "2024-01-01T03:00:00+02:00"', ["2024_01"]], // offsets compare as instants
    ["properties.missing = 1", []],
    ['updateTime > "2000-01-01T00:00:00Z" AND properties.cloud < 10', ["2024_01", "2024_03"]], // every image was written after 2000
    ['updateTime < "2000-01-01T00:00:00Z"', []],
])("on a collection, %s lists %j", async (filter, expected) => {
    expect(await ids(COLLECTION, filter)).toMatchObject({ status: 200, ids: expected });
});

test("on a folder or a project root the filter is ignored, as the reference says", async () => {
    expect(await ids(FOLDER, "properties.cloud > 1000")).toMatchObject({ status: 200, ids: ["loose", "ndvi"] });
    expect(await ids("projects/test-project", "properties.cloud > 1000")).toMatchObject({ status: 200, ids: ["archive"] });
});

test("intersects(...) is a documented 400: the emulator's images have no footprint", async () => {
    const answer = await ids(COLLECTION, `intersects("{'type':'Point','coordinates':[0,0]}")`);
    expect(answer.status).toBe(400);
    expect(answer.error?.message).toContain("does not evaluate intersects()");
});

test.each([
    ["startTime >=", "expected <field> <operator> <value>"],
    ["owner = x", "is not a field the filter takes"],
    ['startTime > "yesterday"', "RFC 3339"],
    ["(properties.cloud = 1", "not closed"],
])("a malformed filter %j is 400 naming the problem", async (filter, why) => {
    const answer = await ids(COLLECTION, filter);
    expect(answer).toMatchObject({ status: 400, error: { status: "INVALID_ARGUMENT", message: expect.stringContaining(why) } });
});
