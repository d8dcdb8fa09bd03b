import { imageSetWarnings } from "../../sdk/manifestWarnings";

// The bound on a set's warnings: one line per distinct warning naming three images at most, and
// at most ten lines plus one that counts the rest, however many images.
const image = (ratio: number) => ({ tilesets: [{ sources: [{ uris: ["gs://b/x.tif"] }] }], minTileAreaRatio: ratio });
const keyed = (ratios: number[]) => Object.fromEntries(ratios.map((ratio, i) => [`k${i}`, image(ratio)]));

test("the same warning in 14 images: one line naming three and counting eleven", () => {
    const lines = imageSetWarnings(keyed(Array(14).fill(2)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
        /^images\.k0\.minTileAreaRatio, images\.k1\.minTileAreaRatio, images\.k2\.minTileAreaRatio \(and the same in 11 more images\): minTileAreaRatio is 2;/,
    );
});

test("14 distinct warnings: ten lines and one that counts the other four", () => {
    const lines = imageSetWarnings(keyed(Array.from({ length: 14 }, (_, i) => 2 + i)));
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^images\.k0\.minTileAreaRatio: minTileAreaRatio is 2;/);
    expect(lines[10]).toBe("... and 4 more warnings about the images");
});

test("no images, or not a map: no warning", () => {
    expect(imageSetWarnings({})).toEqual([]);
    expect(imageSetWarnings(undefined)).toEqual([]);
    expect(imageSetWarnings({ a: image(0.5) })).toEqual([]);
});
