import * as provider from "../../provider";
import { KINDS } from "../../provider/kinds";

// `pulumi-earthengine/provider` is curated: the registry the shims load and the error classes,
// nothing a test or the bench could import by path instead (issue 17: it used to export 121 names).
test("the entry exports the registry, the error classes and the shim's failure formatter, and nothing else", () => {
    expect(Object.keys(provider).sort()).toEqual(
        [
            "KINDS",
            "resourceProviders",
            "failuresForEngine",
            "findCause",
            "AbortedError",
            "AssetAlreadyExistsError",
            "AssetConflictError",
            "AssetNotFoundError",
            "ConfigurationError",
            "EarthEngineError",
            "InvalidArgumentError",
            "OutcomeUnknownError",
            "PartialWriteError",
            "PermissionDeniedError",
            "QuotaExceededError",
            "ResourceError",
            "RetriesExhaustedError",
            "ServiceUnavailableError",
            "TransportError",
            "UnauthenticatedError",
            "UnexpectedCallError",
            "WrittenButUnreadError",
        ].sort(),
    );
});

test("every registered kind has its provider, with every method the shims call", () => {
    expect(Object.keys(provider.resourceProviders).sort()).toEqual(KINDS.map((kind) => kind.typeName).sort());
    for (const implementation of Object.values(provider.resourceProviders)) {
        for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"] as const) {
            expect(typeof implementation[method]).toBe("function");
        }
    }
});

test("every exported class is an Error", () => {
    const classes = Object.entries(provider).filter(([name]) => name.endsWith("Error"));
    expect(classes.length).toBeGreaterThan(15);
    for (const [name, type] of classes) expect([name, (type as { prototype: unknown }).prototype instanceof Error]).toEqual([name, true]);
});
