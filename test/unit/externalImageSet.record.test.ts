import { compactImages, expandImages } from "../../provider/externalImageSet/record";

// recordedImages: the set's images in its outputs, each shared field once (lossless).
const image = (i: number, extra: Record<string, unknown> = {}) => ({
    tilesets: [{ id: "0", sources: [{ uris: [`gs://b/${i}.tif`] }] }],
    bands: [{ id: "ndvi", tilesetId: "0", tilesetBandIndex: 0 }],
    properties: { source: "s2" },
    ...extra,
});

test("a field every image has at one value is stored once; each image keeps what differs", () => {
    const images = { a: image(0), b: image(1), c: image(2, { properties: { source: "s2", cloud: 7 } }) };
    const record = compactImages(images);
    expect(record.shared).toEqual({ bands: images.a.bands, properties: { source: "s2" } });
    expect(record.byKey).toEqual({
        a: { tilesets: images.a.tilesets },
        b: { tilesets: images.b.tilesets },
        c: { tilesets: images.c.tilesets, properties: { source: "s2", cloud: 7 } },
    });
    expect(expandImages(record)).toEqual(images);
});

test("a field some images lack, or no two share, stays with each image; the round trip is exact", () => {
    const images = {
        a: image(0, { startTime: "2024-01-01T00:00:00Z" }),
        b: image(1),
        c: image(2, { startTime: "2024-01-03T00:00:00Z", endTime: "2024-01-04T00:00:00Z" }),
    };
    const record = compactImages(images);
    expect(Object.keys(record.shared).sort()).toEqual(["bands", "properties"]);
    expect(record.byKey.b).toEqual({ tilesets: images.b.tilesets });
    expect(expandImages(record)).toEqual(images);
    expect(expandImages(JSON.parse(JSON.stringify(record)))).toEqual(images); // as state stores it
});

test("one image, none, and an image with an undefined field", () => {
    expect(compactImages({})).toEqual({ shared: {}, byKey: {} });
    expect(compactImages({ a: image(0) })).toEqual({ shared: {}, byKey: { a: image(0) } });
    const record = compactImages({ a: image(0, { memo: undefined }), b: image(1) });
    expect(record.byKey.a).not.toHaveProperty("memo");
    expect(expandImages(record)).toEqual({ a: image(0), b: image(1) });
});

test("a malformed record holds no images", () => {
    expect(expandImages(undefined)).toEqual({});
    expect(expandImages({ shared: 3, byKey: { a: null } })).toEqual({ a: {} });
});
