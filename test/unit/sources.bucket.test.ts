import * as fs from "node:fs";
import * as path from "node:path";
import type { ListedObject } from "../../provider/cloudStorage/client";
import type { ExternalImageCollectionArgs } from "../../sdk/externalImageCollection";
import {
    type BucketSourceArgs,
    BucketSourceError,
    checkBucketSourceArgs,
    DEFAULT_MATCH,
    entriesFromBucket,
    entriesFromObjects,
    locationOf,
} from "../../sdk/sources/bucket";
import { KeyCollisionError } from "../../sdk/sources/keys";
import { thrown } from "./support/thrown";

const fixture = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/sources", name), "utf8")) as T;
const landsat = fixture<{ bucket: string; prefix: string; objects: ListedObject[] }>("landsat-listing.json");
const hostile = fixture<Record<"collision" | "badDate" | "generationLike" | "hashInName", ListedObject[]>>("hostile-listing.json");

const SCENE = /^(?<sensor>LC0\d)_(?<pathRow>\d{6})_(?<startTime>\d{8})\.tif$/;
const fromLandsat = (args: Partial<BucketSourceArgs> = {}) =>
    entriesFromObjects(landsat.bucket, landsat.prefix, landsat.objects, { match: SCENE, ...args });

describe("entriesFromObjects: the mapping", () => {
    test("objects the pattern matches become entries keyed by file name, in name order; placeholders and other files are left out", () => {
        const entries = fromLandsat();
        expect(Object.keys(entries)).toEqual(["LC08_044034_20200115", "LC08_044034_20200301", "LC09_044034_20211231"]);
        expect(entries.LC08_044034_20200115).toEqual({
            uri: "gs://archive/landsat/LC08_044034_20200115.tif",
            startTime: "2020-01-15T00:00:00Z",
            properties: { sensor: "LC08", pathRow: "044034" },
        });
    });

    test("the entries feed an ExternalImageCollection's images unchanged", () => {
        const args: ExternalImageCollectionArgs = { name: "projects/p/assets/landsat", images: fromLandsat() };
        expect(Object.keys(args.images)).toHaveLength(3);
    });

    test("a key group names the image; endTime 'period' ends the day the date names", () => {
        const entries = fromLandsat({ match: /^LC0\d_(?<key>\d{6}_(?<startTime>\d{8}))\.tif$/, endTime: "period" });
        expect(Object.keys(entries)).toEqual(["044034_20200115", "044034_20200301", "044034_20211231"]);
        expect(entries["044034_20211231"]).toEqual({
            uri: "gs://archive/landsat/LC09_044034_20211231.tif",
            startTime: "2021-12-31T00:00:00Z",
            endTime: "2022-01-01T00:00:00Z",
        });
    });

    test("functions give the key, the times and more properties", () => {
        const entries = fromLandsat({
            key: (o) => `scene_${o.groups.startTime}`,
            startTime: (o) => `${o.groups.startTime.slice(0, 4)}-${o.groups.startTime.slice(4, 6)}`,
            endTime: "period",
            properties: (o) => ({ bytes: o.size, sensor: o.groups.sensor.toLowerCase() }),
        });
        expect(entries.scene_20200301).toEqual({
            uri: "gs://archive/landsat/LC08_044034_20200301.tif",
            startTime: "2020-03-01T00:00:00Z",
            endTime: "2020-04-01T00:00:00Z",
            properties: { sensor: "lc08", pathRow: "044034", bytes: 1048576 },
        });
    });

    test("a prefix that is part of a name matches the name below its folder", () => {
        const entries = entriesFromObjects("archive", "landsat/LC09", landsat.objects.slice(4), { match: SCENE });
        expect(Object.keys(entries)).toEqual(["LC09_044034_20211231"]);
    });

    test("a group name holding '$' becomes a valid property key", () => {
        const entries = fromLandsat({ match: /^(?<sensor$id>LC0\d)_\d{6}_\d{8}\.tif$/ });
        expect(entries.LC08_044034_20200115.properties).toEqual({ sensor_id: "LC08" });
    });

    test("a global pattern gives the same entries as a plain one (no lastIndex carried between objects)", () => {
        expect(fromLandsat({ match: new RegExp(SCENE.source, "g") })).toEqual(fromLandsat());
    });
});

