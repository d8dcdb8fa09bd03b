import type { EarthEngineAsset } from "../api";
import { LEGACY_PROJECT } from "./assetNames";
import { UpdateClock } from "./clock";
import { PolicyStore } from "./policyStore";
import { loadState, saveState } from "./stateFile";

// Every legacy user (`users/<user>`) and legacy project (`projects/<project>`, the ids of the
// manifest guide's `projects/some_project/...`) has a root folder that exists without being created.
const LEGACY_ROOT = new RegExp(`^projects/${LEGACY_PROJECT}/assets/(?:users|projects)/[A-Za-z0-9_-]+$`);

/** True for containers that exist without being stored: a legacy user's or legacy project's root folder. */
export function isImplicitFolder(name: string): boolean {
    return LEGACY_ROOT.test(name);
}

/**
 * The emulator's assets by full name, with the folder hierarchy that names imply, and
 * (optionally) a state file rewritten after every change.
 */
export class AssetStore {
    private readonly assets = new Map<string, EarthEngineAsset>();
    private readonly clock = new UpdateClock();
    private readonly statePath?: string;
    /** IAM policies by asset name (in memory only, not in the state file). */
    readonly policies = new PolicyStore();

    constructor(statePath?: string) {
        this.statePath = statePath;
        if (!statePath) return;
        for (const { type, name, ...rest } of loadState(statePath)) {
            // A hand-written state file may leave out id, which is always derived from the name.
            this.assets.set(name, { type, name, ...rest, id: idOf(name) });
            this.clock.observe(rest.updateTime);
        }
    }

    /** The asset, a legacy root folder, or undefined. Callers get a copy. */
    get(name: string): EarthEngineAsset | undefined {
        const stored = this.assets.get(name);
        if (stored) return structuredClone(stored);
        return isImplicitFolder(name) ? { type: "FOLDER", name, id: idOf(name) } : undefined;
    }

    /** Stores the asset with a new `updateTime` and returns what was stored. */
    put(asset: Omit<EarthEngineAsset, "updateTime" | "id">): EarthEngineAsset {
        const { name, type, ...rest } = asset;
        const stored: EarthEngineAsset = { type, name, id: idOf(name), updateTime: this.clock.next(), ...rest };
        this.assets.set(name, stored);
        this.save();
        return structuredClone(stored);
    }

    remove(name: string): void {
        this.assets.delete(name);
        this.policies.delete(name);
        this.save();
    }

    /** Immediate children of a project (`projects/p`) or of a folder or collection, sorted by name. */
    children(parent: string): EarthEngineAsset[] {
        const prefix = /^projects\/[^/]+$/.test(parent) ? `${parent}/assets/` : `${parent}/`;
        return [...this.assets.values()]
            .filter((asset) => asset.name.startsWith(prefix) && !asset.name.slice(prefix.length).includes("/"))
            .sort((a, b) => compare(a.name, b.name))
            .map((asset) => structuredClone(asset));
    }

    /** Every stored asset, sorted by name. */
    all(): EarthEngineAsset[] {
        return [...this.assets.values()].sort((a, b) => compare(a.name, b.name)).map((asset) => structuredClone(asset));
    }

    clear(): void {
        this.assets.clear();
        this.policies.clear();
        this.save();
    }

    private save(): void {
        if (this.statePath) saveState(this.statePath, this.all());
    }
}

/** The part of the name after `assets/`, which the API returns as `id`. */
export function idOf(name: string): string {
    const cut = name.indexOf("/assets/");
    return cut < 0 ? name : name.slice(cut + "/assets/".length);
}

// Code-unit order, not locale order: the same on every machine.
function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
