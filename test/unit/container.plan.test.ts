import { planImageCollection as planContainer } from "../../provider/imageCollection/plan";

const NAME = "projects/p/assets/archive/ndvi";
const stored = {
    name: NAME,
    assetName: NAME,
    updateTime: "2026-01-01T00:00:00Z",
    properties: { a: 1, b: "x" },
    startTime: "2024-01-01T00:00:00Z",
};

test("the same declaration plans nothing; outputs (assetName, updateTime) are not compared", () => {
    expect(planContainer(stored, { name: NAME, properties: { b: "x", a: 1 }, startTime: "2024-01-01T00:00:00Z" })).toEqual({
        kind: "none",
    });
});

test("a new name, a legacy id of another asset, or an unknown name replaces", () => {
    expect(planContainer(stored, { ...stored, name: `${NAME}2` }).kind).toBe("replace");
    expect(planContainer(stored, { ...stored, name: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }).kind).toBe("replace");
});

test("a legacy id of the same asset does not replace", () => {
    const legacy = "projects/earthengine-legacy/assets/users/me/c";
    expect(planContainer({ name: legacy }, { name: "users/me/c" })).toEqual({ kind: "none" });
});

test("metadata changes patch with an exact mask; removed keys and fields are cleared", () => {
    expect(planContainer(stored, { name: NAME, properties: { a: 2 }, endTime: "2025-01-01T00:00:00Z", title: "T" })).toEqual({
        kind: "patch",
        changed: ["properties", "startTime", "endTime", "title"],
        updateMask: ['properties."a"', 'properties."b"', "start_time", "end_time", "title"],
        asset: { properties: { a: 2 }, endTime: "2025-01-01T00:00:00Z", title: "T" },
    });
});

test("project and forceDestroy changes are local", () => {
    expect(planContainer(stored, { ...stored, forceDestroy: true, project: "quota-p" })).toEqual({
        kind: "local",
        changed: ["project", "forceDestroy"],
    });
});

test("an unknown metadata value (preview) counts as a change", () => {
    expect(planContainer(stored, { ...stored, properties: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff" }).kind).toBe("patch");
});
