import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CloudStorageUnavailableError } from "../../provider/cloudStorage/client";
import { KeyCollisionError } from "../../sdk/sources/keys";
import { entriesFromStac, StacError } from "../../sdk/sources/stac";
import { cloudStorageProblem } from "../../sdk/sources/stac/locations";
import { mergeEntry } from "../../sdk/timeseries/entries";

// entriesFromStac on committed catalogs read from local files: the mapping of each field, the walk
// of a static catalog, and hostile catalogs. Reading from Cloud Storage: test/integration/sources.stac.test.ts.
const FIXTURES = path.join(__dirname, "../fixtures/stac");
const fixture = (name: string) => path.join(FIXTURES, name);
const COG = "image/tiff; application=geotiff; profile=cloud-optimized";

/** The problems of the StacError `entriesFromStac` rejects with. */
async function problemsOf(promise: Promise<unknown>): Promise<readonly string[]> {
    const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StacError);
    return (error as StacError).problems;
}

/** Every entry is a valid image manifest once merged the way ExternalImageCollection merges it. */
function expectValidEntries(entries: Record<string, unknown>): void {
    for (const [key, entry] of Object.entries(entries))
        expect([key, mergeEntry(key, undefined, entry)]).toEqual([key, expect.objectContaining({ ok: true })]);
}

function tempCatalog(name: string, document: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stac-"));
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(document));
    return file;
}

const template = JSON.parse(fs.readFileSync(fixture("item-template.json"), "utf8"));
/** `count` Items made from the committed template, tile_000000 to tile_<count-1>. */
function generatedItems(count: number, edit: (item: typeof template, i: number) => void = () => {}) {
    return Array.from({ length: count }, (_, i) => {
        const item = structuredClone(template);
        const id = `tile_${String(i).padStart(6, "0")}`;
        item.id = id;
        item.properties["tile:index"] = i;
        item.assets.data.href = `https://storage.googleapis.com/tiles-archive/${id}.tif`;
        edit(item, i);
        return item;
    });
}

