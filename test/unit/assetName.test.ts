import { normalizeAssetName, parentAssetName, parseAssetName } from "../../provider/values/assetName";

const TEN_SEGMENTS = "a/b/c/d/e/f/g/h/i/j";

describe("asset names that parse", () => {
    test.each([
        ["projects/P/assets/cogdemo1", "P", "cogdemo1"],
        ["projects/my-project/assets/folder/sub/image", "my-project", "folder/sub/image"],
        ["projects/123456789012/assets/dem", "123456789012", "dem"],
        ["projects/example.com:my-project/assets/dem", "example.com:my-project", "dem"],
        ["projects/my-project/assets/Scene_042-v2", "my-project", "Scene_042-v2"],
        [`projects/my-project/assets/${TEN_SEGMENTS}`, "my-project", TEN_SEGMENTS],
        ["users/x/y", "earthengine-legacy", "users/x/y"],
    ])("%s is asset %s/%s", (name, project, path) => {
        expect(parseAssetName(name)).toEqual({ project, path });
    });
});

describe("asset names that do not parse", () => {
    test.each([
        ["11 path segments", `projects/my-project/assets/${TEN_SEGMENTS}/k`],
        ["no path", "projects/my-project/assets/"],
        ["an empty segment", "projects/my-project/assets/a//b"],
        ["a trailing slash", "projects/my-project/assets/a/"],
        ["a space", "projects/my-project/assets/my scene"],
        ["no assets/ segment", "projects/my-project/scene"],
        ["no projects/ prefix", "my-project/assets/scene"],
        ["an empty project", "projects//assets/scene"],
        ["a legacy user root alone", "users/x"],
        ["a bare id", "scene"],
        ["the empty string", ""],
    ])("%s: %p", (_, name) => {
        expect(parseAssetName(name)).toBeUndefined();
    });
});

describe("legacy ids", () => {
    test("users/... becomes projects/earthengine-legacy/assets/users/...", () => {
        expect(normalizeAssetName("users/x/y")).toBe("projects/earthengine-legacy/assets/users/x/y");
        expect(normalizeAssetName("users/jdoe/folder/dem")).toBe("projects/earthengine-legacy/assets/users/jdoe/folder/dem");
    });

    test("a Cloud asset name is left as written", () => {
        expect(normalizeAssetName("projects/P/assets/cogdemo1")).toBe("projects/P/assets/cogdemo1");
    });

    test("a text that is not a legacy id is left for validation to refuse", () => {
        expect(normalizeAssetName("users/x")).toBe("users/x");
        expect(normalizeAssetName("my scene")).toBe("my scene");
    });
});

describe("parent asset names", () => {
    test.each([
        ["projects/my-project/assets/folder/sub/image", "projects/my-project/assets/folder/sub"],
        ["projects/my-project/assets/folder/image", "projects/my-project/assets/folder"],
        ["users/x/y", "projects/earthengine-legacy/assets/users/x"],
        ["projects/earthengine-legacy/assets/users/x/y", "projects/earthengine-legacy/assets/users/x"],
    ])("the parent of %s is %s", (name, parent) => {
        expect(parentAssetName(name)).toBe(parent);
    });

    test("an asset directly below the project root has no parent to create", () => {
        expect(parentAssetName("projects/my-project/assets/image")).toBeUndefined();
    });

    test("a name that does not parse has no parent", () => {
        expect(parentAssetName("projects/my-project/scene")).toBeUndefined();
    });
});