describe("entriesFromObjects: errors", () => {
    test("two objects mapping to one key: both objects named", () => {
        const error = thrown(() => entriesFromObjects("b", "cogs/", hostile.collision, { match: /\.tif$/ }));
        expect(error).toBeInstanceOf(KeyCollisionError);
        expect(error.message).toContain(`"gs://b/cogs/scene v1.tif" and "gs://b/cogs/scene.v1.tif" both map to the key "scene_v1"`);
        expect(error.message).toContain("named group `key` or a `key` function");
    });

    test("an unparseable date: the object, the value, the reason and the pattern named", () => {
        const error = thrown(() => entriesFromObjects("b", "cogs/", hostile.badDate, { match: /_(?<startTime>[\d-]+)\.tif$/ }));
        expect(error).toBeInstanceOf(BucketSourceError);
        expect(error.message).toBe(
            'gs://b/cogs/ndvi_2024-13.tif: startTime "2024-13" from the named group startTime is not a date: month 13 is not 01 to 12 (form YYYY-MM) (pattern /_(?<startTime>[\\d-]+)\\.tif$/)',
        );
    });

    test("a date not in the form dateForm names: what it got and the form expected, not 'not a date'", () => {
        const error = thrown(() => fromLandsat({ dateForm: "YYYYMM" }));
        expect(error.message).toBe(
            'gs://archive/landsat/LC08_044034_20200115.tif: startTime "20200115" from the named group startTime is not of the form YYYYMM (like 202403); it has the form YYYYMMDD (pattern /^(?<sensor>LC0\\d)_(?<pathRow>\\d{6})_(?<startTime>\\d{8})\\.tif$/)',
        );
    });

    test("an object name holding '#' anywhere is refused by name: Earth Engine reads what follows '#' as the generation", () => {
        const error = thrown(() => entriesFromObjects("b", "cogs/", hostile.generationLike, { match: /^dem/ }));
        expect(error).toBeInstanceOf(BucketSourceError);
        expect(error.message).toContain("gs://b/cogs/dem#1234: the name holds '#'");
        const middle = thrown(() => entriesFromObjects("b", "h4/", hostile.hashInName, {}));
        expect(middle.message).toBe(
            "gs://b/h4/ndvi_20240102#5.tif: the name holds '#', and Earth Engine reads what follows '#' in a gs:// URI as the object's generation, so this object cannot be registered by its name; rename it (without '#'), or leave it out with match (pattern /\\.tiff?$/i)",
        );
        // Left out by match, it is no problem.
        expect(Object.keys(entriesFromObjects("b", "h4/", hostile.hashInName, { match: /^[^#]*\.tif$/ }))).toEqual(["ndvi_20240101"]);
    });

    test("no matching object is an error unless allowEmpty: a mistyped prefix must not delete the collection", () => {
        const error = thrown(() => fromLandsat({ match: /\.jp2$/ }));
        expect(error.message).toBe(
            'gs://archive/landsat/ holds 4 objects, none matching (e.g. "LC08_044034_20200115.tif") for /\\.jp2$/; an empty collection would delete every image it has: check the prefix and the pattern, or set allowEmpty: true',
        );
        expect(fromLandsat({ match: /\.jp2$/, allowEmpty: true })).toEqual({});
    });

    test("a key function's result must be an asset-id segment", () => {
        const error = thrown(() => fromLandsat({ key: (o) => o.path }));
        expect(error.message).toContain('key "LC08_044034_20200115.tif" from the key function: a key is an asset id');
    });

    test("endTime 'period' needs a start, and a start that names a period", () => {
        expect(thrown(() => fromLandsat({ match: /\.tif$/, endTime: "period" })).message).toContain('endTime "period" needs a start');
        const instant = thrown(() => fromLandsat({ startTime: () => "2020-01-15T10:00:00Z", endTime: "period" }));
        expect(instant.message).toContain("names an instant, not a period");
    });

    test("two group names that map to one property key", () => {
        const error = thrown(() => fromLandsat({ match: /^(?<a$b>L)(?<a_b>C)/ }));
        expect(error.message).toContain('named groups of /^(?<a$b>L)(?<a_b>C)/: "a$b" and "a_b" both map to the key "a_b"');
    });
});

describe("locationOf", () => {
    test("gs://bucket/prefix, or bucket and prefix", () => {
        expect(locationOf({ uri: "gs://archive/landsat/LC08_" })).toEqual({ bucket: "archive", prefix: "landsat/LC08_" });
        expect(locationOf({ uri: "gs://archive" })).toEqual({ bucket: "archive", prefix: "" });
        expect(locationOf({ bucket: "archive", prefix: "x/" })).toEqual({ bucket: "archive", prefix: "x/" });
    });

    test("neither, both, not gs://, or a bad bucket name", () => {
        expect(() => locationOf({})).toThrow("give either uri");
        expect(() => locationOf({ uri: "gs://a/b", bucket: "a" })).toThrow("not both");
        expect(() => locationOf({ uri: "https://storage.googleapis.com/a/b" })).toThrow("is not gs://bucket/prefix");
        expect(() => locationOf({ uri: "gs://My_Bucket/x" })).toThrow("uri: bucket name");
    });
});

describe("entriesFromObjects: an archive", () => {
    // 10,000 daily files listed out of order (as several listings merged would be): the entries come
    // in name order, every one mapped; a late collision is still found and named.
    const days = Array.from({ length: 10_000 }, (_, i) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10));
    const listing = days.map((day, i) => ({ name: `sst/sst_${day}.tif`, size: 1000 + i })).reverse();

    test("10,000 objects become 10,000 entries in name order", () => {
        const entries = entriesFromObjects("b", "sst/", listing, { match: /^sst_(?<startTime>[\d-]{10})\.tif$/, endTime: "period" });
        const keys = Object.keys(entries);
        expect(keys).toHaveLength(10_000);
        expect(keys[0]).toBe("sst_2000-01-01");
        expect(keys[9_999]).toBe(`sst_${days[9_999]}`);
        expect(entries[`sst_${days[9_999]}`]).toEqual({
            uri: `gs://b/sst/sst_${days[9_999]}.tif`,
            startTime: `${days[9_999]}T00:00:00Z`,
            endTime: new Date(Date.parse(days[9_999]) + 86_400_000).toISOString().replace(".000Z", "Z"),
        });
    });

    test("a collision among 10,000 objects names both", () => {
        const error = thrown(() =>
            entriesFromObjects("b", "sst/", [...listing, { name: "sst/sst 2027-05-18.tif", size: 1 }], { match: /\.tif$/ }),
        );
        expect(error.message).toContain(
            '"gs://b/sst/sst 2027-05-18.tif" and "gs://b/sst/sst_2027-05-18.tif" both map to the key "sst_2027-05-18"',
        );
    });
});

test("a function that throws is reported against the object it was given", () => {
    const error = thrown(() =>
        fromLandsat({ key: (o) => (o.groups.sensor === "LC09" ? o.groups.missing.toString() : o.groups.sensor + o.groups.startTime) }),
    );
    expect(error).toBeInstanceOf(BucketSourceError);
    expect(error.message).toMatch(
        /^gs:\/\/archive\/landsat\/LC09_044034_20211231\.tif: the key function threw: .*undefined.* \(pattern \//,
    );
});

describe("options", () => {
    test("without match, every .tif and .tiff object (any case) is registered, keyed by its file name", () => {
        const objects = [
            { name: "ndvi/README.txt", size: 1 },
            { name: "ndvi/ndvi_2024-01.tif", size: 1 },
            { name: "ndvi/ndvi_2024-02.TIFF", size: 1 },
            { name: "ndvi/ndvi_2024-03.tif.aux.xml", size: 1 },
        ];
        expect(entriesFromObjects("b", "ndvi/", objects, {})).toEqual({
            "ndvi_2024-01": { uri: "gs://b/ndvi/ndvi_2024-01.tif" },
            "ndvi_2024-02": { uri: "gs://b/ndvi/ndvi_2024-02.TIFF" },
        });
        expect(DEFAULT_MATCH).toEqual(/\.tiff?$/i);
    });

    test("an option of the wrong type is named with what it got, what it takes and the fix, before any request", async () => {
        const wrong = { uri: "gs://b/ndvi/", match: "^ndvi_.*\\.tif$" } as unknown as BucketSourceArgs;
        const error = thrown(() => checkBucketSourceArgs(wrong));
        expect(error).toBeInstanceOf(BucketSourceError);
        expect(error.message).toBe(
            'entriesFromBucket: match is a string ("^ndvi_.*\\\\.tif$"); it takes a RegExp: a RegExp literal (/\\.tif$/) or new RegExp("^ndvi_.*\\\\.tif$")',
        );
        // entriesFromBucket refuses it before it lists anything (no endpoint is reachable here).
        await expect(entriesFromBucket({ ...wrong, endpoint: "http://127.0.0.1:9" })).rejects.toThrow("match is a string");
    });

    test("every option is checked; unknown names get the closest option; the message is bounded", () => {
        const bad = {
            uri: 42,
            recursive: "yes",
            dateForm: "YYYY-MM-DD ",
            key: "name",
            endTime: "periods",
            allowEmpty: 1,
            pattern: /x/,
            startTme: () => "2024",
        } as unknown as BucketSourceArgs;
        const message = thrown(() => checkBucketSourceArgs(bad)).message;
        expect(message).toContain("uri is a number (42); it takes a string");
        expect(message).toContain('recursive is a string ("yes"); it takes a boolean');
        expect(message).toContain('dateForm is a string ("YYYY-MM-DD "); it takes one of "YYYY", "YYYYMM"');
        expect(message).toContain('key is a string ("name"); it takes a function');
        expect(message).toContain('endTime is a string ("periods"); it takes "period" or a function');
        expect(message).toContain("allowEmpty is a number (1); it takes a boolean");
        expect(message).toContain('"pattern" is not an option; the options are uri, bucket, prefix');
        expect(message).toContain('"startTme" is not an option; did you mean startTime?');
        const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`x${i}`.repeat(50), i]));
        const long = thrown(() => checkBucketSourceArgs(many)).message;
        expect(long).toContain("and 9990 more");
        expect(long.length).toBeLessThan(3_000);
        expect(thrown(() => checkBucketSourceArgs("gs://b/x/")).message).toBe(
            'entriesFromBucket takes an options object ({ uri: "gs://bucket/prefix", ... }), not a string ("gs://b/x/")',
        );
    });
});