describe("one Item", () => {
    test("Sentinel-2 style (eo:bands and raster:bands): the COG data assets become tilesets and bands, properties keep their values", async () => {
        const entries = await entriesFromStac(fixture("sentinel2-l2a.json"));
        expect(Object.keys(entries)).toEqual(["S2B_MSIL2A_20240115T104309_N0510_R008_T31UFU_20240115T122510_SAFE"]);
        const [entry] = Object.values(entries);
        const base = "gs://s2-cogs/31UFU/2024/1/15";
        expect(entry).toEqual({
            startTime: "2024-01-15T10:43:09.024000Z",
            // The thumbnail (JPEG) and the metadata (XML) are not COG data assets.
            tilesets: [
                { id: "B04", sources: [{ uris: [`${base}/B04.tif`] }] },
                { id: "B03", sources: [{ uris: [`${base}/B03.tif`] }] },
                { id: "SCL", sources: [{ uris: [`${base}/SCL.tif`] }] },
            ],
            bands: [
                { id: "B04", tilesetId: "B04", tilesetBandIndex: 0, missingData: { values: [0] } },
                { id: "B03", tilesetId: "B03", tilesetBandIndex: 0, missingData: { values: [0] } },
                // raster:bands without a name: the asset key names the one band.
                { id: "SCL", tilesetId: "SCL", tilesetBandIndex: 0, missingData: { values: [0] } },
            ],
            properties: {
                platform: "sentinel-2b",
                constellation: "sentinel-2",
                instruments: '["msi"]',
                eo_cloud_cover: 12.41,
                proj_epsg: 32631,
                view_sun_elevation: 16.2,
                s2_mgrs_tile: "31UFU",
                s2_processing_baseline: "05.10",
                s2_product_uri: "S2B_MSIL2A_20240115T104309_N0510_R008_T31UFU_20240115T122510.SAFE",
                s2_degraded_msi_data_percentage: 0,
                created: "2024-01-15T14:02:11.000Z",
            },
        });
        expectValidEntries(entries);
    });

    test("the assets option chooses assets by key, in its order, and properties the properties kept", async () => {
        const entries = await entriesFromStac(fixture("sentinel2-l2a.json"), { assets: ["B03", "B04"], properties: ["eo:cloud_cover"] });
        const [entry] = Object.values(entries);
        expect(entry.tilesets).toEqual([
            { id: "B03", sources: [{ uris: ["gs://s2-cogs/31UFU/2024/1/15/B03.tif"] }] },
            { id: "B04", sources: [{ uris: ["gs://s2-cogs/31UFU/2024/1/15/B04.tif"] }] },
        ]);
        expect((entry.bands as { id: string }[]).map((band) => band.id)).toEqual(["B03", "B04"]);
        expect(entry.properties).toEqual({ eo_cloud_cover: 12.41 });
    });

    test("a DEM (raster:bands with nodata): the no-data value becomes the band's missing data, a list property its JSON text", async () => {
        const entries = await entriesFromStac(fixture("copernicus-dem.json"));
        expect(entries).toEqual({
            Copernicus_DSM_COG_10_N47_00_E008_00_DEM: {
                startTime: "2021-04-22T00:00:00Z",
                tilesets: [
                    {
                        id: "data",
                        sources: [
                            {
                                uris: [
                                    "gs://copernicus-dem-30m/Copernicus_DSM_COG_10_N47_00_E008_00_DEM/Copernicus_DSM_COG_10_N47_00_E008_00_DEM.tif",
                                ],
                            },
                        ],
                    },
                ],
                bands: [{ id: "data", tilesetId: "data", tilesetBandIndex: 0, missingData: { values: [-32767] } }],
                properties: { platform: "tandem-x", gsd: 30, proj_epsg: 4326, proj_shape: "[3600,3600]" },
            },
        });
        expectValidEntries(entries);
    });

    test("a time-range Item (STAC 1.1 bands): start_datetime/end_datetime become startTime/endTime; band names become valid band ids", async () => {
        const entries = await entriesFromStac(fixture("monthly-composite.json"));
        expect(entries).toEqual({
            "ndvi_2024-02": {
                startTime: "2024-02-01T00:00:00Z",
                endTime: "2024-03-01T00:00:00Z",
                tilesets: [{ id: "ndvi", sources: [{ uris: ["gs://ndvi-archive/monthly/2024-02.tif"] }] }],
                bands: [
                    { id: "ndvi", tilesetId: "ndvi", tilesetBandIndex: 0, missingData: { values: ["NaN"] } },
                    { id: "ndvi_count", tilesetId: "ndvi", tilesetBandIndex: 1, missingData: { values: [0] } },
                ],
                properties: { composite_method: "median", valid_scenes: 41 },
            },
        });
        expectValidEntries(entries);
    });

    test("the key option names the images; a key that is not an asset id is a problem naming the item", async () => {
        expect(Object.keys(await entriesFromStac(fixture("copernicus-dem.json"), { key: (id) => id.slice(-15) }))).toEqual([
            "N47_00_E008_00_DEM".slice(-15),
        ]);
        const problems = await problemsOf(entriesFromStac(fixture("copernicus-dem.json"), { key: () => "a/b" }));
        expect(problems).toEqual([expect.stringContaining('item "Copernicus_DSM_COG_10_N47_00_E008_00_DEM": its key "a/b"')]);
    });
});

