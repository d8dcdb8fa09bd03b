import type { EngineEvent } from "@pulumi/pulumi/automation";
import type { RecordedRequest, RunningEmulator } from "../../../emulator";

export const EXTERNAL_IMAGE_TYPE = "pulumi-nodejs:dynamic/earthengine:ExternalImage";

/**
 * Collects the engine's step operations as "op name" strings; unchanged ("same") steps are left
 * out. Only ExternalImage resources by default; `anyType` records every resource except the
 * default provider (which "updates" whenever a test edits stack config, as the engine keeps the
 * config as its inputs), so a test can prove that nothing else changes.
 */
export class StepRecorder {
    readonly steps: string[] = [];
    constructor(private readonly anyType = false) {}
    readonly onEvent = (event: EngineEvent): void => {
        const meta = event.resourcePreEvent?.metadata;
        const recorded = meta && (this.anyType ? !meta.type.startsWith("pulumi:providers:") : meta.type === EXTERNAL_IMAGE_TYPE);
        if (meta && recorded && meta.op !== "same") {
            this.steps.push(`${meta.op} ${meta.urn.split("::").pop()}`);
        }
    };
}

/** What `action` returned and the Earth Engine calls `emulator` received while it ran. */
export async function callsDuring<T>(
    emulator: RunningEmulator,
    action: () => Promise<T>,
): Promise<{ result: T; calls: RecordedRequest[] }> {
    const mark = emulator.requests().length;
    const result = await action();
    return { result, calls: emulator.requests().slice(mark) };
}

/** The Earth Engine calls `emulator` received while `action` ran, as "METHOD path" lines. */
export async function callLinesDuring(emulator: RunningEmulator, action: () => Promise<unknown>): Promise<string[]> {
    const { calls } = await callsDuring(emulator, action);
    return calls.map((r) => `${r.method} ${r.path}`);
}

/** Calls counted by kind: `POST importExternal`, `POST create`, `GET listAssets`, `GET`, `PATCH`, `DELETE`, ... */
export function countCalls(calls: RecordedRequest[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of calls) {
        const verb = /:(\w+)$/.exec(call.path)?.[1] ?? (call.method === "POST" ? "create" : "");
        const kind = `${call.method}${verb ? ` ${verb}` : ""}`;
        counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return counts;
}
