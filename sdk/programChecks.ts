import * as pulumi from "@pulumi/pulumi";

/**
 * Checks that only the program can make: it sees the stack config's secrecy and the values as
 * written, before the Pulumi SDK serializes them (which drops `__proto__` keys).
 */

/** Credential settings that the engine records as the provider's inputs, so in state. */
export const CREDENTIAL_CONFIG_KEYS = ["earthengine:accessToken", "earthengine:credentials"] as const;

/** A warning for each credential setting given as plain (non-secret) config. Pure. */
export function plainCredentialWarnings(isSet: (key: string) => boolean, isSecret: (key: string) => boolean): string[] {
    return CREDENTIAL_CONFIG_KEYS.filter((key) => isSet(key) && !isSecret(key)).map(
        (key) =>
            `${key} is set as plain config, so it is stored in clear text in the stack's config file and state; set it as a secret: pulumi config set --secret ${key} (or use the environment instead)`,
    );
}

/**
 * Paths (`imageManifest.properties.__proto__`) of `__proto__` keys in the plain parts of `value`.
 * The Pulumi SDK copies objects by assignment, so such a key would silently vanish on its way
 * to the engine; it is refused by name instead. Iterative and bounded by `limit` results.
 */
export function keysThatCannotTravel(value: unknown, root: string, limit = 5): string[] {
    const found: string[] = [];
    const stack: { v: unknown; path: string }[] = [{ v: value, path: root }];
    let visited = 0;
    while (stack.length > 0 && found.length < limit && visited++ < 1_000_000) {
        const { v, path } = stack.pop() as { v: unknown; path: string };
        if (v === null || typeof v !== "object" || pulumi.Output.isInstance(v)) continue;
        if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++) stack.push({ v: v[i], path: `${path}[${i}]` });
        } else {
            if (Object.hasOwn(v, "__proto__")) found.push(`${path}.__proto__`);
            for (const key of Object.keys(v))
                if (key !== "__proto__") stack.push({ v: (v as Record<string, unknown>)[key], path: `${path}.${key}` });
        }
    }
    return found;
}

/** Why a `__proto__` key is refused, after the key and where it is. */
export const CANNOT_TRAVEL = "cannot be passed to the Pulumi engine (its SDK drops it without a word); rename the key";

// Once per program run, not once per resource.
let credentialsChecked = false;

/**
 * Runs the program-side checks for one resource of any kind: throws for what cannot work (a
 * RunError, so the user sees the message, not a stack trace) and warns, once per program run,
 * about plain credential config. An image manifest's own warnings come from sdk/manifestWarnings.ts.
 */
export function checkInProgram(typeName: string, name: string, args: object): void {
    const lost = keysThatCannotTravel(args, "args");
    if (lost.length > 0) {
        throw new pulumi.RunError(`${typeName} ${name}: the key "__proto__" at ${lost.join(", ")} ${CANNOT_TRAVEL}`);
    }
    if (credentialsChecked) return;
    credentialsChecked = true;
    const isSecret = (pulumi.runtime as { isConfigSecret?: (key: string) => boolean }).isConfigSecret ?? (() => false);
    for (const warning of plainCredentialWarnings((key) => pulumi.runtime.getConfig(key) !== undefined, isSecret)) pulumi.log.warn(warning);
}