describe("a static catalog", () => {
    test("child and item links are followed, relative to each document; root and parent links are not", async () => {
        const entries = await entriesFromStac(fixture("catalog/catalog.json"));
        expect(Object.keys(entries)).toEqual(["LC09_L2SP_044034_20240110", "LC09_L2SP_044034_20240126"]);
        // Only red and nir08 are COG data assets (qa_pixel has no data role).
        expect(entries.LC09_L2SP_044034_20240126).toEqual({
            startTime: "2024-01-26T18:45:08Z",
            tilesets: [
                { id: "red", sources: [{ uris: ["gs://landsat-cogs/044/034/LC09_L2SP_044034_20240126_SR_B4.TIF"] }] },
                { id: "nir08", sources: [{ uris: ["gs://landsat-cogs/044/034/LC09_L2SP_044034_20240126_SR_B5.TIF"] }] },
            ],
            bands: [
                { id: "SR_B4", tilesetId: "red", tilesetBandIndex: 0, missingData: { values: [0] } },
                { id: "SR_B5", tilesetId: "nir08", tilesetBandIndex: 0, missingData: { values: [0] } },
            ],
            properties: { platform: "landsat-9", eo_cloud_cover: 0.2, landsat_wrs_path: "044", landsat_wrs_row: "034" },
        });
        expectValidEntries(entries);
    });

    test("a collection is a source too, and so is a file:// URL", async () => {
        const url = `file://${fixture("catalog/landsat/collection.json")}`;
        expect(Object.keys(await entriesFromStac(url))).toEqual(["LC09_L2SP_044034_20240110", "LC09_L2SP_044034_20240126"]);
    });

    test("an ItemCollection's next pages are followed; a next page at a STAC API elsewhere is a problem, not a silent end", async () => {
        const problems = await problemsOf(entriesFromStac(fixture("pages/page-1.json")));
        expect(problems).toEqual([
            expect.stringMatching(
                /page-2\.json: links\[1\] \(rel "next"\): https:\/\/earth-search\.aws\.element84\.com\/v1\/search\?token=next:tile_000002 is neither a local file nor in Cloud Storage/,
            ),
        ]);
        const saved = tempCatalog("page-2.json", { ...JSON.parse(fs.readFileSync(fixture("pages/page-2.json"), "utf8")), links: [] });
        fs.copyFileSync(fixture("pages/page-1.json"), path.join(path.dirname(saved), "page-1.json"));
        expect(Object.keys(await entriesFromStac(path.join(path.dirname(saved), "page-1.json")))).toEqual([
            "tile_000000",
            "tile_000001",
            "tile_000002",
        ]);
    });

    test("a cycle of child links and an item linked twice: each document is read once", async () => {
        expect(Object.keys(await entriesFromStac(fixture("hostile/cycle.json")))).toEqual(["Copernicus_DSM_COG_10_N47_00_E008_00_DEM"]);
    });

    test("a link to another host or to a missing file is a problem naming the link; nothing is fetched from elsewhere", async () => {
        const fetched = jest.spyOn(globalThis, "fetch");
        const problems = await problemsOf(entriesFromStac(fixture("hostile/links-elsewhere.json")));
        expect(fetched).not.toHaveBeenCalled();
        fetched.mockRestore();
        expect(problems).toEqual([
            expect.stringMatching(
                /links-elsewhere\.json: links\[0\] \(rel "child"\): https:\/\/other\.host\/stac\/collection\.json is neither a local file nor in Cloud Storage/,
            ),
            expect.stringMatching(/hostile\/missing\.json: no such file$/),
        ]);
    });

    test("a folder named as the source says to name the catalog's file", async () => {
        expect(await problemsOf(entriesFromStac(fixture("catalog")))).toEqual([
            `${fixture("catalog")}: is a folder; name the catalog's file (catalog.json, collection.json) or an Item`,
        ]);
    });

    test("Cloud Storage refusing the read names the permission to grant, not preflight's", () => {
        const refused = new CloudStorageUnavailableError(
            "gs://b/c.json: Cloud Storage refused the read (403: no); preflight needs ...",
            "permission",
            "b",
        );
        expect(cloudStorageProblem(refused, "b")).toMatch(
            /^Cloud Storage refused the read: reading a STAC document needs storage\.objects\.get on gs:\/\/b \(roles\/storage\.objectViewer\)/,
        );
        expect(cloudStorageProblem(refused, "b")).not.toMatch(/preflight/);
    });

    test("a source on another host is refused before any read", async () => {
        const problems = await problemsOf(entriesFromStac("https://other.host/catalog.json"));
        expect(problems).toEqual([
            expect.stringContaining("https://other.host/catalog.json: is neither a local file nor in Cloud Storage"),
        ]);
    });

    test("a document that is not STAC, or not JSON, is named", async () => {
        const notStac = tempCatalog("geo.json", { type: "Topology" });
        expect(await problemsOf(entriesFromStac(notStac))).toEqual([
            expect.stringContaining(`${notStac}: not a STAC Item, ItemCollection, Catalog or Collection`),
        ]);
        const empty = tempCatalog("catalog.json", { type: "Catalog", stac_version: "1.0.0", id: "empty", description: "", links: [] });
        expect(await problemsOf(entriesFromStac(empty))).toEqual([
            "no STAC Item found (an Item, an ItemCollection, or a catalog with item or child links)",
        ]);
        const notJson = tempCatalog("catalog.json", "{");
        fs.writeFileSync(notJson, "{ not json");
        expect((await problemsOf(entriesFromStac(notJson)))[0]).toMatch(/catalog\.json: is not JSON/);
    });
});

