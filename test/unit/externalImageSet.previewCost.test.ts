import { externalImageSetKind } from "../../provider/externalImageSet/kind";
import { compactImages } from "../../provider/externalImageSet/record";

// What a no-change `pulumi preview` of one ExternalImageSet costs the provider, in counts and
// bytes (never time): check and diff compare each image once and validate or plan none of them,
// and what they exchange with the engine grows linearly with the images (issue 20: the preview of
// N images stays within 1.2x the engine's own preview of one resource holding them).

jest.mock("../../provider/manifest", () => {
    const actual = jest.requireActual("../../provider/manifest");
    return { ...actual, validateManifest: jest.fn(actual.validateManifest) };
});
jest.mock("../../provider/externalImage/plan", () => {
    const actual = jest.requireActual("../../provider/externalImage/plan");
    return { ...actual, planUpdate: jest.fn(actual.planUpdate) };
});

const { validateManifest } = jest.requireMock("../../provider/manifest") as { validateManifest: jest.Mock };
const { planUpdate } = jest.requireMock("../../provider/externalImage/plan") as { planUpdate: jest.Mock };

type Props = Record<string, unknown>;
const PARENT = "projects/p/assets/archive";

/** N images as a JavaScript program dates them (`toISOString()`, with `.000Z`): shared bands and properties, one file and one day each. */
function declared(n: number, revision = (_i: number) => "r1"): Props {
    const images: Props = {};
    for (let i = 0; i < n; i++) {
        images[`img_${i}`] = {
            tilesets: [{ id: "0", sources: [{ uris: [`gs://bench-bucket/${i}/a.tif`] }] }],
            bands: [
                { id: "elevation", tilesetId: "0", tilesetBandIndex: 0, pyramidingPolicy: "MEAN" },
                { id: "slope", tilesetId: "0", tilesetBandIndex: 1 },
            ],
            properties: { source: "survey-2026", revision: revision(i) },
            startTime: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString(),
        };
    }
    return { parent: PARENT, images };
}

const sets = new Map<number, { inputs: Props; outputs: Props }>();

/** The set of `n` images after its create (made once per size): the checked inputs and the outputs (as kind.create records them) the engine stores. */
function created(n: number): { inputs: Props; outputs: Props } {
    const made = sets.get(n);
    if (made) return made;
    const checked = externalImageSetKind.check(declared(n), {});
    expect(checked.failures).toEqual([]);
    const images = checked.inputs.images as Record<string, Props>;
    const updateTimes = Object.fromEntries(Object.keys(images).map((key) => [key, "2026-01-01T00:00:00.000000Z"]));
    const set = { inputs: checked.inputs, outputs: { parent: PARENT, recordedImages: compactImages(images), updateTimes } };
    sets.set(n, set);
    return set;
}

/** check then diff of `news` against a stored set, as the engine calls them in a preview. */
function preview(stored: { inputs: Props; outputs: Props }, news: Props) {
    validateManifest.mockClear();
    planUpdate.mockClear();
    const checked = externalImageSetKind.check(news, stored.inputs);
    const diff = externalImageSetKind.diff(stored.outputs, checked.inputs);
    return { checked, diff, validated: validateManifest.mock.calls.length, planned: planUpdate.mock.calls.length };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe("a no-change preview of a set validates and plans no image, whatever N", () => {
    const stored = created(1000);

    test("1,000 unchanged images: no validation in check, no per-image plan in diff, no change", () => {
        const run = preview(stored, declared(1000));
        expect(run.checked.failures).toEqual([]);
        expect(run.diff.changes).toBe(false);
        expect(run.checked.inputs.changeSummary).toBeUndefined();
        expect([run.validated, run.planned]).toEqual([0, 0]);
    });

    test("3 changed images of 1,000: exactly those 3 are validated, and planned once by check's summary and once by diff", () => {
        const run = preview(
            stored,
            declared(1000, (i) => (i % 400 === 0 ? "r2" : "r1")),
        );
        expect(run.diff.changes).toBe(true);
        expect(run.checked.inputs.changeSummary).toBe("+0 ~3 -0");
        expect([run.validated, run.planned]).toEqual([3, 6]);
    });

    test("a time written another way is the stored image only when it names the same instant", () => {
        const news = declared(1000);
        const images = news.images as Record<string, Props>;
        images.img_1 = { ...images.img_1, startTime: "2000-01-02T01:00:00+01:00" }; // the same instant
        images.img_2 = { ...images.img_2, startTime: "2000-01-03T00:00:00.001Z" }; // one millisecond later
        const run = preview(stored, news);
        expect(run.validated).toBe(1);
        expect(run.checked.inputs.changeSummary).toBe("+0 ~1 -0");
        expect((run.checked.inputs.images as Record<string, Props>).img_2.startTime).toBe("2000-01-03T00:00:00.001Z");
    });
});

describe("what check and diff exchange with the engine grows linearly with the images", () => {
    // Per image, at 10x the images: keys one digit longer, nothing that grows with N.
    const perImage = (n: number) => {
        const stored = created(n);
        // Every image changes: the largest summary.
        const run = preview(
            stored,
            declared(n, (i) => `v${i}`),
        );
        return {
            checkResponse: bytes(run.checked.inputs) / n,
            diffOlds: bytes(stored.outputs) / n,
            summary: String(run.checked.inputs.changeSummary),
        };
    };

    test("check's inputs and the stored outputs, bytes per image, at 100 and 1,000 images", () => {
        const small = perImage(100);
        const large = perImage(1000);
        expect(large.checkResponse / small.checkResponse).toBeLessThan(1.02);
        expect(large.diffOlds / small.diffOlds).toBeLessThan(1.05);
        // The outputs keep what tells the images apart, not a second copy of every manifest.
        expect(large.diffOlds).toBeLessThan(large.checkResponse);
        expect(large.summary).toBe("+0 ~1000 -0");
    });
});
