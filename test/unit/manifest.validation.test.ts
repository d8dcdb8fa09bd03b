import * as fs from "node:fs";
import * as path from "node:path";
import {
    type ImageManifest,
    ImportExternalRequestSchema,
    MAX_MANIFEST_BYTES,
    type ManifestValidation,
    manifestWarnings,
    validateManifest,
} from "../../provider/manifest";
import type { CheckFailure } from "../../provider/values/failures";

const FIXTURES = path.join(__dirname, "../fixtures/manifests");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"; // Pulumi's sentinel for a value not known during preview

type Json = Record<string, unknown>;

interface InvalidCase {
    file: string;
    description: string;
    manifest: unknown;
    expect: { property: string; reasonIncludes: string }[];
}

type FixtureKind = "valid" | "invalid" | "normalised" | "warned";

const fixtureFiles = (kind: FixtureKind) =>
    fs
        .readdirSync(path.join(FIXTURES, kind))
        .filter((file) => file.endsWith(".json"))
        .sort();
const readFixture = (kind: FixtureKind, file: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, kind, file), "utf8"));
const valid = (file: string) => readFixture("valid", file) as Json;
const invalid = (file: string) => readFixture("invalid", file) as Omit<InvalidCase, "file">;

const failuresOf = (result: ManifestValidation): CheckFailure[] => (result.ok ? [] : result.failures);
const normalizedOf = (result: ManifestValidation): unknown => (result.ok ? result.manifest : result.normalized);

function manifestOf(result: ManifestValidation): ImageManifest {
    if (!result.ok) throw new Error(`expected a valid manifest, got ${JSON.stringify(result.failures, null, 2)}`);
    return result.manifest;
}

/** Every object key outside the user's `properties` map. */
function schemaKeys(value: unknown): string[] {
    if (Array.isArray(value)) return value.flatMap(schemaKeys);
    if (value === null || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([key, child]) => [key, ...(key === "properties" ? [] : schemaKeys(child))]);
}

describe("valid manifests", () => {
    test.each(fixtureFiles("valid"))("%s passes validation", (file) => {
        const result = validateManifest(valid(file));
        expect(failuresOf(result)).toEqual([]);
        expect(result.ok).toBe(true);
    });

    test("the documented cogdemo1 example normalises its timestamps to the server's form", () => {
        const manifest = manifestOf(validateManifest(valid("cogdemo1.json")));
        expect(manifest.startTime).toBe("2016-01-01T00:00:00Z");
        expect(manifest.endTime).toBe("2016-12-31T15:01:23Z");
    });

    test("the documented cogdemo2 example keeps its bands in the order written", () => {
        const manifest = manifestOf(validateManifest(valid("cogdemo2.json")));
        expect(manifest.bands?.map((band) => band.id)).toEqual(["red", "rededge3", "rededge2", "green", "blue", "rededge1"]);
    });

    test("a manifest with every field comes back unchanged except for the legacy name", () => {
        const raw = valid("every-field.json");
        const manifest = manifestOf(validateManifest(raw));
        expect(manifest).toEqual({ ...raw, name: "projects/earthengine-legacy/assets/users/x/y" });
    });

    test("a legacy users/... id becomes a projects/earthengine-legacy asset name", () => {
        const manifest = manifestOf(validateManifest(valid("every-field.json")));
        expect(manifest.name).toBe("projects/earthengine-legacy/assets/users/x/y");
    });

    test("snake_case field names as the EE CLI writes them become camelCase", () => {
        const manifest = manifestOf(validateManifest(valid("ee-cli-snake-case.json")));
        expect(schemaKeys(manifest).filter((key) => key.includes("_"))).toEqual([]);
        expect(manifest).toMatchObject({
            uriPrefix: "gs://my-bucket/scenes/042/",
            tilesets: [{ id: "data" }, { id: "qa", dataType: "UINT8" }],
            bands: [
                {
                    id: "red",
                    tilesetId: "data",
                    tilesetBandIndex: 0,
                    missingData: { values: [0] },
                    pyramidingPolicy: "MEAN",
                },
                { id: "green", tilesetId: "data", tilesetBandIndex: 1 },
                { id: "blue", tilesetId: "data", tilesetBandIndex: 2 },
            ],
            maskBands: [{ tilesetId: "qa", bandIds: ["red", "green", "blue"] }],
            missingData: { values: [-9999] },
            pyramidingPolicy: "SAMPLE",
            startTime: "2016-01-01T00:00:00Z",
            endTime: "2016-01-02T00:00:00Z",
            skipMetadataRead: false,
            minTileAreaRatio: 0.5,
        });
    });

    test("property keys are user data and keep their snake_case", () => {
        const manifest = manifestOf(validateManifest({ ...valid("cogdemo1.json"), properties: { my_key: "v", cloud_cover: 3 } }));
        expect(manifest.properties).toEqual({ my_key: "v", cloud_cover: 3 });
    });

    test("time zone offsets are converted to UTC, keeping 3, 6 or 9 fraction digits", () => {
        const manifest = manifestOf(validateManifest(valid("time-zone-offsets.json")));
        expect(manifest.startTime).toBe("2016-01-01T00:00:00.123456789Z");
        expect(manifest.endTime).toBe("2016-01-01T05:00:00.100Z");
    });

    test("an importExternal request body takes overwrite and useLatestObjectVersion beside the manifest", () => {
        const body = { imageManifest: valid("every-field.json"), overwrite: true, useLatestObjectVersion: false };
        expect(ImportExternalRequestSchema.safeParse(body).success).toBe(true);
    });
});

