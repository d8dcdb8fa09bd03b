import { propertyTypeWarnings } from "../../sdk/timeseries/propertyTypes";

// ExternalImageCollection runs propertyTypeWarnings over every entry in every preview: its work per
// value must stay constant, whatever the number of images (issue 20: a list of places copied per
// value made it N², 8 CPU-s of a 10,000-image preview). Counted, never timed: the places it names
// are formatted at most 3 per property type, not once per image.

jest.mock("../../provider/values/failures", () => {
    const actual = jest.requireActual("../../provider/values/failures");
    return { ...actual, formatPath: jest.fn(actual.formatPath) };
});
const { formatPath } = jest.requireMock("../../provider/values/failures") as { formatPath: jest.Mock };

test("10,000 images, one with a string where the others have a number: one warning, 7 places formatted (3 per property type at most)", () => {
    const manifests: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 10_000; i++) manifests[`d${i}`] = { properties: { day: i === 5_000 ? "x" : i, source: "s2" } };
    formatPath.mockClear();
    expect(propertyTypeWarnings({ source: "s2" }, manifests)).toEqual([
        'property "day" has two types (a number in images.d0.properties.day, images.d1.properties.day, images.d2.properties.day and 9996 more; a string in images.d5000.properties.day); Earth Engine is reported to refuse an image whose property type differs from the same property in its collection: give "day" one type',
    ]);
    // day: 3 numbers and 1 string; source: the collection's and 2 images'.
    expect(formatPath).toHaveBeenCalledTimes(7);
});
