import type { ImageManifest } from "../manifest";
import { ASSET_NAME_HINT, LEGACY_PROJECT, parseAssetName } from "../values/assetName";
import { type AuthSource, authSourceFor } from "./auth";
import type { EngineWatch } from "./engineWatch";
import { type Limiter, limiterFor } from "./limiter";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "./reliability";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry";
import type { ProviderSettings } from "./settings";
import { type AmbiguityResolver, type ApiRequest, send } from "./transport";
import type { ApiVersion, EarthEngineAsset, IamPolicy, ImportExternalImageRequest, ListAssetsResponse, PatchAssetRequest } from "./types";

export interface EarthEngineClientOptions {
    endpoint: string;
    apiVersion: ApiVersion;
    auth: AuthSource;
    /** Consumer project for quota and billing (`x-goog-user-project`). */
    userProject?: string;
    retry?: RetryPolicy;
    /** Per attempt; default 60 s. */
    timeoutMs?: number;
    /** Shared by the clients of one consumer project; default none. */
    limiter?: Limiter;
    /** Whether the engine that started this process is gone (then writes are refused unsent); default this process's watch. */
    engine?: EngineWatch;
    sleep?: (ms: number) => Promise<void>;
    now?: () => number;
    random?: () => number;
}

export interface ImportOptions {
    overwrite: boolean;
    /** With `overwrite: false`: how to tell whether an attempt with an unknown outcome took effect (see reconcile.ts). */
    resolveAmbiguous?: AmbiguityResolver;
    useLatestObjectVersion?: boolean;
}

export interface ListOptions {
    pageSize?: number;
    pageToken?: string;
    view?: "BASIC" | "FULL";
}

/** The asset methods of the Earth Engine REST API that this provider uses. */
export class EarthEngineClient {
    private readonly options: EarthEngineClientOptions;

    constructor(options: EarthEngineClientOptions) {
        this.options = options;
    }

    static fromSettings(
        settings: ProviderSettings,
        userProject: string | undefined,
        extra: Partial<EarthEngineClientOptions> = {},
    ): EarthEngineClient {
        return new EarthEngineClient({
            endpoint: settings.endpoint,
            apiVersion: settings.apiVersion,
            auth: authSourceFor(settings),
            userProject,
            retry: settings.reliability.retry,
            timeoutMs: settings.reliability.requestTimeoutMs,
            limiter: limiterFor(userProject, settings.reliability.limits),
            ...extra,
        });
    }

    /** `projects.image.importExternal`: registers (or with overwrite, replaces) an external image. */
    async importExternal(manifest: ImageManifest, options: ImportOptions): Promise<void> {
        const project = this.options.userProject ?? projectOf(manifest.name);
        const body: ImportExternalImageRequest = { imageManifest: manifest, overwrite: options.overwrite };
        if (options.useLatestObjectVersion !== undefined) body.useLatestObjectVersion = options.useLatestObjectVersion;
        // With overwrite the call is idempotent: repeating it leaves the same asset.
        await this.call(
            {
                method: "POST",
                url: this.url(`projects/${project}/image:importExternal`),
                body,
                idempotent: options.overwrite,
                resolveAmbiguous: options.resolveAmbiguous,
            },
            manifest.name,
        );
    }

    getAsset(name: string): Promise<EarthEngineAsset> {
        return this.call({ method: "GET", url: this.url(name) }, name);
    }

    /** `assets.patch`; `updateMask` lists the fields to set or clear (for example `properties.k,start_time`). */
    patchAsset(name: string, asset: PatchAssetRequest["asset"], updateMask: string[]): Promise<EarthEngineAsset> {
        const body: PatchAssetRequest = { asset, updateMask: updateMask.join(",") };
        return this.call({ method: "PATCH", url: this.url(name), body }, name);
    }

    /**
     * `assets.move`: renames one asset; its IAM policy and out-of-band properties go with it. Not
     * idempotent (a repeat finds the source gone), so an attempt whose outcome is unknown asks
     * `resolveAmbiguous` whether it took effect.
     */
    moveAsset(source: string, destination: string, resolveAmbiguous: AmbiguityResolver): Promise<EarthEngineAsset> {
        return this.call(
            { method: "POST", url: `${this.url(source)}:move`, body: { destinationName: destination }, resolveAmbiguous },
            source,
        );
    }

