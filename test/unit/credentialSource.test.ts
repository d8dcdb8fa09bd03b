import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resetIsAvailableCache } from "gcp-metadata";
import { missingCredentials, NO_CREDENTIALS } from "../../provider/earthengine/credentialSource";
import { resolveSettings } from "../../provider/earthengine/settings";
import { externalImageProvider } from "../../provider/externalImage";

// Which credentials `up` will use, resolved at preview (configure) without any Earth Engine call.
// No test reaches a real metadata server: detection is off (the emulator's is tried in
// test/integration/emulator.metadata.test.ts, outside Jest's VM).
const saved = { ...process.env };
let emptyGcloud: string;
beforeEach(() => {
    emptyGcloud = fs.mkdtempSync(path.join(os.tmpdir(), "ee-gcloud-"));
    for (const key of ["GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_OAUTH_ACCESS_TOKEN", "GCE_METADATA_HOST", "GCE_METADATA_IP"])
        delete process.env[key];
    process.env.CLOUDSDK_CONFIG = emptyGcloud;
    process.env.METADATA_SERVER_DETECTION = "none";
    resetIsAvailableCache();
});
afterEach(() => {
    process.env = { ...saved };
    fs.rmSync(emptyGcloud, { recursive: true, force: true });
});

const settings = (config = {}) => resolveSettings(config, process.env);

test("with nothing, one message lists every way in, the emulator's included", async () => {
    const problem = (await missingCredentials(settings()))?.message;
    expect(problem).toBe(NO_CREDENTIALS);
    for (const way of [
        "earthengine:credentials",
        "earthengine:accessToken",
        "GOOGLE_OAUTH_ACCESS_TOKEN",
        "gcloud auth application-default login",
        "GOOGLE_APPLICATION_CREDENTIALS",
        "EARTHENGINE_ENDPOINT",
    ]) {
        expect(problem).toContain(way);
    }
});

test("configure (what preview runs) fails with that message", async () => {
    await expect(externalImageProvider.configure({ config: { get: () => undefined } as never })).rejects.toThrow(
        "No Google credentials found for Earth Engine",
    );
});

test("a token in config or the environment is enough", async () => {
    expect(await missingCredentials(settings({ accessToken: "t" }))).toBeUndefined();
    process.env.GOOGLE_OAUTH_ACCESS_TOKEN = "t";
    expect(await missingCredentials(settings())).toBeUndefined();
});

test("gcloud's application-default file is found where google-auth-library looks", async () => {
    fs.writeFileSync(path.join(emptyGcloud, "application_default_credentials.json"), "{}");
    expect(await missingCredentials(settings())).toBeUndefined();
});

test("GOOGLE_APPLICATION_CREDENTIALS naming a missing file is named", async () => {
    process.env.GOOGLE_APPLICATION_CREDENTIALS = path.join(emptyGcloud, "gone.json");
    expect((await missingCredentials(settings()))?.message).toContain(
        `GOOGLE_APPLICATION_CREDENTIALS names "${path.join(emptyGcloud, "gone.json")}", which does not exist`,
    );
});
