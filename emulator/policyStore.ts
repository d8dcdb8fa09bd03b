import type { IamBinding, IamPolicy } from "../api";

/** The etag of an asset whose policy was never set (what Google's IAM answers for an empty policy). */
export const EMPTY_POLICY_ETAG = "ACAB";

/** Per-asset IAM policies with etags; an asset's policy goes when the asset does. */
export class PolicyStore {
    private readonly policies = new Map<string, { bindings: IamBinding[]; etag: string }>();
    private version = 0;

    get(name: string): IamPolicy {
        const stored = this.policies.get(name);
        if (!stored) return { version: 1, etag: EMPTY_POLICY_ETAG };
        const policy: IamPolicy = { version: 1, etag: stored.etag };
        if (stored.bindings.length > 0) policy.bindings = structuredClone(stored.bindings);
        return policy;
    }

    set(name: string, bindings: IamBinding[]): IamPolicy {
        this.version++;
        // Opaque to clients: base64 of a counter, 8 bytes like Google's.
        const etag = Buffer.from(this.version.toString(16).padStart(16, "0"), "hex").toString("base64");
        this.policies.set(name, { bindings, etag });
        return this.get(name);
    }

    /** Carries a policy, etag and all, to an asset's new name (assets.move keeps who may read it). */
    rename(from: string, to: string): void {
        const stored = this.policies.get(from);
        if (!stored) return;
        this.policies.set(to, stored);
        this.policies.delete(from);
    }

    delete(name: string): void {
        this.policies.delete(name);
    }

    clear(): void {
        this.policies.clear();
    }
}
