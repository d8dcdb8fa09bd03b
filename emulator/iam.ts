import type { IamBinding, IamPolicy } from "../api";
import { getAsset } from "./assetMethods";
import { ApiError, failedPrecondition, invalidArgument } from "./errors";
import { isIamMember, isIamRole } from "./iamMembers";
import type { AssetStore } from "./store";

const OWNER_ROLE = "roles/owner";

/** `assets.getIamPolicy`: the asset's policy; an asset whose policy was never set has none (an empty policy and an etag). */
export function getIamPolicy(store: AssetStore, name: string, body: unknown): IamPolicy {
    if (body !== undefined && (body === null || typeof body !== "object" || Array.isArray(body)))
        throw invalidArgument('Invalid JSON payload received. Unknown name "": Root element must be a message.');
    getAsset(store, name);
    return store.policies.get(name);
}

/**
 * `assets.setIamPolicy`: replaces the policy. A request etag that is not the current one is
 * 409 ABORTED (Google IAM's answer to a concurrent change); without an etag the write is
 * unconditional, as the official clients send it. The owners binding is kept when the new
 * policy has none, as `earthengine acl set` relies on.
 */
export function setIamPolicy(store: AssetStore, name: string, body: unknown): IamPolicy {
    const request = (body ?? {}) as { policy?: unknown; updateMask?: unknown };
    for (const key of Object.keys(request)) {
        if (key !== "policy" && key !== "updateMask" && key !== "update_mask")
            throw invalidArgument(`Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
    }
    const policy = request.policy;
    if (policy === null || typeof policy !== "object" || Array.isArray(policy))
        throw invalidArgument("Invalid argument at 'policy': a Policy is required.");
    const { bindings = [], etag, version } = policy as { bindings?: unknown; etag?: unknown; version?: unknown };
    for (const key of Object.keys(policy)) {
        if (!["bindings", "etag", "version", "auditConfigs"].includes(key))
            throw invalidArgument(`Invalid JSON payload received. Unknown name "${key}" at 'policy': Cannot find field.`);
    }
    if (version !== undefined && version !== 1 && version !== 3)
        throw invalidArgument(`Invalid argument at 'policy.version': ${String(version)} is not a policy version (1 or 3).`);
    const asset = getAsset(store, name);
    refuseInheritedAccess(store, asset.type, name);
    const current = store.policies.get(name);
    if (etag !== undefined && etag !== null && etag !== "" && etag !== current.etag) {
        throw new ApiError(
            409,
            "There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.",
            {
                status: "ABORTED",
            },
        );
    }
    const next = normalizedBindings(bindings);
    const owners = current.bindings?.find((b) => b.role === OWNER_ROLE);
    if (owners && !next.some((b) => b.role === OWNER_ROLE)) next.unshift(owners);
    return store.policies.set(
        name,
        next.sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0)),
    );
}

/**
 * An image inside an IMAGE_COLLECTION takes its access from the collection: the service refuses
 * a policy write on it (resource-watch/nrt-scripts#46; barberaivan/mapbiomas-argentina-fire,
 * `04_geodash_nbr.py`, 2026). Reading its policy is allowed.
 */
function refuseInheritedAccess(store: AssetStore, type: string, name: string): void {
    const parent = name.slice(0, name.lastIndexOf("/"));
    if (type === "IMAGE" && store.get(parent)?.type === "IMAGE_COLLECTION") {
        throw failedPrecondition(`Parent of the asset '${name}' is a collection; operation not allowed.`);
    }
}

/** Bindings checked, one per role, members de-duplicated and sorted, empty ones dropped (as IAM stores them). */
function normalizedBindings(bindings: unknown): IamBinding[] {
    if (!Array.isArray(bindings)) throw invalidArgument("Invalid argument at 'policy.bindings': a list of bindings is required.");
    const byRole = new Map<string, Set<string>>();
    bindings.forEach((binding: unknown, i) => {
        const { role, members = [], condition } = (binding ?? {}) as { role?: unknown; members?: unknown; condition?: unknown };
        if (!isIamRole(role))
            throw invalidArgument(`Invalid argument at 'policy.bindings[${i}].role': '${String(role)}' is not a role name (roles/...).`);
        if (condition !== undefined)
            throw invalidArgument(
                `Invalid argument at 'policy.bindings[${i}].condition': conditions are not supported on Earth Engine assets.`,
            );
        if (!Array.isArray(members))
            throw invalidArgument(`Invalid argument at 'policy.bindings[${i}].members': a list of members is required.`);
        const set = byRole.get(role) ?? new Set<string>();
        for (const member of members) {
            if (!isIamMember(member))
                throw invalidArgument(`Invalid argument: Invalid member '${String(member)}' at 'policy.bindings[${i}].members'.`);
            set.add(member);
        }
        byRole.set(role, set);
    });
    return [...byRole].filter(([, members]) => members.size > 0).map(([role, members]) => ({ role, members: [...members].sort() }));
}