describe("hostile Items", () => {
    test("every problem of every Item in one error: no time, assets outside Cloud Storage, colliding property keys, a bad date, no COG", async () => {
        const problems = await problemsOf(entriesFromStac(fixture("hostile/items.json")));
        expect(problems).toEqual([
            expect.stringMatching(/^item "no-time" \(.*items\.json features\[0\]\): properties\.datetime: missing/),
            expect.stringMatching(
                /^item "on-another-cloud" .*: assets\.data\.href: "s3:\/\/sentinel-cogs\/x\/B04\.tif" is not in Cloud Storage/,
            ),
            expect.stringMatching(
                /^item "on-a-web-server" .*: assets\.data\.href: "https:\/\/other\.host\/cogs\/B04\.tif" is not in Cloud Storage/,
            ),
            expect.stringMatching(
                /^item "colliding-properties" .*: properties\.eo_cloud_cover: properties: "eo:cloud_cover" and "eo_cloud_cover" both map to the key "eo_cloud_cover".*properties option/,
            ),
            expect.stringMatching(/^item "bad-time" .*: properties\.datetime: "15\/01\/2024" is not an RFC 3339 date-time/),
            expect.stringMatching(
                /^item "no-cog" .*: assets: no cloud-optimized GeoTIFF data asset .* among preview \(\\?"image\/png\\?"\)/,
            ),
        ]);
    });

    test("an asset next to a local catalog is reported as not in Cloud Storage, with its path", async () => {
        const item = structuredClone(template);
        item.assets.data.href = "./tile.tif";
        const file = tempCatalog("item.json", item);
        expect(await problemsOf(entriesFromStac(file))).toEqual([
            expect.stringContaining(
                `assets.data.href: ${JSON.stringify(path.join(path.dirname(file), "tile.tif"))} is not in Cloud Storage`,
            ),
        ]);
    });

    test("two Item ids that map to one key: a KeyCollisionError naming both", async () => {
        const items = generatedItems(2, (item, i) => {
            item.id = ["S2A.T31UFU", "S2A_T31UFU"][i];
        });
        const file = tempCatalog("collision.json", { type: "FeatureCollection", features: items });
        const error = await entriesFromStac(file).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(KeyCollisionError);
        expect((error as KeyCollisionError).originals).toEqual(["S2A.T31UFU", "S2A_T31UFU"]);
        expect((error as Error).message).toMatch(/"S2A\.T31UFU" and "S2A_T31UFU" both map to the key "S2A_T31UFU".*key option/);
    });

    test('a property named "__proto__" (JSON.parse keeps it as data) is a problem, not a property lost on its way to the engine', async () => {
        const file = tempCatalog("item.json", {});
        fs.writeFileSync(file, JSON.stringify(template).replace('"tile:index"', '"__proto__"'));
        expect(await problemsOf(entriesFromStac(file))).toEqual([
            expect.stringContaining('properties.__proto__: the key "__proto__" cannot be passed to the Pulumi engine'),
        ]);
    });

    test("an Item with an end before its start, and a band without a usable nodata, name the field", async () => {
        const [item] = generatedItems(1, (it) => {
            it.properties.start_datetime = "2024-02-01T00:00:00Z";
            it.properties.end_datetime = "2024-01-01T00:00:00Z";
            it.assets.data.bands[0].nodata = "none";
        });
        expect(await problemsOf(entriesFromStac(tempCatalog("item.json", item)))).toEqual([
            expect.stringContaining('properties.end_datetime: "2024-01-01T00:00:00Z" is before the start'),
            expect.stringContaining('assets.data.bands[0].nodata: "none" is not a number, "nan", "inf" or "-inf"'),
        ]);
    });
});

