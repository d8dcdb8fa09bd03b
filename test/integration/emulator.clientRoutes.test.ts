import { type RunningEmulator, startEmulator } from "../../emulator";
import { ROUTES } from "../../emulator/routes";

// What official clients fetch besides API calls: the discovery document and the token endpoint.
let emulator: RunningEmulator;

beforeEach(async () => {
    emulator = await startEmulator();
});
afterEach(() => emulator.close());

interface Method {
    id: string;
    path: string;
    httpMethod: string;
    parameters: Record<string, { location: string; type: string }>;
    request?: { $ref: string };
    response: { $ref: string };
}
interface Resource {
    methods?: Record<string, Method>;
    resources?: Record<string, Resource>;
}
interface Document extends Resource {
    rootUrl: string;
    schemas: Record<string, { properties: Record<string, unknown> }>;
}

const methodsOf = (resource: Resource): Method[] => [
    ...Object.values(resource.methods ?? {}),
    ...Object.values(resource.resources ?? {}).flatMap(methodsOf),
];
const discovery = async (version: string) => {
    const response = await fetch(`${emulator.url}/$discovery/rest?version=${version}&prettyPrint=false`);
    return { status: response.status, body: (await response.json()) as Document };
};

describe("the discovery document", () => {
    test("lists one method per route id, each with its HTTP method, versioned path and query parameters", async () => {
        const { status, body } = await discovery("v1");
        expect(status).toBe(200);
        expect(body.rootUrl).toBe(`${emulator.url}/`);
        const methods = methodsOf(body);
        const expected = ROUTES.flatMap((route) => route.discovery.ids.map((id) => ({ id, route })));
        expect(methods.map((m) => m.id).sort()).toEqual(expected.map(({ id }) => `earthengine.${id}`).sort());
        for (const { id, route } of expected) {
            const method = methods.find((m) => m.id === `earthengine.${id}`);
            expect(method).toMatchObject({ httpMethod: route.method, path: `v1/${route.discovery.path}` });
            const query = Object.entries(method?.parameters ?? {}).filter(([, p]) => p.location === "query");
            expect(query.map(([name]) => name).sort()).toEqual([...route.params].sort());
        }
    });

    test("names the asset methods as the Python client calls them", async () => {
        const { body } = await discovery("v1");
        const ids = methodsOf(body).map((m) => m.id);
        for (const id of [
            "projects.algorithms.list",
            "projects.listAssets",
            "projects.assets.get",
            "projects.assets.move",
            "projects.image.importExternal",
        ]) {
            expect(ids).toContain(`earthengine.${id}`);
        }
    });

    test("defines every schema a method names, and listAssets' response has nextPageToken (for paging)", async () => {
        const { body } = await discovery("v1");
        for (const method of methodsOf(body)) {
            for (const ref of [method.request?.$ref, method.response.$ref].filter((r) => r !== undefined)) {
                expect(body.schemas).toHaveProperty([ref]);
            }
        }
        expect(body.schemas.ListAssetsResponse.properties).toHaveProperty("nextPageToken");
    });

    test("is 404 for an unknown version and is not an API call in the request log", async () => {
        expect((await discovery("v2")).status).toBe(404);
        expect(emulator.requests()).toEqual([]);
    });
});

describe("the token endpoint", () => {
    const jwt = (claims: Record<string, unknown>) =>
        ["{}", JSON.stringify(claims), "signature"].map((part) => Buffer.from(part).toString("base64url")).join(".");
    const grant = (form: Record<string, string>) =>
        fetch(`${emulator.url}/token`, { method: "POST", body: new URLSearchParams(form) }).then(async (r) => ({
            status: r.status,
            body: (await r.json()) as Record<string, unknown>,
        }));

    test("answers a service account's JWT-bearer grant with a bearer token the API accepts", async () => {
        const { status, body } = await grant({
            grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
            assertion: jwt({ iss: "ci@test-project.iam.gserviceaccount.com", aud: `${emulator.url}/token` }),
        });
        expect(status).toBe(200);
        expect(body).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number) });
        const api = await fetch(`${emulator.url}/v1/projects/test-project:listAssets`, {
            headers: { authorization: `Bearer ${body.access_token}` },
        });
        expect(api.status).toBe(200);
    });

    test("refuses another grant type or an assertion that is not a JWT, in OAuth 2.0's error form", async () => {
        expect(await grant({ grant_type: "refresh_token", refresh_token: "x" })).toMatchObject({
            status: 400,
            body: { error: "unsupported_grant_type" },
        });
        expect(await grant({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: "not-a-jwt" })).toMatchObject({
            status: 400,
            body: { error: "invalid_grant" },
        });
    });
});
