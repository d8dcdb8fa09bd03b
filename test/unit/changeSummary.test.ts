import { externalImageKind, externalImageProvider } from "../../provider/externalImage";
import { CHANGE_SUMMARY, summarizeChange } from "../../provider/resource";

/** What the engine sends for a value not known in preview. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

// check's answer to an update: the checked inputs carry what `up` will do, for preview to show.
const manifest = {
    name: "projects/p/assets/dem",
    tilesets: [{ id: "0", sources: [{ uris: ["gs://my-bucket/dem.tif"] }] }],
    properties: { source: "survey-2026" },
    startTime: "2026-01-01T00:00:00Z",
};

async function checked(news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
    const result = await externalImageProvider.check(olds, news);
    expect(result.failures ?? []).toEqual([]);
    return result.inputs as Record<string, unknown>;
}

async function stored() {
    return checked({ imageManifest: manifest });
}

describe("changeSummary, set by check from the stored inputs and the new ones", () => {
    test("a property and a time change: the patch and its exact mask", async () => {
        const news = { imageManifest: { ...manifest, properties: { source: "x" }, startTime: "2027-01-01T00:00:00Z" } };
        expect((await checked(news, await stored()))[CHANGE_SUMMARY]).toBe('patch: properties."source", start_time');
    });

    test("a tileset change: a re-import naming the field", async () => {
        const news = { imageManifest: { ...manifest, tilesets: [{ id: "0", sources: [{ uris: ["gs://my-bucket/dem-v2.tif"] }] }] } };
        expect((await checked(news, await stored()))[CHANGE_SUMMARY]).toBe("re-import: tilesets");
    });

    test("a rename: a move, then what the other changes take (samapriya/gee_asset_manager_addon#12)", async () => {
        const renamed = { ...manifest, name: "projects/p/assets/dem_2027" };
        expect((await checked({ imageManifest: renamed }, await stored()))[CHANGE_SUMMARY]).toBe("move: name");
        expect((await checked({ imageManifest: { ...renamed, properties: { source: "x" } } }, await stored()))[CHANGE_SUMMARY]).toBe(
            'move: name; patch: properties."source"',
        );
        const refiled = { ...renamed, tilesets: [{ id: "0", sources: [{ uris: ["gs://my-bucket/dem-v2.tif"] }] }] };
        expect((await checked({ imageManifest: refiled }, await stored()))[CHANGE_SUMMARY]).toBe("move: name; re-import: tilesets");
    });

    test("a name not known yet (preview): a move, never a replacement", () => {
        const news = { imageManifest: { ...manifest, name: UNKNOWN } };
        expect(externalImageKind.changeSummary?.({ imageManifest: manifest }, news)).toBe("move: name");
    });

    test("only the consumer project: state only", async () => {
        expect((await checked({ imageManifest: manifest, project: "quota-project" }, await stored()))[CHANGE_SUMMARY]).toBe(
            "state only: project",
        );
    });

    test("absent when nothing changes (so state from a release without it previews no change), and on create", async () => {
        expect(await checked({ imageManifest: manifest }, await stored())).not.toHaveProperty(CHANGE_SUMMARY);
        expect(await stored()).not.toHaveProperty(CHANGE_SUMMARY);
    });

    test("a value the program passes is dropped; a stored one is not compared", async () => {
        const olds = { ...(await stored()), [CHANGE_SUMMARY]: "patch: start_time" };
        expect(await checked({ imageManifest: manifest, [CHANGE_SUMMARY]: "made up" }, olds)).not.toHaveProperty(CHANGE_SUMMARY);
    });

    test("diff ignores it: it never counts as a change by itself", async () => {
        const olds = { ...(await stored()), updateTime: "2026-01-02T00:00:00Z" };
        expect(await externalImageProvider.diff("projects/p/assets/dem", olds, { ...olds, [CHANGE_SUMMARY]: "patch: x" })).toEqual({
            changes: false,
        });
    });

    test("a long list is cut after eight names", () => {
        const fields = Array.from({ length: 12 }, (_, i) => `properties."k${i}"`);
        expect(summarizeChange("patch", fields)).toBe(`patch: ${fields.slice(0, 8).join(", ")} and 4 more`);
    });
});
