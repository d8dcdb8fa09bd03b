// Emulator against Pulumi state, one for one: the check shared by `npm run soak` and the
// crash-recovery e2e test. Types in convergence.d.ts.
const EXTERNAL_IMAGE_TYPE = "pulumi-nodejs:dynamic/earthengine:ExternalImage";

/**
 * @param {{ resources?: { type: string; id?: string; outputs?: Record<string, unknown>; delete?: boolean }[] }} deployment
 *   `pulumi stack export`'s `deployment`
 * @param {{ name: string }[]} assets every asset in the emulator
 * @param {{ method: string; path: string; status: number; body?: unknown }[]} requests the emulator's request log
 * @param {string[]} declared the asset names the program declares
 */
function convergence(deployment, assets, requests, declared) {
    const images = (deployment.resources ?? []).filter((r) => r.type === EXTERNAL_IMAGE_TYPE && !r.delete && r.id);
    const tracked = new Map();
    for (const r of images) tracked.set(r.id, [...(tracked.get(r.id) ?? []), r]);
    const inEmulator = new Set(assets.map((a) => a.name));
    // Complete: tracked with the outputs a successful read gives.
    const complete = (name) => (tracked.get(name) ?? []).some((r) => typeof r.outputs?.updateTime === "string");
    const failed = declared.filter((name) => !complete(name) || !inEmulator.has(name));
    const createsPerName = new Map();
    for (const r of requests) {
        const manifest = r.body?.imageManifest;
        // A create that the server carried out (applied-then-dropped ones included); never two per name.
        if (r.method === "POST" && r.path.endsWith(":importExternal") && r.status === 200 && r.body?.overwrite === false && manifest) {
            createsPerName.set(manifest.name, (createsPerName.get(manifest.name) ?? 0) + 1);
        }
    }
    const duplicate = [...tracked.values()].filter((rs) => rs.length > 1).length + [...createsPerName.values()].filter((n) => n > 1).length;
    const untracked = [...inEmulator].filter((name) => !tracked.has(name));
    const vanished = [...tracked.keys()].filter((name) => !inEmulator.has(name));
    return { failed, duplicate, untracked, vanished, missing: untracked.length + vanished.length };
}

module.exports = { convergence, EXTERNAL_IMAGE_TYPE };