describe("invalid manifests", () => {
    const cases: InvalidCase[] = fixtureFiles("invalid").map((file) => ({ file, ...invalid(file) }));

    test("cover at least 35 cases", () => {
        expect(cases.length).toBeGreaterThanOrEqual(35);
    });

    test.each(cases)("$file: $description", ({ manifest, expect: expected }) => {
        const result = validateManifest(manifest);
        const failures = failuresOf(result);
        expect(result.ok).toBe(false);
        expect(failures.map((failure) => failure.property).sort()).toEqual(expected.map((e) => e.property).sort());
        for (const { property, reasonIncludes } of expected) {
            expect(failures).toContainEqual({ property, reason: expect.stringContaining(reasonIncludes) });
        }
    });

    test("a manifest over 10 MB is refused at its largest field, never at imageManifest (the engine would print the value)", () => {
        const manifest = { ...valid("cogdemo1.json"), memo: "x".repeat(MAX_MANIFEST_BYTES) };
        expect(failuresOf(validateManifest(manifest))).toEqual([
            {
                property: "imageManifest.memo",
                reason: expect.stringContaining("over the API's 10 MB request limit (10000000 bytes); this field takes 10000002"),
            },
        ]);
    });

    test("a manifest of exactly 10 MB is accepted", () => {
        const small = { ...valid("cogdemo1.json"), memo: "" };
        const manifest = { ...small, memo: "x".repeat(MAX_MANIFEST_BYTES - Buffer.byteLength(JSON.stringify(small))) };
        expect(Buffer.byteLength(JSON.stringify(manifest))).toBe(MAX_MANIFEST_BYTES);
        expect(failuresOf(validateManifest(manifest))).toEqual([]);
    });
});

describe("failure reasons name the fix", () => {
    const reasonFor = (file: string) => failuresOf(validateManifest(invalid(file).manifest))[0]?.reason;

    test("an https Cloud Storage URL is answered with its gs:// form", () => {
        expect(reasonFor("uri-https-storage-url.json")).toBe(
            '"https://storage.googleapis.com/my-bucket/scene.tif" is an HTTP URL; external images read Cloud Storage directly: write gs://my-bucket/scene.tif',
        );
    });

    test("a band id of digits is answered with a valid id to use", () => {
        expect(reasonFor("band-id-digits.json")).toBe(
            `band id "1999" is invalid: Earth Engine band ids start with a letter and hold only letters, digits, '_' and '-', at most 100 characters; rename it, e.g. "b1999"`,
        );
    });

    test("FLOAT32 is answered with the API's name for it", () => {
        expect(reasonFor("data-type-float32.json")).toBe("FLOAT32 is not an Earth Engine value; write FLOAT");
    });

    test("a system: property key is answered with startTime/endTime", () => {
        expect(reasonFor("property-key-system.json")).toContain("use startTime/endTime for system:time_start/end");
    });

    test("a URI whose part after # is not a number is answered with what that part is (a generation)", () => {
        // The emulator accepts this URI (test/integration/differential.test.ts would flag a fixture of it):
        // whether Google refuses it is not established, so only the message is tested here.
        const manifest = { name: "projects/p/assets/scene", tilesets: [{ sources: [{ uris: ["gs://my-bucket/cog.tif#notanumber"] }] }] };
        expect(failuresOf(validateManifest(manifest))[0]?.reason).toBe(
            '"gs://my-bucket/cog.tif#notanumber": what follows "#" is the object\'s generation, a number (gs://bucket/object#1700000000000000); remove "#notanumber" or give the generation to pin',
        );
    });

    test("an unknown field is answered with the fields the API knows there", () => {
        expect(reasonFor("field-unknown-in-source.json")).toBe(
            'unknown field "generation"; the Earth Engine API knows "uris", "affineTransform", "dimensions"',
        );
    });
});

