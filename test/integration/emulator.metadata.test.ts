import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { type RunningEmulator, startEmulator } from "../../emulator";

const run = promisify(execFile);

// The emulator as the GCE metadata server, reached by the real google-auth-library and
// gcp-metadata through GCE_METADATA_HOST: the ADC path a provider on Google Cloud takes.
let emulator: RunningEmulator;
const saved = { ...process.env };

beforeAll(async () => {
    emulator = await startEmulator({ metadataTokenLifetimeSeconds: 301 }); // usable for 1 s (5-minute eager refresh)
    process.env.GCE_METADATA_HOST = `127.0.0.1:${emulator.port}`;
    process.env.CLOUDSDK_CONFIG = fs.mkdtempSync(path.join(os.tmpdir(), "ee-gcloud-")); // no gcloud ADC file
    process.env.GOOGLE_CLOUD_PROJECT = "adc-test-project"; // so google-auth-library does not ask gcloud
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    delete process.env.METADATA_SERVER_DETECTION;
});
afterAll(async () => {
    process.env = saved;
    await emulator.close();
});

const metadata = (suffix: string, headers: Record<string, string> = { "Metadata-Flavor": "Google" }) =>
    fetch(`${emulator.url}/computeMetadata/v1/${suffix}`, { headers });

test("answers only requests that carry Metadata-Flavor: Google, and always sends the header back", async () => {
    const refused = await metadata("instance/service-accounts/default/token", {});
    expect(refused.status).toBe(403);
    expect(refused.headers.get("metadata-flavor")).toBe("Google");
    const token = await metadata("instance/service-accounts/default/token?scopes=a,b");
    expect(token.status).toBe(200);
    expect(await token.json()).toEqual({
        access_token: expect.stringMatching(/^emulator-metadata-token-\d+$/),
        expires_in: 301,
        token_type: "Bearer",
    });
    expect((await metadata("instance/no-such-thing")).status).toBe(404);
    expect(emulator.metadataRequests().map((r) => [r.path, r.status, r.scopes])).toEqual([
        ["/computeMetadata/v1/instance/service-accounts/default/token", 403, undefined],
        ["/computeMetadata/v1/instance/service-accounts/default/token", 200, "a,b"],
        ["/computeMetadata/v1/instance/no-such-thing", 404, undefined],
    ]);
    emulator.reset();
    expect(emulator.metadataRequests()).toEqual([]);
});

test("google-auth-library's ADC finds it, fetches one token for many concurrent callers, and refreshes once after expiry", async () => {
    const { stdout } = await run(process.execPath, [path.join(__dirname, "../fixtures/emulator/adcClient.js"), "1500"], {
        cwd: path.join(__dirname, "../.."),
        env: process.env,
    });
    const { client, waves } = JSON.parse(stdout) as { client: string; waves: string[][] };
    expect(client).toBe("Compute");
    const [first, second] = waves.map((headers) => [...new Set(headers)]);
    expect(first).toEqual([expect.stringMatching(/^Bearer emulator-metadata-token-\d+$/)]);
    expect(second).toEqual([expect.stringMatching(/^Bearer emulator-metadata-token-\d+$/)]);
    expect(second).not.toEqual(first);
    expect(emulator.metadataTokensIssued()).toBe(2);
    // gcp-metadata's availability probe, once per process.
    expect(emulator.metadataRequests().filter((r) => r.path === "/computeMetadata/v1/instance")).toHaveLength(1);
});

test("preview's credential check counts the metadata server as a way in, without a MetadataLookupWarning or an Earth Engine call", async () => {
    const script = `require("./dist/provider/earthengine/credentialSource").missingCredentials({}).then((p) => process.stdout.write(JSON.stringify(p ?? null)))`;
    const { stdout, stderr } = await run(process.execPath, ["-e", script], { cwd: path.join(__dirname, "../.."), env: process.env });
    expect(JSON.parse(stdout)).toBeNull();
    expect(stderr).not.toContain("MetadataLookupWarning");
    expect(emulator.requests()).toEqual([]);
});
