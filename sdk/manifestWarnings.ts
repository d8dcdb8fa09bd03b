import * as pulumi from "@pulumi/pulumi";
import { manifestWarnings } from "../provider/manifest/warnings";

/**
 * Shows the warnings for a resource's manifest (provider/manifest/warnings.ts) in the engine's
 * output, once per resource, when its values are known: at once for plain values, inside an
 * `apply` for values from other resources. A manifest with values still unknown (preview of a
 * resource that depends on another's output) gets none. This runs in the program because `check`
 * results cannot carry warnings and the provider process's `pulumi.log` does not reach the engine.
 */
export function warnAboutManifest<T>(resource: pulumi.Resource, manifest: pulumi.Input<T>): void {
    pulumi.output(manifest).apply((value: unknown) => {
        for (const warning of manifestWarnings(value)) pulumi.log.warn(`${warning.path}: ${warning.message}`, resource);
    });
}
