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
    /**
     * CPU seconds of the command's processes (CLI, program, plugins): its work, whatever else runs on
     * the machine. An inline program's are this process's over the command, which include the
     * Automation API's server and whatever else this process did meanwhile (an in-process emulator's
     * answers).
     */
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
     * depend on where the program runs, and for quick mode's timed figures (`inlinePrograms`: a smoke
     * test). Full mode's timed figures keep the language host, as `pulumi up` runs it.
     */
    async stack(
        name: string,
        config: Record<string, { value: string; secret?: boolean }>,
        options: { inline?: boolean } = {},
    ): Promise<BenchStack> {
        const inline = options.inline ?? false;
        const stack = await (inline ? newInlineStack : newStack)(this.sandbox, name);
        await stack.setAllConfig(config);
        return new BenchStack(stack, this.sandbox, inline);
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
        /** The program runs in this process: its CPU seconds are this process's, not a child's. */
        private readonly inline: boolean,
    ) {}

    declare(declaration: Declaration): Promise<void> {
        return this.stack.setConfig("bench", { value: JSON.stringify(declaration) });
    }

    up(parallel: number): Promise<TimedCommand> {
        return sampled(() => this.stack.up({ parallel }), this.inline);
    }

    preview(parallel: number): Promise<TimedCommand> {
        return sampled(() => this.stack.preview({ parallel }), this.inline);
    }

    refresh(parallel: number): Promise<TimedCommand> {
        return sampled(() => this.stack.refresh({ parallel }), this.inline);
    }

    destroy(parallel: number): Promise<TimedCommand> {
        return sampled(() => this.stack.destroy({ parallel }), this.inline);
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

async function sampled(command: () => Promise<unknown>, inline: boolean): Promise<TimedCommand> {
    const sampler = new PeakRssSampler(isDynamicProvider);
    const cpuBefore = commandCpuSeconds(inline);
    sampler.start();
    const run = await timed(command).catch((error: unknown) => {
        sampler.stop();
        throw error;
    });
    return { seconds: run.seconds, peakRssBytes: sampler.stop().peakBytes, cpuSeconds: commandCpuSeconds(inline) - cpuBefore };
}

/** The children's CPU seconds so far, and with an inline program this process's own. */
function commandCpuSeconds(inline: boolean): number {
    if (!inline) return waitedChildrenCpuSeconds();
    const own = process.cpuUsage();
    return waitedChildrenCpuSeconds() + (own.user + own.system) / 1e6;
}
