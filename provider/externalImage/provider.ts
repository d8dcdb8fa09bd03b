import type * as pulumi from "@pulumi/pulumi";
import {
    AssetNotFoundError,
    configValuesFrom,
    type EarthEngineAsset,
    EarthEngineClient,
    type ProviderSettings,
    resolveSettings,
} from "../earthengine";
import { dropUndefined } from "../manifest";
import {
    type CheckedArgs,
    checkArgs,
    checkedInputs,
    type ExternalImageInputs,
    type ExternalImageOutputs,
    PROVIDER_KEY,
    parseInputs,
} from "./args";
import { planUpdate } from "./plan";
import { manifestFromAsset } from "./readback";
import { importOnce } from "./reconcile";

type Props = Record<string, unknown>;

// Process-wide: the engine configures each deserialized provider once per process, and every
// resource of the stack shares the same `earthengine:*` config. Settings are resolved once per
// configuration (an invalid one is kept as its error, so every later call fails with it), and
// one client per consumer project is kept for the process: no per-call resolution or key.
let settings: ProviderSettings | Error | undefined;
const clients = new Map<string | undefined, EarthEngineClient>();

function withoutProvider(props: Props | undefined): Props {
    const { [PROVIDER_KEY]: _, ...rest } = props ?? {};
    return rest;
}

function resolved(): ProviderSettings {
    if (settings === undefined) {
        try {
            settings = resolveSettings({});
        } catch (error) {
            settings = error instanceof Error ? error : new Error(String(error));
        }
    }
    if (settings instanceof Error) throw settings;
    return settings;
}

/** A client for the resource's consumer project (its `project` input, else the configured default). */
function clientFor(project: string | undefined): EarthEngineClient {
    let client = clients.get(project);
    if (!client) {
        const current = resolved();
        client = EarthEngineClient.fromSettings(current, project ?? current.project);
        clients.set(project, client);
    }
    return client;
}

/** Outputs echo the inputs (the engine hands outputs back as `olds`) plus what the server says. */
function outputsOf(inputs: ExternalImageInputs, asset: Pick<EarthEngineAsset, "updateTime">): ExternalImageOutputs {
    return dropUndefined({ ...inputs, assetName: inputs.imageManifest.name, updateTime: asset.updateTime });
}

function explain(action: string, name: string, error: unknown): Error {
    if (error instanceof AssetNotFoundError && action === "create") {
        return new Error(
            `Could not create ${name}: Earth Engine answered "not found". Most likely its parent folder or image collection does not exist (or is not writable); create the parent first (for example \`earthengine create folder\`), and check the consumer project, then run pulumi up again.\n${error.message}`,
        );
    }
    if (error instanceof Error) {
        error.message = `Could not ${action} ${name}: ${error.message}`;
        return error;
    }
    return new Error(`Could not ${action} ${name}: ${String(error)}`);
}

/**
 * Reads the asset after a write. If that fails the asset exists all the same, so the error
 * carries the id and properties (with `__provider`, which later refresh and destroy need) and the
 * engine records a resource that failed to initialise instead of forgetting it. `reasons` is what
 * the engine prints for such a resource. The outputs lack `updateTime`, so the next diff reports a
 * change and update reads the asset again.
 */
async function readAfterWrite(
    client: EarthEngineClient,
    inputs: ExternalImageInputs,
    serializedProvider: unknown,
): Promise<EarthEngineAsset> {
    try {
        return await client.getAsset(inputs.imageManifest.name);
    } catch (error) {
        const failure = explain("read back", inputs.imageManifest.name, error) as Error & {
            id?: string;
            properties?: Props;
            reasons?: string[];
        };
        failure.message = `${failure.message}\nThe asset exists and is recorded in state; the next pulumi up reads it again.`;
        failure.reasons = [failure.message];
        failure.id = inputs.imageManifest.name;
        failure.properties = { ...outputsOf(inputs, {}), [PROVIDER_KEY]: serializedProvider };
        throw failure;
    }
}

/**
 * The ExternalImage implementation the engine drives through the shim. Stateless per call; see
 * README "What each change does" for the plan each diff produces.
 */
