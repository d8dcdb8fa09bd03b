import type { Measurement } from "../registry";
import { batch } from "./batch";
import { callsPerCommand } from "./callsPerCommand";
import { engineVsTrivial } from "./engineVsTrivial";
import { importWalk } from "./importWalk";
import { preflight } from "./preflight";
import { providerVsFloor } from "./providerVsFloor";
import { retainedHeap } from "./retainedHeap";
import { tokenFetches } from "./tokenFetches";

/** Every measurement, in the order a run takes them. Add new ones here. */
export const MEASUREMENTS: Measurement[] = [
    callsPerCommand,
    providerVsFloor,
    retainedHeap,
    tokenFetches,
    preflight,
    importWalk,
    engineVsTrivial,
    batch,
];
