import type { ApiVersion } from "../api";
import { fieldNames } from "./protoJson";
import { BOOLEAN_PARAMS, ROUTES, type Route, SYSTEM_PARAMS } from "./routes";

/**
 * The discovery document (`GET /$discovery/rest?version=v1`) from which Google's Python client
 * (google-api-python-client, under `ee.Initialize(url=…)`) builds its API object. It is generated
 * from the emulator's own routes, so it describes exactly the methods the emulator serves: a
 * method the emulator lacks is missing from the client too, and every query parameter a route
 * accepts is declared (the client refuses undeclared ones before sending).
 */

type JsonSchema = { type: string; format?: string; items?: JsonSchema } | { $ref: string };

interface DiscoveryParameter {
    type: string;
    format?: string;
    location: "path" | "query";
    required?: boolean;
    description: string;
}

interface DiscoveryMethod {
    id: string;
    path: string;
    flatPath: string;
    httpMethod: string;
    parameters: Record<string, DiscoveryParameter>;
    parameterOrder: string[];
    request?: { $ref: string };
    response: { $ref: string };
    description: string;
}

interface DiscoveryResource {
    methods?: Record<string, DiscoveryMethod>;
    resources?: Record<string, DiscoveryResource>;
}

// Query parameters that are not strings, as the REST reference types them.
const PARAM_TYPES: Record<string, Pick<DiscoveryParameter, "type" | "format">> = {
    pageSize: { type: "integer", format: "int32" },
    updateMask: { type: "string", format: "google-fieldmask" },
};

/** The document for `version`, with `baseUrl` (the emulator's URL, no trailing slash) as its root. */
export function discoveryDocument(version: ApiVersion, baseUrl: string): Record<string, unknown> {
    const resources: Record<string, DiscoveryResource> = {};
    for (const route of ROUTES) {
        for (const id of route.discovery.ids) {
            const segments = id.split(".");
            const name = segments.pop() as string;
            let node: DiscoveryResource = { resources };
            for (const segment of segments) {
                node.resources ??= {};
                node.resources[segment] ??= {};
                node = node.resources[segment];
            }
            node.methods ??= {};
            node.methods[name] = methodOf(route, id, version);
        }
    }
    const rootUrl = `${baseUrl}/`;
    return {
        kind: "discovery#restDescription",
        discoveryVersion: "v1",
        id: `earthengine:${version}`,
        name: "earthengine",
        version,
        title: "Google Earth Engine API (local emulator)",
        description: "The Earth Engine REST methods this emulator serves, generated from its routes.",
        protocol: "rest",
        rootUrl,
        servicePath: "",
        baseUrl: rootUrl,
        batchPath: "batch",
        parameters: Object.fromEntries(
            SYSTEM_PARAMS.map((name) => [
                name,
                {
                    type: name === "prettyPrint" ? "boolean" : "string",
                    location: "query",
                    description: "Google's system parameter; ignored.",
                },
            ]),
        ),
        schemas: schemas(version),
        resources,
    };
}

function methodOf(route: Route, id: string, version: ApiVersion): DiscoveryMethod {
    const { path, request, response } = route.discovery;
    const pathParams = [...path.matchAll(/\{\+?(\w+)\}/g)].map((m) => m[1]);
    const parameters: Record<string, DiscoveryParameter> = {};
    for (const name of pathParams) {
        parameters[name] = { type: "string", location: "path", required: true, description: "A resource name, as in the REST reference." };
    }
    for (const name of route.params) {
        const type = BOOLEAN_PARAMS.includes(name) ? { type: "boolean" } : (PARAM_TYPES[name] ?? { type: "string" });
        parameters[name] = { ...type, location: "query", description: "As in the REST reference." };
    }
    const method: DiscoveryMethod = {
        id: `earthengine.${id}`,
        path: `${version}/${path}`,
        flatPath: `${version}/${path}`,
        httpMethod: route.method,
        parameters,
        parameterOrder: pathParams,
        response: { $ref: response },
        description: `${route.method} ${route.pattern.source}`,
    };
    if (request) method.request = { $ref: request };
    return method;
}

/** The request and response messages the routes name, each with its fields. */
function schemas(version: ApiVersion): Record<string, unknown> {
    const any: JsonSchema = { type: "any" };
    const message = (id: string, fields: readonly string[], typed: Record<string, JsonSchema> = {}) => ({
        id,
        type: "object",
        properties: Object.fromEntries(fields.map((field) => [field, typed[field] ?? any])),
    });
    const list = [
        message("Empty", []),
        message("EarthEngineAsset", fieldNames("EarthEngineAsset", version)),
        message("ImportExternalImageRequest", fieldNames("ImportExternalImageRequest", version)),
        message("UpdateAssetRequest", fieldNames("UpdateAssetRequest", version), { asset: { $ref: "EarthEngineAsset" } }),
        message("MoveAssetRequest", fieldNames("MoveAssetRequest", version), { destinationName: { type: "string" } }),
        message("CopyAssetRequest", fieldNames("CopyAssetRequest", version), {
            destinationName: { type: "string" },
            overwrite: { type: "boolean" },
        }),
        // nextPageToken is what lets the Python client page (listAssets_next).
        message("ListAssetsResponse", ["assets", "nextPageToken"], {
            assets: { type: "array", items: { $ref: "EarthEngineAsset" } },
            nextPageToken: { type: "string" },
        }),
        message("GetIamPolicyRequest", ["options"]),
        message("SetIamPolicyRequest", ["policy", "updateMask"], { policy: { $ref: "Policy" } }),
        message("Policy", ["version", "bindings", "etag"], { version: { type: "integer" }, etag: { type: "string" } }),
        message("ListAlgorithmsResponse", ["algorithms"], { algorithms: { type: "array", items: any } }),
    ];
    return Object.fromEntries(list.map((schema) => [schema.id, schema]));
}
