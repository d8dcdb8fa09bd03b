import AsyncLock = require("async-lock");

import { AbortedError, type EarthEngineClient, type IamPolicy } from "../earthengine";
import { canonicalBindings, sameGrants } from "./policy";

// One lock per asset for the whole provider process (every resource of a stack runs here), as
// terraform-provider-google's mutexkv: read-modify-write of one policy never interleaves.
const locks = new AsyncLock({ maxPending: Number.POSITIVE_INFINITY });
/** Attempts in all when another writer changed the policy between our read and our write. */
export const MAX_POLICY_ATTEMPTS = 8;

export interface PolicyChange {
    /** The policy after the change (what the server stored, or the one read when nothing had to change). */
    policy: IamPolicy;
    /** Whether setIamPolicy was sent. */
    written: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads the asset's policy, applies `change` and writes the result with the etag read, holding
 * the asset's lock. A policy the change leaves as it was is not written. A stale etag (409
 * ABORTED: someone outside this process wrote in between) starts over from a fresh read, with
 * jittered back-off, up to MAX_POLICY_ATTEMPTS times.
 */
export function modifyPolicy(
    client: EarthEngineClient,
    assetName: string,
    change: (policy: IamPolicy) => IamPolicy,
    sleep: (ms: number) => Promise<void> = defaultSleep,
): Promise<PolicyChange> {
    return locks.acquire(assetName, async () => {
        for (let attempt = 1; ; attempt++) {
            const current = await client.getIamPolicy(assetName);
            const next = change(current);
            // Members compared as IAM compares them: an email in another case is the same grant.
            if (sameGrants(next.bindings, current.bindings)) return { policy: current, written: false };
            try {
                const stored = await client.setIamPolicy(assetName, {
                    version: 1,
                    bindings: canonicalBindings(next.bindings),
                    etag: current.etag,
                });
                return { policy: stored, written: true };
            } catch (error) {
                if (!(error instanceof AbortedError) || attempt >= MAX_POLICY_ATTEMPTS) throw error;
                await sleep(Math.round(Math.random() * Math.min(8000, 250 * 2 ** attempt)));
            }
        }
    });
}
