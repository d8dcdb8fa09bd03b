import type * as pulumi from "@pulumi/pulumi";
import type { EarthEngineClient } from "../earthengine";
import type { PreflightTarget } from "../preflight";
import type { CheckFailure } from "../values/failures";

/** Resource properties as the engine passes them, `__provider` already removed. */
export type Props = Record<string, unknown>;

/** The key under which `dynamic.Resource` stores the serialized provider in inputs and outputs. */
export const PROVIDER_KEY = "__provider";

/** `check`'s answer: the normalised inputs and every problem found, each with its property path. */
export interface CheckedArgs {
    inputs: Props;
    failures: CheckFailure[];
}

/** What a kind's methods get from the provider skeleton. */
export interface KindContext {
    /** A client for the consumer project (the resource's `project` input, else the configured default). */
    client(project: string | undefined): EarthEngineClient;
}

/**
 * One resource kind (ExternalImage, Folder, AssetIamMember, ...): its schema check, its plan
 * and its create/read/update/delete, as plain functions over plain props. `providerFor` adapts
 * a kind to `pulumi.dynamic.ResourceProvider`; `provider/shim/<kind>` makes that provider the
 * few-hundred-byte `__provider` of every resource of the kind. Methods throw raw errors; the
 * skeleton names the action and resource (see `explain`).
 */
export interface ResourceKind {
    /** The Pulumi type name (`pulumi-nodejs:dynamic/earthengine:<typeName>`). */
    readonly typeName: string;
    /** What a `not found` answer to create means, for the error message. */
    readonly createNotFoundHint?: string;
    /** Validates and normalises raw inputs; makes no request. `olds` are the stored inputs (empty on create). */
    check(news: Props, olds?: Props): CheckedArgs;
    /**
     * What `up` will do to the resource, in a line, when the checked inputs `news` differ from the
     * stored inputs `olds` (`patch: properties."k", start_time`, `re-import: tilesets`); undefined
     * when nothing changes. The skeleton shows it as the `changeSummary` input (see CHANGE_SUMMARY).
     */
    changeSummary?(olds: Props, news: Props): string | undefined;
    /**
     * The image manifests whose Cloud Storage files preflight reads at `check` (provider/preflight/),
     * each with its path root and the stored manifest it replaces; after the schema checks pass.
     */
    preflightTargets?(news: Props, olds: Props): PreflightTarget[];
    /** What changing `olds` (stored outputs) to `news` (checked inputs) takes. */
    diff(olds: Props, news: Props): pulumi.dynamic.DiffResult;
    /** The name error messages use for a resource not created yet. */
    nameOf(inputs: Props): string;
    /**
     * The `assetName` output as checked inputs already tell it, or undefined when not known yet.
     * `check` adds it to the inputs: in preview the engine takes a dynamic resource's checked
     * inputs as its outputs, so without it `assetName` would be unknown and every resource that
     * uses it would preview as a replacement that `up` never makes.
     */
    assetNameOf?(inputs: Props): string | undefined;
    create(inputs: Props, context: KindContext): Promise<{ id: string; outs: object }>;
    /** `{id: "", props: {}}` when the resource is gone. */
    read(id: string, props: Props, context: KindContext): Promise<pulumi.dynamic.ReadResult>;
    update(id: string, olds: Props, news: Props, context: KindContext): Promise<{ outs: object }>;
    delete(id: string, props: Props, context: KindContext): Promise<void>;
}
