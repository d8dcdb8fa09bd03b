import type * as pulumi from "@pulumi/pulumi";
import { oneFailurePerTypo } from "./checks";
import { clientFor, configureClients } from "./clients";
import { explain, PartialWriteError } from "./errors";
import type { KindContext, Props, ResourceKind } from "./kind";

/** The key under which `dynamic.Resource` stores the serialized provider in inputs and outputs. */
export const PROVIDER_KEY = "__provider";

const context: KindContext = { client: clientFor };

function withoutKey(props: Props | undefined, key: string): Props {
    const { [key]: _, ...rest } = props ?? {};
    return rest;
}

function withoutProvider(props: Props | undefined): Props {
    return withoutKey(props, PROVIDER_KEY);
}

/** Keeps `__provider` on a half-done write's properties, so later refresh and destroy can run. */
function withProvider(error: unknown, serializedProvider: unknown): unknown {
    if (error instanceof PartialWriteError) error.properties[PROVIDER_KEY] = serializedProvider;
    return error;
}

/**
 * The `pulumi.dynamic.ResourceProvider` for one kind: removes `__provider` before the kind sees
 * props, shares one configuration and client cache across kinds, and names the action and the
 * resource in every error. Stateless per call.
 */
export function providerFor(kind: ResourceKind): Required<pulumi.dynamic.ResourceProvider> {
    return {
        async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
            configureClients(req.config);
        },

        async check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
            // A derived `assetName` (added below by an earlier check) is not the user's input.
            const { inputs, failures } = kind.check(kind.assetNameOf ? withoutKey(news, "assetName") : news, withoutProvider(olds));
            if (failures.length > 0) return { inputs, failures: oneFailurePerTypo(failures) };
            const assetName = kind.assetNameOf?.(inputs);
            return { inputs: assetName === undefined ? inputs : { ...inputs, assetName } };
        },

        async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
            return kind.diff(withoutProvider(olds), withoutProvider(news));
        },

        async create(raw: Props): Promise<pulumi.dynamic.CreateResult> {
            const inputs = withoutProvider(raw);
            try {
                return await kind.create(inputs, context);
            } catch (error) {
                throw explain("create", kind.nameOf(inputs), withProvider(error, raw[PROVIDER_KEY]), kind.createNotFoundHint);
            }
        },

        async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
            try {
                return await kind.read(id, withoutProvider(props), context);
            } catch (error) {
                throw explain("read", id, error);
            }
        },

        async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
            try {
                return await kind.update(id, withoutProvider(olds), withoutProvider(news), context);
            } catch (error) {
                throw explain("update", id, withProvider(error, news[PROVIDER_KEY]));
            }
        },

        async delete(id: string, props: Props): Promise<void> {
            try {
                await kind.delete(id, withoutProvider(props), context);
            } catch (error) {
                throw explain("delete", id, error);
            }
        },
    };
}
