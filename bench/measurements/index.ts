import type { Measurement } from "../registry";
import { batch } from "./batch";
import { callsPerCommand } from "./callsPerCommand";
import { engineVsTrivial } from "./engineVsTrivial";
import { importWalk } from "./importWalk";
import { preflight } from "./preflight";
import { providerVsFloor } from "./providerVsFloor";
import { retainedHeap } from "./retainedHeap";
import { tokenFetches } from "./tokenFetches";

/**
 * Every measurement, in the order a run takes them. Add new ones here. The engine at scale first:
 * the longest and the most asked for, so a full run stopped early still has them (each size's
 * figures are logged as they are made).
 */
export const MEASUREMENTS: Measurement[] = [
    batch,
    engineVsTrivial,
    callsPerCommand,
    providerVsFloor,
    retainedHeap,
    tokenFetches,
    preflight,
    importWalk,
];
