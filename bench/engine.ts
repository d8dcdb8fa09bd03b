import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { createSandbox, type EngineSandbox, newInlineStack, newStack, REPO_ROOT, storedDeployment } from "../test/e2e/support/engine";
import { waitedChildrenCpuSeconds } from "./cpu";
import { isDynamicProvider, PeakRssSampler } from "./rss";
import { timed } from "./stats";

export type ResourceKind = "external" | "trivial" | "batch" | "trivialBatch";

/** What bench/program declares. */
export interface Declaration {
    kind: ResourceKind;
    count: number;
    /** A property value: changing it patches each image. */
    revision: string;
    /** The source file name: changing it re-imports each image. */
    file: string;
    /** Batch kinds: only the first `changed` images take `revision` (the others keep "r1"). */
    changed?: number;
    /** Batch kinds: the folder holding the images. */
    parent?: string;
}

export interface TimedCommand {
    seconds: number;
    /** Peak VmHWM of the dynamic-provider process during the command, bytes (0 if none started). */
    peakRssBytes: number;
    /** CPU seconds of the command's processes (CLI, program, plugins): its work, whatever else runs on the machine. */
    cpuSeconds: number;
}

// From the checkout: this file runs compiled under dist/, without the program beside it.
const PROGRAM = path.join(REPO_ROOT, "bench/program");

/** A sandboxed file backend with stacks of bench/program, run by the real engine. */
export class BenchEngine {
    private constructor(private readonly sandbox: EngineSandbox) {}

    /** `env` reaches the engine and so the dynamic-provider process (for example EARTHENGINE_ENDPOINT). */
    static async start(env: Record<string, string>): Promise<BenchEngine> {
        return new BenchEngine(await createSandbox(PROGRAM, env));
    }

    /**
     * `inline`: the program runs in this process (see `newInlineStack`), not in a node process the
     * language host starts for each command: for a measurement that counts requests, which do not
     * depend on where the program runs. Timed figures keep the language host, as `pulumi up` runs it.
     */
    async stack(
        name: string,
        config: Record<string, { value: string; secret?: boolean }>,
        options: { inline?: boolean } = {},
    ): Promise<BenchStack> {
        const stack = await (options.inline ? newInlineStack : newStack)(this.sandbox, name);
        await stack.setAllConfig(config);
        return new BenchStack(stack, this.sandbox);
    }

    /**
     * Deletes the sandbox: the backend with every stack in it, whatever they hold. Stacks are not
     * removed one by one: each `pulumi stack rm` is a CLI run (0.3 CPU-s) that no figure needs.
     */
    close(): void {
        this.sandbox.cleanup();
    }
}

export class BenchStack {
    constructor(
        readonly stack: Stack,
        private readonly sandbox: EngineSandbox,
    ) {}

    declare(declaration: Declaration): Promise<void> {
        return this.stack.setConfig("bench", { value: JSON.stringify(declaration) });
    }

    up(parallel: number): Promise<TimedCommand> {
        return sampled(() => this.stack.up({ parallel }));
    }

    preview(parallel: number): Promise<TimedCommand> {
        return sampled(() => this.stack.preview({ parallel }));
    }

    refresh(parallel: number): Promise<TimedCommand> {
        return sampled(() => this.stack.refresh({ parallel }));
    }

    destroy(parallel: number): Promise<TimedCommand> {
        return sampled(() => this.stack.destroy({ parallel }));
    }

    /** Bytes of state per resource of `type` (its JSON in the exported deployment) and of its `__provider`. */
    async stateBytes(typeSuffix: string): Promise<{ resources: number; bytesPerResource: number; providerBytes: number }> {
        // The backend's file, as `pulumi stack export` prints it, without starting the CLI.
        const resources = ((storedDeployment(this.sandbox, this.stack.name).resources ?? []) as StateResource[]).filter((r) =>
            r.type.endsWith(typeSuffix),
        );
        if (resources.length === 0) throw new Error(`no ${typeSuffix} resources in the state`);
        const total = resources.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)), 0);
        const providers = resources.map((r) => Buffer.byteLength(String(r.outputs?.__provider ?? "")));
        return { resources: resources.length, bytesPerResource: total / resources.length, providerBytes: Math.max(...providers) };
    }
}

interface StateResource {
    type: string;
    outputs?: Record<string, unknown>;
}

async function sampled(command: () => Promise<unknown>): Promise<TimedCommand> {
    const sampler = new PeakRssSampler(isDynamicProvider);
    const cpuBefore = waitedChildrenCpuSeconds();
    sampler.start();
    const run = await timed(command).catch((error: unknown) => {
        sampler.stop();
        throw error;
    });
    return { seconds: run.seconds, peakRssBytes: sampler.stop().peakBytes, cpuSeconds: waitedChildrenCpuSeconds() - cpuBefore };
}