describe("archives", () => {
    test("10,000 Items from one ItemCollection become 10,000 entries in catalog order", async () => {
        const file = tempCatalog("archive.json", { type: "FeatureCollection", features: generatedItems(10_000) });
        const entries = await entriesFromStac(file);
        const keys = Object.keys(entries);
        expect(keys).toHaveLength(10_000);
        expect([keys[0], keys[9_999]]).toEqual(["tile_000000", "tile_009999"]);
        expect(entries.tile_004242).toMatchObject({
            tilesets: [{ id: "data", sources: [{ uris: ["gs://tiles-archive/tile_004242.tif"] }] }],
            properties: { eo_cloud_cover: 0, tile_index: 4242 },
        });
    });

    // The bound shows at 1,000 (listed in full, the message would be 100 times the bound); the walk
    // and mapping at archive size are the test above's.
    test("1,000 Items outside Cloud Storage: one bounded error that counts them all", async () => {
        const items = generatedItems(1_000, (item) => {
            item.assets.data.href = `https://other.host/${item.id}.tif`;
        });
        const error = await entriesFromStac(tempCatalog("elsewhere.json", { type: "FeatureCollection", features: items })).catch(
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StacError);
        expect((error as StacError).problems).toHaveLength(1_000);
        const message = (error as Error).message;
        expect(message).toMatch(/^STAC source .*elsewhere\.json: 1000 problems\n/);
        expect(message).toMatch(/\n {2}\.\.\. and 990 more$/);
        expect(message.length).toBeLessThan(5_000);
    });

    test("maxItems bounds the walk before any Item is mapped", async () => {
        const file = tempCatalog("archive.json", { type: "FeatureCollection", features: generatedItems(11) });
        expect(await problemsOf(entriesFromStac(file, { maxItems: 10 }))).toEqual([
            "more than 10 STAC items (maxItems); raise maxItems or point at a smaller catalog",
        ]);
    });

    test("maxDocumentBytes bounds each document before it is parsed", async () => {
        expect(await problemsOf(entriesFromStac(fixture("copernicus-dem.json"), { maxDocumentBytes: 100 }))).toEqual([
            `${fixture("copernicus-dem.json")}: is larger than 100 bytes (maxDocumentBytes); raise maxDocumentBytes or split it into a catalog of smaller collections`,
        ]);
    });

    test("maxDocuments bounds the documents a catalog links to", async () => {
        expect(await problemsOf(entriesFromStac(fixture("catalog/catalog.json"), { maxDocuments: 2 }))).toEqual([
            "more than 2 STAC documents (maxDocuments); raise maxDocuments or point at a smaller catalog",
        ]);
    });
});

test("the COG media type is recognised in any parameter order and case, and by its pre-1.0 name", async () => {
    const items = generatedItems(3, (item, i) => {
        item.assets.data.type = [
            COG,
            "image/TIFF;profile=cloud-optimized; application=geotiff",
            "image/vnd.stac.geotiff; cloud-optimized=true",
        ][i];
    });
    const entries = await entriesFromStac(tempCatalog("types.json", { type: "FeatureCollection", features: items }));
    expect(Object.keys(entries)).toEqual(["tile_000000", "tile_000001", "tile_000002"]);
});
