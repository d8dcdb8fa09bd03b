import * as pulumi from "@pulumi/pulumi";

/** What an example program registered and returned with the engine mocked. */
export interface MockedRun {
    /** Every resource the program registered, in order. */
    registered: pulumi.runtime.MockResourceArgs[];
    /** The program's stack outputs, resolved. */
    outputs: Record<string, unknown>;
}

/** Makes one registered resource: its id and the state its dependents see. */
export type MockCreate = (args: pulumi.runtime.MockResourceArgs) => Promise<{ id: string; state: Record<string, unknown> }>;

/** The default MockCreate: the inputs as the state, `assetName` from `name` (or the manifest's). */
const echo: MockCreate = async (args) => {
    const manifest = args.inputs.imageManifest as { name?: string } | undefined;
    return { id: `${args.name}-id`, state: { ...args.inputs, assetName: args.inputs.name ?? manifest?.name } };
};

/**
 * Runs the program in `file` (an examples/<name>/index.ts: an exported async function, or top-level
 * declarations and exported outputs) with the engine mocked
 * (setMocks): each resource is "created" by `create` (default: its inputs echoed as its state). For
 * checking what an example declares without an engine run.
 * `config`: the stack config, keys without the project prefix.
 */
export async function runMockedProgram(
    file: string,
    project: string,
    config: Record<string, string>,
    create: MockCreate = echo,
): Promise<MockedRun> {
    const registered: pulumi.runtime.MockResourceArgs[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                registered.push(args);
                return create(args);
            },
            call: (args) => args.inputs,
        },
        project,
        "dev",
        false,
    );
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([key, value]) => [`${project}:${key}`, value])));
    // An async program exports its function (examples/bucket); a top-level one declares as it loads and exports its outputs.
    const program = require(file) as (() => Promise<Record<string, unknown>>) | Record<string, unknown>;
    const returned = typeof program === "function" ? await program() : { ...program };
    const outputs = await new Promise<Record<string, unknown>>((resolve) => pulumi.output(returned).apply((value) => resolve(value)));
    return { registered, outputs };
}