describe("values not known yet during preview", () => {
    test("an unknown name is not reported, and the manifest is kept for later", () => {
        const raw = { ...valid("cogdemo1.json"), name: UNKNOWN };
        const result = validateManifest(raw);
        expect(result.ok).toBe(false);
        expect(failuresOf(result)).toEqual([]);
        expect(normalizedOf(result)).toEqual(raw);
    });

    test("an unknown list of tilesets is not reported", () => {
        const raw = { ...valid("cogdemo2.json"), tilesets: UNKNOWN };
        const result = validateManifest(raw);
        expect(result.ok).toBe(false);
        expect(failuresOf(result)).toEqual([]);
        expect(normalizedOf(result)).toEqual(raw);
    });

    test("an unknown band index is not reported, and normalized has camelCase keys and the normalised name", () => {
        const raw = valid("every-field.json");
        const bands = raw.bands as Json[];
        const result = validateManifest({ ...raw, bands: [{ ...bands[0], tilesetBandIndex: UNKNOWN }, bands[1]] });
        expect(result.ok).toBe(false);
        expect(failuresOf(result)).toEqual([]);
        expect(normalizedOf(result)).toMatchObject({
            name: "projects/earthengine-legacy/assets/users/x/y",
            bands: [{ id: "elevation", tilesetBandIndex: UNKNOWN }, { id: "quality" }],
        });
    });

    test("an unknown URI is not checked against gs://", () => {
        const result = validateManifest({
            ...valid("cogdemo1.json"),
            tilesets: [{ id: "0", sources: [{ uris: [UNKNOWN] }] }],
        });
        expect(failuresOf(result)).toEqual([]);
    });

    test("problems beside an unknown value are still reported", () => {
        const result = validateManifest({
            ...valid("cogdemo2.json"),
            tilesets: UNKNOWN,
            name: "projects/P/assets/my scene",
        });
        expect(failuresOf(result).map((failure) => failure.property)).toEqual(["imageManifest.name"]);
    });

    test("bands may refer to a tileset whose id is not known yet", () => {
        const raw = valid("cogdemo2.json");
        const tilesets = raw.tilesets as Json[];
        const result = validateManifest({ ...raw, tilesets: [tilesets[0], { ...tilesets[1], id: UNKNOWN }] });
        expect(failuresOf(result)).toEqual([]);
    });

    test("two band ids not known yet are not reported as duplicates", () => {
        const raw = valid("cogdemo2.json");
        const bands = raw.bands as Json[];
        const result = validateManifest({
            ...raw,
            bands: [
                { ...bands[0], id: UNKNOWN },
                { ...bands[1], id: UNKNOWN },
            ],
        });
        expect(failuresOf(result)).toEqual([]);
    });

    test("two tileset ids not known yet are not reported as duplicates", () => {
        const raw = valid("cogdemo2.json");
        const tilesets = raw.tilesets as Json[];
        const result = validateManifest({
            ...raw,
            bands: undefined,
            tilesets: tilesets.map((tileset) => ({ ...tileset, id: UNKNOWN })),
        });
        expect(failuresOf(result)).toEqual([]);
    });

    test("a mask may refer to a band whose id is not known yet", () => {
        const raw = valid("every-field.json");
        const bands = raw.bands as Json[];
        const result = validateManifest({ ...raw, bands: [{ ...bands[0], id: UNKNOWN }, bands[1]] });
        expect(failuresOf(result)).toEqual([]);
    });
});

describe("manifests as people write them are normalised to the REST form", () => {
    const cases = fixtureFiles("normalised").map((file) => ({
        file,
        ...(readFixture("normalised", file) as { description: string; manifest: unknown; expected: Json }),
    }));

    test.each(cases)("$file: $description", ({ manifest, expected }) => {
        expect(manifestOf(validateManifest(manifest))).toEqual(expected);
    });

    test("the legacy-keys manifest (id, primaryPath, additionalPaths) equals the modern one", () => {
        const legacy = readFixture("normalised", "legacy-keys.json") as { manifest: unknown };
        const modern = readFixture("normalised", "legacy-keys-modern.json") as { manifest: unknown };
        expect(manifestOf(validateManifest(legacy.manifest))).toEqual(manifestOf(validateManifest(modern.manifest)));
    });
});

describe("manifests Earth Engine accepts but that look wrong pass check and give warnings", () => {
    const cases = fixtureFiles("warned").map((file) => ({
        file,
        ...(readFixture("warned", file) as {
            description: string;
            manifest: unknown;
            warnings: { path: string; messageIncludes: string }[];
        }),
    }));

    test.each(cases)("$file: $description", ({ manifest, warnings }) => {
        expect(failuresOf(validateManifest(manifest))).toEqual([]);
        const found = manifestWarnings(manifest);
        expect(found.map((warning) => warning.path)).toEqual(warnings.map((warning) => warning.path));
        for (const { path: at, messageIncludes } of warnings) {
            expect(found).toContainEqual({ path: at, message: expect.stringContaining(messageIncludes) });
        }
    });

    test.each(fixtureFiles("valid"))("%s gives no warning", (file) => {
        expect(manifestWarnings(valid(file))).toEqual([]);
    });

    test("a value not known yet gives no warning", () => {
        const raw = readFixture("warned", "dimensions-without-skip-metadata-read.json") as { manifest: Json };
        expect(manifestWarnings({ ...raw.manifest, tilesets: UNKNOWN })).toEqual([]);
    });
});
