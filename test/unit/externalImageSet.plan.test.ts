import { changeSummaryOf, planSet } from "../../provider/externalImageSet/plan";

// The per-image plan of ExternalImageSet: pure, so diff (preview) makes no call.
const PARENT = "projects/p/assets/c";
const image = (uri: string, properties: Record<string, string> = {}) => ({
    tilesets: [{ id: "0", sources: [{ uris: [`gs://b/${uri}.tif`] }] }],
    properties,
});
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const olds = { parent: PARENT, images: { a: image("a"), b: image("b"), c: image("c") }, updateTimes: { a: "t", b: "t", c: "t" } };

test("one step per changed image: create, patch (with its mask), re-import, delete", () => {
    const news = { parent: PARENT, images: { a: image("a", { k: "v" }), b: image("b2"), d: image("d") } };
    expect(planSet(olds, news)).toEqual({
        kind: "images",
        projectChanged: false,
        steps: [
            { kind: "patch", key: "a", updateMask: ['properties."k"'], asset: { properties: { k: "v" } } },
            { kind: "reimport", key: "b" },
            { kind: "create", key: "d" },
            { kind: "delete", key: "c" },
        ],
    });
    expect(changeSummaryOf(olds, news)).toBe("+1 ~2 -1");
});

test("nothing changes: no step and no summary; an image never read back is verified", () => {
    expect(planSet(olds, { parent: PARENT, images: olds.images })).toEqual({ kind: "images", steps: [], projectChanged: false });
    expect(changeSummaryOf(olds, { parent: PARENT, images: olds.images })).toBeUndefined();
    const unread = { ...olds, updateTimes: { a: "t", b: "t" } };
    expect(planSet(unread, { parent: PARENT, images: olds.images })).toMatchObject({ steps: [{ kind: "verify", key: "c" }] });
    expect(changeSummaryOf(unread, { parent: PARENT, images: olds.images })).toBeUndefined();
});

test("preview unknowns: an unknown image is re-imported, unknown images or an unknown parent change (never a replacement)", () => {
    expect(planSet(olds, { parent: PARENT, images: { ...olds.images, a: UNKNOWN } })).toMatchObject({
        steps: [{ kind: "reimport", key: "a" }],
    });
    expect(planSet(olds, { parent: PARENT, images: UNKNOWN })).toEqual({ kind: "unknown" });
    expect(planSet(olds, { parent: UNKNOWN, images: olds.images })).toEqual({ kind: "unknown" });
});

test("a new parent moves every kept image (then its patch or re-import), deletes a dropped one where it is, creates a new one", () => {
    const MOVED = "projects/p/assets/c_2024";
    const news = { parent: MOVED, images: { a: image("a", { k: "v" }), b: image("b2"), c: image("c"), d: image("d") } };
    const { b: _, ...withoutB } = olds.images;
    expect(planSet({ ...olds, images: { ...withoutB, e: image("e") } }, news)).toEqual({
        kind: "images",
        projectChanged: false,
        steps: [
            {
                kind: "move",
                key: "a",
                from: PARENT,
                afterMove: { kind: "patch", key: "a", updateMask: ['properties."k"'], asset: { properties: { k: "v" } } },
            },
            { kind: "create", key: "b" },
            { kind: "move", key: "c", from: PARENT },
            { kind: "create", key: "d" },
            { kind: "delete", key: "e", from: PARENT },
        ],
    });
    expect(planSet(olds, { parent: MOVED, images: { a: image("a2") } })).toMatchObject({
        steps: [
            { kind: "move", key: "a", from: PARENT, afterMove: { kind: "reimport", key: "a" } },
            { kind: "delete", key: "b", from: PARENT },
            { kind: "delete", key: "c", from: PARENT },
        ],
    });
    expect(changeSummaryOf(olds, { parent: MOVED, images: olds.images })).toBe("+0 ~3 -0");
});

test("a legacy parent id names the same parent", () => {
    const legacy = { ...olds, parent: "projects/earthengine-legacy/assets/users/me/c" };
    expect(planSet(legacy, { parent: "users/me/c", images: olds.images })).toMatchObject({ kind: "images", steps: [] });
});

test("source drift: an image whose file changed since its import is re-imported alone (after a move, or instead of a patch)", () => {
    const uri = (key: string) => `gs://b/${key}.tif`;
    const sources = {
        sourceGenerations: { a: { [uri("a")]: "1" }, b: { [uri("b")]: "1" }, c: { [uri("c")]: "1" } },
        liveSourceGenerations: { a: { [uri("a")]: "2" }, b: { [uri("b")]: "2" } },
    };
    const drifted = { ...olds, ...sources };
    const news = { parent: PARENT, images: { ...olds.images, b: image("b", { k: "v" }) } };
    expect(planSet(drifted, news)).toEqual({
        kind: "images",
        projectChanged: false,
        steps: [
            { kind: "reimport", key: "a" },
            { kind: "reimport", key: "b" },
        ],
    });
    const MOVED = "projects/p/assets/c_2024";
    expect(planSet(drifted, { parent: MOVED, images: olds.images })).toMatchObject({
        steps: [
            { kind: "move", key: "a", afterMove: { kind: "reimport", key: "a" } },
            { kind: "move", key: "b", afterMove: { kind: "reimport", key: "b" } },
            { kind: "move", key: "c" },
        ],
    });
    // Live generations without recorded ones (a set from before this release) are no drift.
    expect(
        planSet({ ...olds, liveSourceGenerations: sources.liveSourceGenerations }, { parent: PARENT, images: olds.images }),
    ).toMatchObject({
        steps: [],
    });
});

