import { entriesFromStac, StacError } from "../../sdk/sources/stac";

// entriesFromBucket's option checks are in sources.bucket.test.ts; entriesFromStac's, by the same rules, here.
test("entriesFromStac names each option of the wrong type and each unknown one, before reading anything", async () => {
    const options = { assets: "B04", maxItems: "100", key: "id", cloudStorageEndpont: "http://127.0.0.1:9" } as unknown as Parameters<
        typeof entriesFromStac
    >[1];
    const error = await entriesFromStac("/no/such/catalog.json", options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StacError);
    expect((error as StacError).problems).toEqual([
        'assets is a string ("B04"); it takes an array of asset keys (["B04", "B03"])',
        'maxItems is a string ("100"); it takes a positive integer',
        'key is a string ("id"); it takes a function of the Item id',
        '"cloudStorageEndpont" is not an option; did you mean cloudStorageEndpoint?',
    ]);
});

test("entriesFromStac refuses a source that is not a string, naming what it got", async () => {
    const error = await entriesFromStac({ href: "catalog.json" } as unknown as string).catch((e: unknown) => e);
    expect((error as StacError).problems).toEqual([
        "the source is an object; it takes a path, file:// URL, gs:// URI or https://storage.googleapis.com/ URL",
    ]);
});
