import * as fs from "node:fs";
import * as vm from "node:vm";
import type { z } from "zod";
import { DATA_TYPES, describeFields, ImageManifestSchema, ImportExternalRequestSchema, PYRAMIDING_POLICIES } from "../../provider/manifest";
import { schemaAt } from "../../provider/manifest/fields";

/**
 * The official JavaScript client's generated REST classes know every field and enum value the
 * API takes. The debug build is evaluated in a sandbox (it defines the global `ee`, whose `api`
 * namespace holds the classes), so the test reads the installed file, not a copied list.
 */

interface ClassMetadata {
    keys: string[];
    objects?: Record<string, GeneratedClass>;
    arrays?: Record<string, GeneratedClass>;
    enums?: Record<string, Record<string, unknown>>;
    objectMaps?: Record<string, unknown>;
}

interface GeneratedClass {
    prototype: { getPartialClassMetadata(): ClassMetadata };
}

const CLIENT_FILE = require.resolve("@google/earthengine/build/ee_api_js_debug.js");
const CLIENT_VERSION = (JSON.parse(fs.readFileSync(require.resolve("@google/earthengine/package.json"), "utf8")) as { version: string })
    .version;

function loadGeneratedApi(): Record<string, unknown> {
    const sandbox: { ee?: { api?: Record<string, unknown> } } = {};
    vm.runInNewContext(fs.readFileSync(CLIENT_FILE, "utf8"), sandbox, { filename: CLIENT_FILE });
    if (!sandbox.ee?.api) throw new Error(`${CLIENT_FILE} did not define ee.api`);
    return sandbox.ee.api;
}

const api = loadGeneratedApi();
const metadataOf = (cls: GeneratedClass) => cls.prototype.getPartialClassMetadata();
const enumValues = (enumObject: Record<string, unknown>) => Object.values(enumObject).filter((v): v is string => typeof v === "string");
const sorted = (values: Iterable<string>) => [...values].sort();

interface ClientShape {
    /** Field names per object type, keyed like describeFields (`imageManifest.tilesets[].sources[]`). */
    fields: Record<string, string[]>;
    /** Enum values per field path (`imageManifest.tilesets[].dataType`). */
    enums: Record<string, string[]>;
    /** Free-form map fields (`imageManifest.properties`). */
    maps: string[];
    /** Every class reached. */
    classes: Set<GeneratedClass>;
}

/** Walks the generated classes from `root` through their object and array fields. */
function clientShape(root: GeneratedClass): ClientShape {
    const shape: ClientShape = { fields: {}, enums: {}, maps: [], classes: new Set() };
    const walk = (cls: GeneratedClass, name: string) => {
        shape.classes.add(cls);
        const metadata = metadataOf(cls);
        const at = (key: string) => (name ? `${name}.${key}` : key);
        shape.fields[name] = [...metadata.keys];
        for (const [key, enumObject] of Object.entries(metadata.enums ?? {})) shape.enums[at(key)] = sorted(enumValues(enumObject));
        for (const key of Object.keys(metadata.objectMaps ?? {})) shape.maps.push(at(key));
        for (const [key, child] of Object.entries(metadata.objects ?? {})) walk(child, at(key));
        for (const [key, child] of Object.entries(metadata.arrays ?? {})) walk(child, `${at(key)}[]`);
    };
    walk(root, "");
    return shape;
}

/** Splits `imageManifest.tilesets[].dataType` into a schemaAt path (list items as index 0). */
function schemaPath(dotted: string): (string | number)[] {
    return dotted.split(".").flatMap((part) => (part.endsWith("[]") ? [part.slice(0, -2), 0] : [part]));
}

const schemaDef = (dotted: string) => schemaAt(ImportExternalRequestSchema, schemaPath(dotted))?.def as { type: string } | undefined;
const schemaEnumValues = (dotted: string) => (schemaAt(ImportExternalRequestSchema, schemaPath(dotted)) as z.ZodEnum).options.map(String);

const client = clientShape(api.ImportExternalImageRequest as GeneratedClass);
const schemaFields = describeFields(ImportExternalRequestSchema);

describe(`the schema matches the generated client of @google/earthengine ${CLIENT_VERSION}`, () => {
    test("the request reaches exactly the manifest classes", () => {
        const names = [
            "ImportExternalImageRequest",
            "ImageManifest",
            "Tileset",
            "ImageSource",
            "AffineTransform",
            "GridDimensions",
            "TilesetBand",
            "TilesetMaskBand",
            "PixelFootprint",
            "GridPoint",
            "MissingData",
        ];
        const reached = names.filter((name) => client.classes.has(api[name] as GeneratedClass));
        expect(reached).toEqual(names);
        expect(client.classes.size).toBe(names.length);
    });

    test("every object type has the same field names, with nothing missing and nothing extra", () => {
        const normalize = (fields: Record<string, string[]>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sorted(v)]));
        expect(normalize(schemaFields)).toEqual(normalize(client.fields));
    });

    test("describeFields(ImageManifestSchema) lists the ImageManifest fields", () => {
        expect(sorted(describeFields(ImageManifestSchema)[""])).toEqual(sorted(metadataOf(api.ImageManifest as GeneratedClass).keys));
    });

    test("the enum fields are the same, with the same values", () => {
        const schemaEnums = Object.entries(schemaFields).flatMap(([type, fields]) =>
            fields.map((field) => (type ? `${type}.${field}` : field)).filter((path) => schemaDef(path)?.type === "enum"),
        );
        expect(sorted(schemaEnums)).toEqual(sorted(Object.keys(client.enums)));
        for (const [path, values] of Object.entries(client.enums)) {
            expect({ path, values: sorted(schemaEnumValues(path)) }).toEqual({ path, values });
        }
    });

    test("the free-form maps are records in the schema", () => {
        expect(client.maps).toEqual(["imageManifest.properties"]);
        expect(schemaDef("imageManifest.properties")?.type).toBe("record");
    });
});

describe(`the enum lists in enums.ts match the generated client of @google/earthengine ${CLIENT_VERSION}`, () => {
    const generatedEnum = (name: string) => sorted(enumValues(api[name] as Record<string, unknown>));

    test("PYRAMIDING_POLICIES is ImageManifestPyramidingPolicyEnum", () => {
        expect(sorted(PYRAMIDING_POLICIES)).toEqual(generatedEnum("ImageManifestPyramidingPolicyEnum"));
    });

    test("PYRAMIDING_POLICIES is TilesetBandPyramidingPolicyEnum", () => {
        expect(sorted(PYRAMIDING_POLICIES)).toEqual(generatedEnum("TilesetBandPyramidingPolicyEnum"));
    });

    test("DATA_TYPES is TilesetDataTypeEnum", () => {
        expect(sorted(DATA_TYPES)).toEqual(generatedEnum("TilesetDataTypeEnum"));
    });
});
