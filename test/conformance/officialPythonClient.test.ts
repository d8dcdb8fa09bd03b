import * as path from "node:path";
import type { RecordedRequest } from "../../emulator";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { resourceProviders } from "../../provider/kinds";
import { call, createContainer, fixture, importImage } from "../fixtures/emulator/api";
import { type PythonClient, pythonClient } from "./support/officialPythonClient";

const provider = resourceProviders.ExternalImage;

/**
 * Google's official Python client and `earthengine` CLI drive the emulator as they drive Google:
 * the client builds its API from the emulator's discovery document, authenticates with a
 * service-account key at the emulator's token route, and sends the asset calls it sends to
 * Google. The commands run in one Python process (support/earthengine_driver.py), each through
 * the CLI's entry point, so the suite pays one Python start and one import of the client.
 */
// The first command starts Python and imports the client: seconds alone, tens of seconds while other suites share the cores.
jest.setTimeout(5 * 60_000);

const PROJECT = "test-project";
const ROOT = `projects/${PROJECT}/assets`;
const FIXTURES = path.join(__dirname, "../fixtures/conformance");
let emulator: RunningEmulator;
let client: PythonClient;

beforeAll(async () => {
    emulator = await startEmulator();
    client = pythonClient(emulator.url, PROJECT);
}, 600_000); // the first run creates the venv
afterAll(async () => {
    await client?.remove();
    await emulator?.close();
});
beforeEach(() => emulator.reset());

const apiCalls = (method?: string) =>
    emulator.requests().filter((r) => !r.path.endsWith("/algorithms") && (method === undefined || r.method === method));
const callLine = (r: RecordedRequest) => `${r.method} ${r.path} ${r.status}`;

test("ee.data.startExternalImageIngestion registers a manifest file, sent as written; setAssetProperties deletes a property set to None", async () => {
    const manifest = path.join(FIXTURES, "cogdemo2.json");
    const out = await client.python(path.join(FIXTURES, "ingest.py"), client.keyFile, emulator.url, PROJECT, manifest, "version");
    const asset = JSON.parse(out) as { name: string; startTime: string; properties: object; bands: { id: string }[] };
    expect(asset).toMatchObject({ name: `${ROOT}/cogdemo2`, startTime: "2016-01-01T00:00:00Z", properties: { added: 1 } });
    expect(asset.properties).not.toHaveProperty("version");
    expect(asset.bands.map((b) => b.id)).toEqual(["red", "rededge3", "rededge2", "green", "blue", "rededge1"]);
    expect(apiCalls("PATCH")[0].body).toEqual({
        asset: { properties: { version: null, added: 1 } },
        updateMask: { paths: ['properties."version"', 'properties."added"'] },
    });
    const [imported] = apiCalls("POST");
    expect(imported).toMatchObject({ path: `/v1/projects/${PROJECT}/image:importExternal`, status: 200, userProject: PROJECT });
    expect(imported.body).toEqual({ imageManifest: fixture("../conformance/cogdemo2.json"), overwrite: false });
});

test("the CLI creates a folder and a collection, uploads an external image from a manifest and lists them", async () => {
    await client.earthengine("create", "folder", `${ROOT}/archive`);
    await client.earthengine("create", "collection", `${ROOT}/archive/series`);
    await client.earthengine("upload", "external_image", "--manifest", path.join(FIXTURES, "cli-image.json"));
    const listed = await client.earthengine("ls", `${ROOT}/archive`);
    expect(listed.trim().split("\n")).toEqual([`${ROOT}/archive/cli-image`, `${ROOT}/archive/series`]);
    expect(emulator.assets().map((a) => [a.name, a.type])).toEqual([
        [`${ROOT}/archive`, "FOLDER"],
        [`${ROOT}/archive/cli-image`, "IMAGE"],
        [`${ROOT}/archive/series`, "IMAGE_COLLECTION"],
    ]);
    expect(apiCalls().every((r) => r.status < 400 || (r.method === "GET" && r.status === 404))).toBe(true);
});

