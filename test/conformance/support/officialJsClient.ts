/**
 * Google's official JavaScript client (`@google/earthengine`, a dev dependency), driven only
 * through its documented setup (`ee.data.setAuthToken`, `ee.initialize` with the emulator's URL
 * as the API base) and its public `ee.data` functions. The package ships no types: this file
 * names the part the conformance suite calls, and turns each callback into a promise.
 */

/** `(value, error)`: the client reports a failure as the service's message, as a string. */
type Callback<T> = (value: T | undefined, error?: string) => void;

/** A legacy asset description, as the `ee.data` asset functions return it. */
export interface LegacyAsset {
    type: string;
    id: string;
    properties?: Record<string, unknown>;
    bands?: { id: string; crs?: string; dimensions?: number[]; crs_transform?: number[]; data_type?: Record<string, unknown> }[];
}

/** An IAM policy as the client's `ee.api.Policy` holds it. */
export interface Policy {
    bindings?: { role: string; members: string[] }[] | null;
    etag?: string | null;
}

/** The asset functions of `ee.data`; each takes a callback last. */
interface EeData {
    getAsset(id: string, cb: Callback<LegacyAsset>): void;
    listAssets(parent: string, params: Record<string, unknown>, cb: Callback<{ assets?: { name: string; type: string }[] }>): void;
    getList(params: Record<string, unknown>, cb: Callback<LegacyAsset[]>): void;
    getAssetRoots(cb: Callback<LegacyAsset[]>): void;
    createFolder(path: string, force: boolean, cb: Callback<LegacyAsset>): void;
    createAsset(
        value: Record<string, unknown>,
        path: string,
        force: boolean,
        properties: Record<string, unknown> | undefined,
        cb: Callback<LegacyAsset>,
    ): void;
    updateAsset(id: string, asset: unknown, updateFields: string[], cb: Callback<LegacyAsset>): void;
    setAssetProperties(id: string, properties: Record<string, unknown>, cb: Callback<unknown>): void;
    renameAsset(from: string, to: string, cb: Callback<LegacyAsset>): void;
    copyAsset(from: string, to: string, overwrite: boolean | undefined, cb: Callback<LegacyAsset>): void;
    deleteAsset(id: string, cb: Callback<unknown>): void;
    getIamPolicy(id: string, cb: Callback<Policy>): void;
    setIamPolicy(id: string, policy: Policy, cb: Callback<Policy>): void;
    getAssetAcl(id: string, cb: Callback<Record<string, unknown>>): void;
    setAssetAcl(id: string, acl: Record<string, unknown>, cb: Callback<unknown>): void;
}

interface EeModule {
    data: EeData & {
        setAuthToken(
            clientId: string,
            type: string,
            token: string,
            expiresIn: number,
            scopes: string[],
            cb?: () => void,
            updateLib?: boolean,
        ): void;
    };
    initialize(baseUrl: string, tileUrl: string, success: () => void, failure: (error: Error) => void, xsrf: null, project: string): void;
    api: {
        EarthEngineAsset: new (fields: Record<string, unknown>) => unknown;
        Policy: new (fields: { bindings?: unknown[]; etag?: string | null }) => Policy;
        Binding: new (fields: { role: string; members: string[] }) => unknown;
    };
    /** `ee.apiclient.RequestThrottle`: a goog.async.Throttle over the client's request queue. */
    apiclient: { RequestThrottle: { interval_?: number } };
}

// The package is CommonJS and untyped; EeModule above types the part used here.
const ee = require("@google/earthengine") as EeModule;

/** The client's `ee.api.EarthEngineAsset`, which `ee.data.updateAsset` takes. */
export const EarthEngineAsset = ee.api.EarthEngineAsset;

/** A policy as `ee.data.setIamPolicy` takes it: the client's `ee.api.Policy` of `ee.api.Binding`s (it refuses a plain object). */
export function iamPolicy(bindings: { role: string; members: string[] }[], etag?: string | null): Policy {
    return new ee.api.Policy({ bindings: bindings.map((b) => new ee.api.Binding(b)), etag });
}

/**
 * Points the client at `url` for `project` as its documentation shows: a token, then `ee.initialize`.
 * The client spaces its asynchronous requests 350 ms apart (`REQUEST_THROTTLE_INTERVAL_MS_`, for the
 * service's ~3 QPS); the emulator has no such quota, so the throttle's interval is set to 0 here:
 * the requests and their order are the same, without 14 s of a test worker's wall time spent waiting.
 */
export function initialize(url: string, project: string): Promise<void> {
    const throttle = ee.apiclient.RequestThrottle;
    if (typeof throttle.interval_ === "number") throttle.interval_ = 0;
    ee.data.setAuthToken("", "Bearer", "emulator-token", 3600, [], undefined, false);
    return new Promise((resolve, reject) => ee.initialize(url, url, resolve, reject, null, project));
}

type ArgsOf<F> = F extends (...args: [...infer A, Callback<infer _V>]) => void ? A : never;
type ValueOf<F> = F extends (...args: [...infer _A, Callback<infer V>]) => void ? V : never;

/** `ee.data[name](...args, callback)` as a promise that rejects with the client's error message. */
export function eeData<K extends keyof EeData>(name: K, ...args: ArgsOf<EeData[K]>): Promise<ValueOf<EeData[K]> | undefined> {
    return new Promise((resolve, reject) => {
        const callback: Callback<ValueOf<EeData[K]>> = (value, error) => (error === undefined ? resolve(value) : reject(new Error(error)));
        (ee.data[name] as (...all: unknown[]) => void)(...args, callback);
    });
}
