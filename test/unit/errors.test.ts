import * as fs from "node:fs";
import * as path from "node:path";
import {
    AssetAlreadyExistsError,
    AssetNotFoundError,
    EarthEngineError,
    errorFromResponse,
    InvalidArgumentError,
    PermissionDeniedError,
    QuotaExceededError,
    ServiceUnavailableError,
    UnauthenticatedError,
} from "../../provider/earthengine/errors";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/errors", name), "utf8");
const request = (status: number) => ({
    method: "POST",
    url: "https://earthengine.googleapis.com/v1alpha/projects/my-quota/image:importExternal",
    status,
});

describe("errors parsed from Google's AIP-193 bodies", () => {
    test("a missing serviceUsageConsumer role is named, with the fix", () => {
        const error = errorFromResponse(request(403), fixture("permission-serviceusage.json"));
        expect(error).toBeInstanceOf(PermissionDeniedError);
        expect((error as PermissionDeniedError).missingRole).toBe("roles/serviceusage.serviceUsageConsumer");
        expect(error.reason).toBe("USER_PROJECT_DENIED");
        expect(error.message).toMatch(/Grant roles\/serviceusage\.serviceUsageConsumer on the consumer project/);
    });

    test("an unregistered project points to the registration page", () => {
        const error = errorFromResponse(request(403), fixture("permission-unregistered.json"));
        expect(error.message).toMatch(/Register the project for Earth Engine at https:\/\/code\.earthengine\.google\.com\/register/);
    });

    test("a plain permission denial names roles/earthengine.writer", () => {
        const error = errorFromResponse(request(403), fixture("permission-writer.json")) as PermissionDeniedError;
        expect(error.missingRole).toBe("roles/earthengine.writer");
        expect(error.message).toContain("POST /v1alpha/projects/my-quota/image:importExternal failed with 403 PERMISSION_DENIED");
    });

    test("a 403 with reason rateLimitExceeded is a quota error, not a permission error", () => {
        expect(errorFromResponse(request(403), fixture("rate-limited-403.json"))).toBeInstanceOf(QuotaExceededError);
    });

    test("'Cannot overwrite asset' means the asset exists, whatever the status", () => {
        expect(errorFromResponse(request(400), fixture("cannot-overwrite-400.json"))).toBeInstanceOf(AssetAlreadyExistsError);
        expect(errorFromResponse(request(409), "{}")).toBeInstanceOf(AssetAlreadyExistsError);
    });

    test.each([
        [400, InvalidArgumentError, "unknown-field.json"],
        [401, UnauthenticatedError, undefined],
        [404, AssetNotFoundError, undefined],
        [429, QuotaExceededError, undefined],
        [503, ServiceUnavailableError, undefined],
        [500, EarthEngineError, undefined],
    ])("status %i becomes %p", (status, type, file) => {
        const error = errorFromResponse(request(status), file ? fixture(file) : JSON.stringify({ error: { code: status, message: "m" } }));
        expect(error).toBeInstanceOf(type);
        expect(error.httpStatus).toBe(status);
    });

    test("the server's message is kept verbatim", () => {
        const error = errorFromResponse(request(400), fixture("unknown-field.json"));
        expect(error.serverMessage).toBe("Invalid JSON payload received. Unknown name \"foo\" at 'image_manifest': Cannot find field.");
        expect(error.status).toBe("INVALID_ARGUMENT");
    });

    test("a non-JSON body (a proxy's HTML page) still yields a readable error", () => {
        const error = errorFromResponse(request(502), "<html>Bad Gateway</html>");
        expect(error.message).toContain("failed with 502: <html>Bad Gateway</html>");
    });

    test("an empty body says so", () => {
        expect(errorFromResponse(request(500), "").message).toContain("HTTP 500 with an empty body");
    });
});
