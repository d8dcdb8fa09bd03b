import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resetIsAvailableCache } from "gcp-metadata";
import { ConfigurationError } from "../../provider/earthengine/configurationError";
import { missingCredentials, NO_CREDENTIALS, repeatedCredentialProblem } from "../../provider/earthengine/credentialSource";
import { resolveSettings } from "../../provider/earthengine/settings";
import { externalImageProvider } from "../../provider/externalImage";
import { folderKind } from "../../provider/folder/kind";
import { providerFor } from "../../provider/resource";

const folderProvider = providerFor(folderKind);

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

const NO_CONFIG = { config: { get: () => undefined } as never };
const IMAGE = { imageManifest: { name: "projects/p/assets/dem", tilesets: [{ id: "0", sources: [{ uris: ["gs://bucket-x/dem.tif"] }] }] } };

test("check (what preview runs) fails with that message; configure does not, since the host keeps a provider whose configure threw", async () => {
    await externalImageProvider.configure(NO_CONFIG);
    await expect(externalImageProvider.check({}, IMAGE)).rejects.toThrow(NO_CREDENTIALS);
});

test("the declaration's own mistakes come before the missing credentials", async () => {
    await externalImageProvider.configure(NO_CONFIG);
    const result = await externalImageProvider.check({}, { imageManifest: { name: "projects/p/assets/dem" } });
    expect(result.failures?.map((f) => f.property)).toEqual(["imageManifest.tilesets"]);
});

test("every kind and every call fails with it, never with Google's generic words; the whole list once a run, then briefly", async () => {
    await externalImageProvider.configure(NO_CONFIG);
    await folderProvider.configure(NO_CONFIG); // each kind configures its own provider, with the same config
    const messages: string[] = [];
    for (const attempt of [
        () => externalImageProvider.check({}, IMAGE),
        () => folderProvider.read("projects/p/assets/f", { name: "projects/p/assets/f" }),
        () => externalImageProvider.create(IMAGE),
        () => folderProvider.delete("projects/p/assets/f", { name: "projects/p/assets/f" }),
    ]) {
        messages.push(
            await attempt().then(
                () => "passed",
                (e: Error) => e.message,
            ),
        );
    }
    expect(messages.filter((m) => m === NO_CREDENTIALS)).toHaveLength(1);
    for (const message of messages) {
        expect(message).toMatch(/^No Google credentials found for Earth Engine\. /);
        expect(message).toContain("GOOGLE_OAUTH_ACCESS_TOKEN");
        expect(message).not.toMatch(/Could not load the default credentials/);
        expect(message.length).toBeLessThanOrEqual(NO_CREDENTIALS.length);
    }
});

test("told briefly, a missing key file keeps its first sentence", () => {
    const full = new ConfigurationError(
        "GOOGLE_APPLICATION_CREDENTIALS",
        `GOOGLE_APPLICATION_CREDENTIALS names "/k/key.json", which does not exist; unset it. ${NO_CREDENTIALS}`,
    );
    const brief = repeatedCredentialProblem(full);
    expect(brief.message).toMatch(
        /^GOOGLE_APPLICATION_CREDENTIALS names "\/k\/key\.json", which does not exist; unset it\. Give earthengine:credentials/,
    );
    expect(brief.setting).toBe("GOOGLE_APPLICATION_CREDENTIALS");
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
