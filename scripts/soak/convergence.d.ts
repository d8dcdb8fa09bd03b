export declare const EXTERNAL_IMAGE_TYPE: string;
export interface Convergence {
    /** Declared assets not tracked with complete outputs, or not in the emulator. */
    failed: string[];
    /** State entries sharing an asset id, plus names the server created more than once. */
    duplicate: number;
    /** In the emulator, not in state (leaked). */
    untracked: string[];
    /** In state, not in the emulator. */
    vanished: string[];
    /** untracked + vanished: the one-for-one mismatches. */
    missing: number;
}
export declare function convergence(
    deployment: { resources?: { type: string; id?: string; outputs?: Record<string, unknown>; delete?: boolean }[] },
    assets: { name: string }[],
    requests: { method: string; path: string; status: number; body?: unknown }[],
    declared: string[],
): Convergence;
