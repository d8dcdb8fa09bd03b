import * as pulumi from "@pulumi/pulumi";

/** What an example program registered and returned with the engine mocked. */
export interface MockedRun {
    /** Every resource the program registered, in order. */
    registered: pulumi.runtime.MockResourceArgs[];
    /** The program's stack outputs, resolved. */
    outputs: Record<string, unknown>;
}

/**
 * Runs the async program exported by `file` (an examples/<name>/index.ts) with the engine mocked
 * (setMocks): each resource is "created" with its inputs as its state and `assetName` from its
 * `name` (or its manifest's). For checking what an example declares without an engine run.
 * `config`: the stack config, keys without the project prefix.
 */
export async function runMockedProgram(file: string, project: string, config: Record<string, string>): Promise<MockedRun> {
    const registered: pulumi.runtime.MockResourceArgs[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                registered.push(args);
                const manifest = args.inputs.imageManifest as { name?: string } | undefined;
                return { id: `${args.name}-id`, state: { ...args.inputs, assetName: args.inputs.name ?? manifest?.name } };
            },
            call: (args) => args.inputs,
        },
        project,
        "dev",
        false,
    );
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([key, value]) => [`${project}:${key}`, value])));
    const program = require(file) as () => Promise<Record<string, unknown>>;
    const returned = await program();
    const outputs = await new Promise<Record<string, unknown>>((resolve) => pulumi.output(returned).apply((value) => resolve(value)));
    return { registered, outputs };
}