export const externalImageProvider: Required<pulumi.dynamic.ResourceProvider> = {
    async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
        // Kept even when invalid: every later call then fails with the same message instead of
        // silently falling back to the environment (the host caches a provider whose configure threw).
        clients.clear();
        settings = undefined;
        try {
            settings = resolveSettings(configValuesFrom(req.config));
        } catch (error) {
            settings = error instanceof Error ? error : new Error(String(error));
            throw error;
        }
    },

    async check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
        const { inputs, failures }: CheckedArgs = checkArgs(news);
        return failures.length > 0 ? { inputs, failures } : { inputs };
    },

    async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
        const plan = planUpdate(withoutProvider(olds), withoutProvider(news));
        switch (plan.kind) {
            case "none":
            case "local":
                // No updateTime: the read after the last write failed; update completes the outputs.
                return { changes: plan.kind === "local" || olds.updateTime === undefined };
            case "replace":
                // Create-before-delete is safe: the new asset has another name.
                return { changes: true, replaces: ["imageManifest"], deleteBeforeReplace: false };
            default:
                return { changes: true };
        }
    },

    async create(raw: Props): Promise<pulumi.dynamic.CreateResult> {
        const inputs = checkedInputs(withoutProvider(raw));
        const name = inputs.imageManifest.name;
        const client = clientFor(inputs.project);
        let existing: EarthEngineAsset | undefined;
        try {
            existing = await importOnce(client, inputs);
        } catch (error) {
            throw explain("create", name, error);
        }
        return { id: name, outs: outputsOf(inputs, existing ?? (await readAfterWrite(client, inputs, raw[PROVIDER_KEY]))) };
    },

    async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
        const stored = withoutProvider(props);
        if (stored.imageManifest === undefined) {
            throw new Error(
                `Cannot read ${id}: no declaration is stored for it. \`pulumi import\` does not work for dynamic resources; declare the ExternalImage with adopt: true instead.`,
            );
        }
        const inputs = parseInputs(stored);
        let asset: EarthEngineAsset;
        try {
            asset = await clientFor(inputs.project).getAsset(id);
        } catch (error) {
            if (error instanceof AssetNotFoundError) return { id: "", props: {} }; // deleted out of band
            throw explain("read", id, error);
        }
        // Something else now holds the name (a folder or collection): this image is gone.
        if (asset.type !== "IMAGE") return { id: "", props: {} };
        const refreshed: ExternalImageInputs = { ...inputs, imageManifest: manifestFromAsset(asset, inputs.imageManifest) };
        const outs = outputsOf(refreshed, asset);
        const { assetName: _, updateTime: __, ...refreshedInputs } = outs;
        return { id, props: outs, inputs: refreshedInputs };
    },

    async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
        const plan = planUpdate(withoutProvider(olds), withoutProvider(news));
        const inputs = checkedInputs(withoutProvider(news));
        const client = clientFor(inputs.project);
        try {
            switch (plan.kind) {
                case "none":
                case "local":
                    if (typeof olds.updateTime === "string") return { outs: outputsOf(inputs, { updateTime: olds.updateTime }) };
                    return { outs: outputsOf(inputs, await readAfterWrite(client, inputs, news[PROVIDER_KEY])) };
                case "patch":
                    return { outs: outputsOf(inputs, await client.patchAsset(id, plan.asset, plan.updateMask)) };
                case "reimport":
                    await client.importExternal(inputs.imageManifest, { overwrite: true });
                    return { outs: outputsOf(inputs, await readAfterWrite(client, inputs, news[PROVIDER_KEY])) };
                case "replace":
                    throw new Error("a name change replaces the asset; the engine should not have asked for an update");
            }
        } catch (error) {
            throw explain("update", id, error);
        }
    },

    async delete(id: string, props: Props): Promise<void> {
        // Only the project is needed: delete must work even for state an older version wrote.
        const project = typeof props.project === "string" ? props.project : undefined;
        try {
            await clientFor(project).deleteAsset(id);
        } catch (error) {
            if (error instanceof AssetNotFoundError) return; // already gone: the goal is met
            throw explain("delete", id, error);
        }
    },
};
