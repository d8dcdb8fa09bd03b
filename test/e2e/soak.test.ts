import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "./support/engine";

// `npm run soak` at 100 assets: the real engine under 20% 429/503, 2% apply-then-drop, 1% resets
// and a concurrency cap of 40 (the 1,000-asset run is outside CI; see README).
jest.setTimeout(20 * 60_000);

test("100 images under injected faults: nothing failed, duplicated or missing, concurrency within the limit", () => {
    const run = spawnSync(
        process.execPath,
        [path.join(REPO_ROOT, "scripts/soak/soak.js"), "--assets", "100", "--max-concurrent-requests", "20"],
        {
            encoding: "utf8",
            cwd: REPO_ROOT,
        },
    );
    const lines = run.stdout.trim().split("\n");
    const last = lines[lines.length - 1];
    const match = /^soak: (\d+) assets, (\d+) failed, (\d+) duplicate, (\d+) missing, (\d+) retries, (\d+) max concurrent$/.exec(last);
    if (!match) throw new Error(`unexpected soak output:\n${run.stdout}\n${run.stderr}`);
    const [, assets, failed, duplicate, missing, retries, maxConcurrent] = match.map(Number);
    expect({ assets, failed, duplicate, missing }).toEqual({ assets: 100, failed: 0, duplicate: 0, missing: 0 });
    expect(retries).toBeGreaterThan(0); // the faults were injected and absorbed
    expect(maxConcurrent).toBeGreaterThan(0);
    expect(maxConcurrent).toBeLessThanOrEqual(20);
    expect(run.status).toBe(0);
});
