import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EarthEngineAsset } from "../../api";
import { walkTree } from "../../cli/import/walk";
import { startEmulator } from "../../emulator";
import { DEFAULT_LIMITS, EarthEngineClient, resolveSettings } from "../../provider/earthengine";
import type { Figure, Measurement } from "../registry";
import { timed } from "../stats";

const ROOT = "projects/bench-project/assets/archive";
/** Per folder: the folder, a collection, 50 images in it and 48 images beside it. */
const PER_FOLDER = 100;
const IN_COLLECTION = 50;
/** The setting: a round trip of 50 ms (the bench's other figures use config.latencyMs). */
const LATENCY_MS = 50;

/** The tree as emulator state: `assets` assets in folders of PER_FOLDER (the root folder besides). */
export function importTree(assets: number): EarthEngineAsset[] {
    const tree: EarthEngineAsset[] = [{ type: "FOLDER", name: ROOT }];
    const image = (name: string, i: number): EarthEngineAsset => ({
        type: "IMAGE",
        name,
        properties: { tile: `T${i % 50}`, sensor: "S2" },
        startTime: "2024-01-01T00:00:00Z",
        tilesets: [{ id: "cog", sources: [{ uris: [`gs://bench-bucket/${name.split("/").slice(-2).join("/")}.tif`] }] }],
    });
    for (let f = 0; f < Math.ceil(assets / PER_FOLDER); f++) {
        const folder = `${ROOT}/f${String(f).padStart(4, "0")}`;
        tree.push({ type: "FOLDER", name: folder }, { type: "IMAGE_COLLECTION", name: `${folder}/series` });
        for (let i = 0; i < IN_COLLECTION; i++) tree.push(image(`${folder}/series/i${i}`, i));
        for (let i = 0; i < PER_FOLDER - IN_COLLECTION - 2; i++) tree.push(image(`${folder}/loose${i}`, i));
    }
    return tree;
}

/**
 * `pulumi-earthengine import --recursive`'s walk of N assets (quick 200, full 10,000) against the
 * emulator with 50 ms latency, at the provider's default limits (20 in flight, 50 started
 * per second). The floor is the time the requests the walk needs take at those limits:
 * max(requests / rate, requests x latency / concurrency); the figure is walk / floor.
 */
export const importWalk: Measurement = {
    name: "importWalk",
    summary: "pulumi-earthengine import: walk of N assets at the default limits vs the floor of its requests",
    figures: ["importWalk.vsFloorRatio", "importWalk.seconds", "importWalk.requests"],
    async run({ config, log }) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ee-bench-import-"));
        const state = path.join(dir, "state.json");
        const assets = importTree(config.importAssets);
        fs.writeFileSync(state, JSON.stringify({ version: 1, assets }));
        const emulator = await startEmulator({ statePath: state, latencyMs: LATENCY_MS });
        try {
            const settings = resolveSettings({ endpoint: emulator.url, accessToken: "bench-token" }, {});
            const client = EarthEngineClient.fromSettings(settings, "bench-project");
            log(`importWalk: walking ${assets.length} assets at ${LATENCY_MS} ms latency, default limits`);
            const { seconds, result } = await timed(() => walkTree(client, ROOT, { recursive: true, readIam: true }));
            const requests = result.calls.listPages + result.calls.gets + result.calls.iamReads;
            const { maxConcurrentRequests, maxRequestsPerSecond } = DEFAULT_LIMITS;
            const floor = Math.max(requests / maxRequestsPerSecond, (requests * LATENCY_MS) / 1000 / maxConcurrentRequests);
            const figures: Figure[] = [
                {
                    name: "importWalk.vsFloorRatio",
                    value: seconds / floor,
                    unit: "x",
                    note: `walk of ${assets.length} assets / floor ${floor.toFixed(1)} s (${requests} requests at ${maxRequestsPerSecond}/s, ${maxConcurrentRequests} in flight, ${LATENCY_MS} ms each)`,
                },
                { name: "importWalk.seconds", value: seconds, unit: "s", note: `walk of ${assets.length} assets, reads only` },
                {
                    name: "importWalk.requests",
                    value: requests,
                    unit: "requests",
                    note: `${result.calls.listPages} list pages, ${result.calls.gets} gets, ${result.calls.iamReads} IAM reads (none for images in collections)`,
                },
            ];
            return figures;
        } finally {
            await emulator.close();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    },
};