describe("check reuses an image given exactly as stored, and checks every other", () => {
    const { checkSetArgs } = require("../../provider/externalImageSet/check") as typeof import("../../provider/externalImageSet/check");
    const valid = (uri: string) => ({ tilesets: [{ id: "0", sources: [{ uris: [`gs://my-bucket/${uri}.tif`] }] }] });
    const first = checkSetArgs({}, { parent: PARENT, images: { a: valid("a"), b: valid("b") } });
    const stored = first.inputs;
    expect(first.failures).toEqual([]);

    test("an unchanged image is the stored value; a changed one is checked (a bad field fails at its path)", () => {
        const images = stored.images as Record<string, unknown>;
        const again = checkSetArgs(stored, { parent: PARENT, images: { a: valid("a"), b: valid("b") } });
        expect(again.failures).toEqual([]);
        expect((again.inputs.images as Record<string, unknown>).a).toBe(images.a);
        const bad = checkSetArgs(stored, { parent: PARENT, images: { a: valid("a"), b: { ...valid("b"), bands: "x" } } });
        expect(bad.failures.map((f) => f.property)).toEqual(["images.b.bands"]);
    });

    test("an image an earlier release stored is kept as stored; under a new parent every image is checked again", () => {
        // Bucket "b" is too short for today's check; say an earlier release stored it (Earth Engine holds it).
        const earlier = { parent: PARENT, images: { a: image("a") } };
        expect(checkSetArgs(earlier, earlier).failures).toEqual([]);
        const moved = checkSetArgs(earlier, { parent: `${PARENT}2`, images: { a: image("a") } });
        expect(moved.failures.map((f) => f.property)).toEqual(["images.a.tilesets[0].sources[0].uris[0]"]);
    });
});

describe("check applies the SDK's ignoreChanges paths under images, in either spelling", () => {
    const { checkSetArgs } = require("../../provider/externalImageSet/check") as typeof import("../../provider/externalImageSet/check");
    const dated = (uri: string, start: string, properties: Record<string, string> = { source: "s2" }) => ({
        tilesets: [{ id: "0", sources: [{ uris: [`gs://my-bucket/${uri}.tif`] }] }],
        properties,
        start_time: start,
    });
    const stored = checkSetArgs(
        {},
        { parent: PARENT, images: { a: dated("a", "2026-01-01T00:00:00Z"), b: dated("b", "2026-01-02T00:00:00Z") } },
    ).inputs as Record<string, unknown>;
    const imagesOf = (inputs: Record<string, unknown>) => inputs.images as Record<string, Record<string, unknown>>;

    test("a snake_case path keeps the stored field: no change", () => {
        const news = { parent: PARENT, images: { a: dated("a", "2030-01-01T00:00:00Z"), b: dated("b", "2026-01-02T00:00:00Z") } };
        const checked = checkSetArgs(stored, { ...news, ignoreChanges: ["images.a.start_time"] });
        expect(checked.failures).toEqual([]);
        expect(imagesOf(checked.inputs).a.startTime).toBe("2026-01-01T00:00:00Z");
        expect(checked.inputs.changeSummary).toBeUndefined();
        // Without the path the change shows.
        expect(checkSetArgs(stored, news).inputs.changeSummary).toBe("+0 ~1 -0");
    });

    test("a path through every key ([*]) keeps each image's stored properties; a new key is taken as written", () => {
        const news = {
            parent: PARENT,
            images: {
                a: dated("a", "2026-01-01T00:00:00Z", { source: "x" }),
                b: dated("b", "2026-01-02T00:00:00Z", { source: "y" }),
                c: dated("c", "2026-01-03T00:00:00Z", { source: "z" }),
            },
            ignoreChanges: ["images[*].properties"],
        };
        const checked = imagesOf(checkSetArgs(stored, news).inputs);
        expect([checked.a.properties, checked.b.properties, checked.c.properties]).toEqual([
            { source: "s2" },
            { source: "s2" },
            { source: "z" },
        ]);
    });

    test("ignoreChanges that is not a list of paths fails at ignoreChanges", () => {
        const checked = checkSetArgs(stored, { parent: PARENT, images: {}, ignoreChanges: "images" });
        expect(checked.failures.map((f) => f.property)).toEqual(["ignoreChanges"]);
    });
});
