import * as fs from "node:fs";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { resourceProviders } from "../provider";
import { REPO_ROOT } from "../test/e2e/support/engine";

export const provider = resourceProviders.ExternalImage;

/** The highest `earthengine:maxRequestsPerSecond` accepted: in effect no rate limit, like the bare floor. */
export const UNLIMITED_RATE = "10000";

/** Configures the in-process provider as the engine would, from `earthengine:*` values. */
export async function configureProvider(values: Record<string, string>): Promise<void> {
    const config = { get: (key: string) => values[key], require: (key: string) => values[key] };
    await provider.configure({ config } as unknown as pulumi.dynamic.ConfigureRequest);
}

const TEMPLATE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "bench/program/manifest.json"), "utf8")) as Record<string, unknown>;

/** The bench program's manifest for image `i` (the same inputs the engine figures use). */
export function manifestFor(i: number, prefix = "img"): Record<string, unknown> {
    return {
        ...TEMPLATE,
        name: `projects/bench-project/assets/${prefix}_${i}`,
        tilesets: [{ id: "0", sources: [{ uris: [`gs://bench-bucket/${i}/a.tif`] }] }],
    };
}

/** check() as the engine runs it; throws on failures. */
export async function checkedInputs(i: number, prefix?: string): Promise<Record<string, unknown>> {
    const result = await provider.check({}, { imageManifest: manifestFor(i, prefix) });
    if (result.failures && result.failures.length > 0) throw new Error(`bench manifest fails check: ${JSON.stringify(result.failures)}`);
    return result.inputs as Record<string, unknown>;
}
