import type * as pulumi from "@pulumi/pulumi";
import type { RunningEmulator } from "../../../emulator";
import { resourceProviders } from "../../../provider/kinds";

export const TOKEN = "integration-token-5b1e";

/** The provider of a kind, configured for the emulator, and helpers that call it as the engine does. */
export async function kindUnderTest(typeName: string, emulator: RunningEmulator) {
    const provider = resourceProviders[typeName];
    const values: Record<string, string> = {
        "earthengine:endpoint": emulator.url,
        "earthengine:accessToken": TOKEN,
        "earthengine:project": "quota-project",
    };
    await provider.configure({ config: { get: (key: string) => values[key], require: (key: string) => values[key] } });
    const checked = async (news: Record<string, unknown>): Promise<Record<string, unknown>> => {
        const result = await provider.check({}, news);
        if (result.failures && result.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(result.failures)}`);
        return result.inputs;
    };
    const created = async (news: Record<string, unknown>) => {
        const inputs = await checked(news);
        const result = await provider.create(inputs);
        return { inputs, id: result.id, outs: result.outs as Record<string, unknown> };
    };
    /** diff then update, as `pulumi up` runs them for a changed input. */
    const updated = async (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => {
        const inputs = await checked(news);
        const diff: pulumi.dynamic.DiffResult = await provider.diff(id, olds, inputs);
        const result = diff.changes && !diff.replaces?.length ? await provider.update(id, olds, inputs) : undefined;
        return { diff, outs: result?.outs as Record<string, unknown> | undefined };
    };
    return { provider, checked, created, updated };
}

/** A direct call to the emulator, as a person with the earthengine CLI would make out of band. */
export function outOfBand(emulator: RunningEmulator, method: string, pathAndQuery: string, body?: unknown): Promise<Response> {
    return fetch(`${emulator.url}/v1alpha/${pathAndQuery}`, {
        method,
        headers: { authorization: "Bearer out-of-band", "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** The API calls the emulator received, as `METHOD path[?query]` (version prefix removed). */
export function calls(emulator: RunningEmulator): string[] {
    return emulator.requests().map((r) => {
        const query = new URLSearchParams(r.query).toString();
        return `${r.method} ${r.path.replace(/^\/v1[a-z]*\//, "")}${query ? `?${query}` : ""}`;
    });
}
