import { z } from "zod";

/**
 * What a resource kind promises its users, and nothing of how: the Pulumi type name, the inputs
 * as a zod object (the SDK's args type, and the field rules `check` applies) and the outputs the
 * kind adds to the inputs it echoes (the engine hands outputs back as `olds`, so every input is
 * an output too). It holds no implementation, so `sdk/` imports it; each field's TSDoc is
 * written once, here, and shows on both the args and the SDK class.
 */
export interface KindContract<Inputs extends z.core.$ZodShape = z.core.$ZodShape, Outputs extends z.core.$ZodShape = z.core.$ZodShape> {
    /** The Pulumi type name (`pulumi-nodejs:dynamic/earthengine:<typeName>`). */
    readonly typeName: string;
    /** The inputs as the program writes them; `check` parses each field with its schema. */
    readonly inputs: z.ZodObject<Inputs>;
    /** The outputs besides the echoed inputs (what the server says, what the kind derives). */
    readonly outputs: z.ZodObject<Outputs>;
}

/**
 * A contract from its inputs' and outputs' shapes (each field documented where it is written).
 * Annotate the constant with `KindContract<typeof inputs, typeof outputs>`, so that declaration
 * files name the shapes, and their documentation reaches the SDK's users.
 */
export function defineContract<Inputs extends z.core.$ZodShape, Outputs extends z.core.$ZodShape>(
    typeName: string,
    inputs: Inputs,
    outputs: Outputs,
): KindContract<Inputs, Outputs> {
    return { typeName, inputs: z.object(inputs), outputs: z.object(outputs) };
}

/** The inputs after `check` (normalised), as stored and handed to diff, create and update. */
export type InputsOf<C extends KindContract> = z.output<C["inputs"]>;

/** Every output of a kind: the echoed inputs and the outputs it adds. */
export type OutputsOf<C extends KindContract> = z.output<C["inputs"]> & z.output<C["outputs"]>;

/** The names of every output of a kind, in the contract's order (inputs first). */
export function outputKeysOf(contract: KindContract): string[] {
    return [...new Set([...Object.keys(contract.inputs.shape), ...Object.keys(contract.outputs.shape)])];
}

/** The names of a kind's inputs. */
export function inputKeysOf(contract: KindContract): string[] {
    return Object.keys(contract.inputs.shape);
}
