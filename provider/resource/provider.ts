import type * as pulumi from "@pulumi/pulumi";
import { runPreflight } from "../preflight";
import { oneFailurePerTypo } from "./checks";
import { clientFor, configureClients, requireCredentialSource } from "./clients";
import { explain, PartialWriteError } from "./errors";
import { withoutHostEcho } from "./hostEcho";
import { type KindContext, PROVIDER_KEY, type Props, type ResourceKind } from "./kind";

/**
 * A checked input the provider adds (never the user's; a value the program passes is dropped):
 * what `up` will do, from `ResourceKind.changeSummary`. The engine previews a dynamic resource's
 * checked inputs, so `pulumi preview --diff` shows it beside the changed fields. `diff` ignores
 * it, create and update never see it, and it is absent when nothing changes, so state written
 * without it previews no change.
 */
export const CHANGE_SUMMARY = "changeSummary";

const context: KindContext = { client: clientFor };

function withoutKey(props: Props | undefined, key: string): Props {
    const { [key]: _, ...rest } = props ?? {};
    return rest;
}

function withoutProvider(props: Props | undefined): Props {
    return withoutKey(props, PROVIDER_KEY);
}

/** Props as the kind knows them: without `__provider` and the provider's own change summary. */
function withoutInternal(props: Props | undefined): Props {
    return withoutKey(withoutProvider(props), CHANGE_SUMMARY);
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
            // Runs inside the first call of each kind's provider; the host then keeps the provider
            // even when this throws, so the credential lookup is not here but in every call.
            try {
                configureClients(req.config);
            } catch (error) {
                throw withoutHostEcho(error);
            }
        },

        async check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
            // A derived `assetName` (added below by an earlier check) is not the user's input, nor is a summary.
            const given = withoutKey(news, CHANGE_SUMMARY);
            const stored = withoutKey(withoutProvider(olds), CHANGE_SUMMARY);
            const { inputs, failures } = kind.check(kind.assetNameOf ? withoutKey(given, "assetName") : given, stored);
            // The declaration's own mistakes first: they are certain, and the engine goes on after them.
            if (failures.length > 0) return { inputs, failures: oneFailurePerTypo(failures) };
            try {
                await requireCredentialSource();
            } catch (error) {
                throw withoutHostEcho(error);
            }
            const targets = kind.preflightTargets?.(inputs, stored) ?? [];
            const preflightFailures = await runPreflight(kind.nameOf(inputs), targets);
            if (preflightFailures.length > 0) return { inputs, failures: preflightFailures };
            const assetName = kind.assetNameOf?.(inputs);
            const checked = assetName === undefined ? inputs : { ...inputs, assetName };
            // A create has no stored inputs to compare with.
            const summary = Object.keys(stored).length > 0 ? kind.changeSummary?.(stored, checked) : undefined;
            return { inputs: summary === undefined ? checked : { ...checked, [CHANGE_SUMMARY]: summary } };
        },

        async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
            return kind.diff(withoutInternal(olds), withoutInternal(news));
        },

        async create(raw: Props): Promise<pulumi.dynamic.CreateResult> {
            const inputs = withoutInternal(raw);
            try {
                await requireCredentialSource();
                return await kind.create(inputs, context);
            } catch (error) {
                throw explain("create", kind.nameOf(inputs), withProvider(error, raw[PROVIDER_KEY]), kind.createNotFoundHint);
            }
        },

        async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
            try {
                await requireCredentialSource();
                return await kind.read(id, withoutProvider(props), context);
            } catch (error) {
                throw withoutHostEcho(explain("read", id, error));
            }
        },

        async update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
            try {
                await requireCredentialSource();
                return await kind.update(id, withoutInternal(olds), withoutInternal(news), context);
            } catch (error) {
                throw explain("update", id, withProvider(error, news[PROVIDER_KEY]));
            }
        },

        async delete(id: string, props: Props): Promise<void> {
            try {
                await requireCredentialSource();
                await kind.delete(id, withoutProvider(props), context);
            } catch (error) {
                throw withoutHostEcho(explain("delete", id, error));
            }
        },
    };
}