test("the CLI sets properties and a start time (a FieldMask object), copies, moves and removes recursively", async () => {
    await createContainer(emulator.url, `${ROOT}/archive`);
    await createContainer(emulator.url, `${ROOT}/archive/series`, { type: "IMAGE_COLLECTION" });
    expect((await importImage(emulator.url, fixture("../conformance/cli-image.json"), {}, "v1", PROJECT)).status).toBe(200);
    const image = `${ROOT}/archive/cli-image`;
    await client.earthengine("asset", "set", "-p", "cloud=3", "-p", "sensor=msi", "--time_start", "2026-02-01", image);
    await client.earthengine("cp", image, `${ROOT}/archive/series/copy`);
    await client.earthengine("mv", `${ROOT}/archive/series/copy`, `${ROOT}/archive/series/moved`);
    expect(emulator.assets().map((a) => a.name)).toEqual([
        `${ROOT}/archive`,
        image,
        `${ROOT}/archive/series`,
        `${ROOT}/archive/series/moved`,
    ]);
    await client.earthengine("rm", "-r", `${ROOT}/archive/series`);
    expect(emulator.assets().map((a) => a.name)).toEqual([`${ROOT}/archive`, image]);
    expect(emulator.assets()[1]).toMatchObject({
        properties: { source: "cli", revision: 2, cloud: 3, sensor: "msi" },
        startTime: "2026-02-01T00:00:00Z",
    });
    expect(apiCalls("PATCH")[0].body).toMatchObject({ updateMask: { paths: ["properties.cloud", "properties.sensor", "start_time"] } });
    expect(apiCalls().map(callLine)).toEqual(
        expect.arrayContaining([`DELETE /v1/${ROOT}/archive/series/moved 200`, `DELETE /v1/${ROOT}/archive/series 200`]),
    );
});

test("the CLI's acl set public, acl get, acl ch -u and acl set private share an asset and take it back, the owners kept", async () => {
    await createContainer(emulator.url, `${ROOT}/archive`);
    const asset = `${ROOT}/archive`;
    const owners = { role: "roles/owner", members: ["user:owner@example.com"] };
    const viewers = (...members: string[]) => ({ role: "roles/viewer", members });
    expect((await call(emulator.url, "POST", `/v1/${asset}:setIamPolicy`, { policy: { bindings: [owners] } })).status).toBe(200);
    const sent = () =>
        apiCalls("POST")
            .filter((r) => r.path.endsWith(":setIamPolicy"))
            .at(-1);

    await client.earthengine("acl", "set", "public", asset);
    // Only the readers go out, with no etag: the service keeps the owners.
    expect(sent()).toMatchObject({ status: 200, body: { policy: { bindings: [viewers("allUsers")] } } });
    expect(emulator.policy(asset).bindings).toEqual([owners, viewers("allUsers")]);

    const acl = JSON.parse(await client.earthengine("acl", "get", asset));
    expect(acl).toEqual({ owners: ["user:owner@example.com"], readers: [], writers: [], all_users_can_read: true });

    await client.earthengine("acl", "ch", "-u", "someone@example.com:R", asset);
    expect(emulator.policy(asset).bindings).toEqual([owners, viewers("allUsers", "user:someone@example.com")]);

    await client.earthengine("acl", "set", "private", asset);
    expect(sent()).toMatchObject({ status: 200, body: { policy: { bindings: [] } } });
    expect(emulator.policy(asset).bindings).toEqual([owners]);
    expect(apiCalls().every((r) => r.status < 400)).toBe(true);
});

test("the CLI takes the emulator's 404 for a missing asset, as it takes the service's (ee.data.getInfo gives None)", async () => {
    await expect(client.earthengine("asset", "info", `${ROOT}/missing`)).rejects.toThrow(
        `Asset does not exist or is not accessible: ${ROOT}/missing`,
    );
    expect(apiCalls().map(callLine)).toEqual([`GET /v1/${ROOT}/missing 404`]);
});

test("an image the CLI registered is adopted by an ExternalImage with no write", async () => {
    await createContainer(emulator.url, `${ROOT}/archive`);
    await client.earthengine("upload", "external_image", "--manifest", path.join(FIXTURES, "cli-image.json"));
    const before = emulator.requests().length;
    await provider.configure({
        config: configOf({ "earthengine:endpoint": emulator.url, "earthengine:accessToken": "adopt-test", "earthengine:project": PROJECT }),
    });
    const checked = await provider.check({}, { imageManifest: fixture("../conformance/cli-image.json") });
    expect(checked?.failures ?? []).toEqual([]);
    const created = await provider.create(checked?.inputs ?? {});
    expect(created.id).toBe(`${ROOT}/archive/cli-image`);
    const read = await provider.read(created.id, created.outs);
    expect(await provider.diff(created.id, read.props ?? {}, checked?.inputs ?? {})).toMatchObject({ changes: false });
    const writes = emulator
        .requests()
        .slice(before)
        .filter((r) => r.method !== "GET" && r.status < 400);
    expect(writes).toEqual([]);
});

function configOf(values: Record<string, string>) {
    return { get: (key: string) => values[key], require: (key: string) => values[key] };
}