    async deleteAsset(name: string): Promise<void> {
        await this.call({ method: "DELETE", url: this.url(name) }, name);
    }

    /** One page of the children of `parent` (`projects/p` or an asset name). */
    listAssets(parent: string, options: ListOptions = {}): Promise<ListAssetsResponse> {
        const query = new URLSearchParams();
        if (options.pageSize !== undefined) query.set("pageSize", String(options.pageSize));
        if (options.pageToken) query.set("pageToken", options.pageToken);
        if (options.view) query.set("view", options.view);
        const suffix = query.size > 0 ? `?${query}` : "";
        return this.call({ method: "GET", url: `${this.url(parent)}:listAssets${suffix}` }, parent);
    }

    /** `assets.create` for a FOLDER or IMAGE_COLLECTION; `name` is the full asset name. */
    createAsset(name: string, asset: Omit<EarthEngineAsset, "name">, overwrite = false): Promise<EarthEngineAsset> {
        const parsed = parseAssetName(name);
        if (!parsed) throw new Error(`cannot create "${name}": ${ASSET_NAME_HINT}`);
        // As the official clients: overwrite only when set (false is the API's default).
        const query = new URLSearchParams({ assetId: parsed.path });
        if (overwrite) query.set("overwrite", "true");
        // Retried like an idempotent call: if a lost attempt did create it, the repeat answers 409
        // ALREADY_EXISTS, which the caller reconciles by reading the container back.
        return this.call(
            { method: "POST", url: `${this.url(`projects/${parsed.project}/assets`)}?${query}`, body: asset, idempotent: true },
            name,
        );
    }

    /** `assets.getIamPolicy`: the asset's policy with its etag (an empty policy when none was set). */
    getIamPolicy(name: string): Promise<IamPolicy> {
        // A read, though sent as POST.
        return this.call(
            { method: "POST", url: `${this.url(name)}:getIamPolicy`, body: { options: { requestedPolicyVersion: 1 } }, idempotent: true },
            name,
        );
    }

    /** `assets.setIamPolicy`: replaces the policy; with the etag of the policy read, a concurrent change fails with AbortedError. */
    setIamPolicy(name: string, policy: IamPolicy): Promise<IamPolicy> {
        // Retried directly: a repeat of an applied write carries a stale etag and answers 409 ABORTED,
        // on which the read-modify-write starts again from a fresh read.
        return this.call({ method: "POST", url: `${this.url(name)}:setIamPolicy`, body: { policy }, idempotent: true }, name);
    }

    private url(resource: string): string {
        // Asset paths keep their slashes; each segment is already restricted to URL-safe characters.
        return `${this.options.endpoint}/${this.options.apiVersion}/${resource}`;
    }

    /** `resource` names the asset or project the call is about; its project is the last-resort quota project. */
    private call<T>(
        request: Pick<ApiRequest, "method" | "url" | "body" | "idempotent" | "resolveAmbiguous">,
        resource: string,
    ): Promise<T> {
        return send<T>(
            {
                auth: this.options.auth,
                retry: this.options.retry ?? DEFAULT_RETRY,
                timeoutMs: this.options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
                limiter: this.options.limiter,
                engine: this.options.engine,
                sleep: this.options.sleep,
                now: this.options.now,
                random: this.options.random,
            },
            { ...request, userProject: this.options.userProject, fallbackUserProject: quotaFallback(resource) },
        );
    }
}

// The official clients send no quota project for the shared legacy project.
function quotaFallback(resource: string): string | undefined {
    const project = /^projects\/([^/]+)/.exec(resource)?.[1];
    return project === LEGACY_PROJECT ? undefined : project;
}

function projectOf(assetName: string): string {
    const parsed = parseAssetName(assetName);
    if (!parsed) throw new Error(`cannot tell the project of "${assetName}": ${ASSET_NAME_HINT}`);
    return parsed.project;
}
