import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { type KindContract, type OutputsOf, outputKeysOf } from "../provider/resource/contract";
import type { DeepInput } from "./inputs";
import { checkInProgram } from "./programChecks";

/**
 * A kind's args: each input of its contract (documented there), any part of it a `pulumi.Input`.
 * `Named` gives some inputs a named type instead (so TypeScript's errors name it rather than
 * print its expansion); their documentation still comes from the contract.
 */
export type ArgsOf<C extends KindContract, Named extends { [K in keyof z.input<C["inputs"]>]?: unknown } = Record<never, never>> = {
    [K in keyof z.input<C["inputs"]>]: K extends keyof Named ? Named[K] : ArgOf<Exclude<z.input<C["inputs"]>[K], undefined>>;
};

/** One input as a Pulumi input; a boolean stays `Input<boolean>` (not `Input<false> | Input<true>`). */
type ArgOf<T> = [T] extends [boolean] ? pulumi.Input<boolean> : DeepInput<T>;

/** A kind's outputs (documented in its contract) as properties of its SDK class. */
export type OutputPropertiesOf<C extends KindContract> = {
    readonly [K in keyof OutputsOf<C>]-?: pulumi.Output<OutputsOf<C>[K]>;
};

/**
 * The base of every Earth Engine resource class: a dynamic resource of type
 * `pulumi-nodejs:dynamic/earthengine:<typeName>` driven by the kind's shim
 * (`pulumi-earthengine/provider/shim[/<kind>]`), with every output of the kind's contract
 * present on the instance. The program-side checks (sdk/programChecks.ts) run for every kind.
 */
export abstract class EarthEngineResource extends pulumi.dynamic.Resource {
    protected constructor(
        shim: pulumi.dynamic.ResourceProvider,
        contract: KindContract,
        name: string,
        args: object,
        opts?: pulumi.CustomResourceOptions,
    ) {
        checkInProgram(contract.typeName, name, args);
        // Output keys must be present in props to exist on the class; a fresh object per resource.
        const props: Record<string, unknown> = { ...Object.fromEntries(outputKeysOf(contract).map((key) => [key, undefined])), ...args };
        super(shim, name, props, opts, "earthengine", contract.typeName);
    }
}

/** The constructor of `EarthEngineResource` with the outputs of contract `C` declared on its instances. */
export type EarthEngineResourceClass<C extends KindContract> = abstract new (
    shim: pulumi.dynamic.ResourceProvider,
    contract: C,
    name: string,
    args: object,
    opts?: pulumi.CustomResourceOptions,
) => EarthEngineResource & OutputPropertiesOf<C>;

/**
 * The base class of one kind's SDK class: `EarthEngineResource` with the outputs of its contract
 * declared, so each output is written (and documented) once, in the contract. Annotate the
 * constant with the contract's type, so that declaration files name it instead of spelling it out:
 *
 * ```ts
 * const FolderBase: EarthEngineResourceClass<typeof folderContract> = withOutputsOf();
 * export class Folder extends FolderBase { ... }
 * ```
 */
export function withOutputsOf<C extends KindContract>(): EarthEngineResourceClass<C> {
    return EarthEngineResource as unknown as EarthEngineResourceClass<C>;
}
