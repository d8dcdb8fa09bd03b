import type { EngineEvent } from "@pulumi/pulumi/automation";

export const EXTERNAL_IMAGE_TYPE = "pulumi-nodejs:dynamic/earthengine:ExternalImage";

/** Collects the engine's step operations on ExternalImage resources, as "op name" strings; unchanged ("same") steps are left out. */
export class StepRecorder {
    readonly steps: string[] = [];
    readonly onEvent = (event: EngineEvent): void => {
        const meta = event.resourcePreEvent?.metadata;
        if (meta && meta.type === EXTERNAL_IMAGE_TYPE && meta.op !== "same") this.steps.push(`${meta.op} ${meta.urn.split("::").pop()}`);
    };
}
