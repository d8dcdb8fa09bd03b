/** The median; for an even count, the mean of the two middle values. */
export function median(values: number[]): number {
    if (values.length === 0) throw new Error("median of no values");
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface PairResult<T> {
    subject: T;
    baseline: T;
}

/**
 * Runs `subject` and `baseline` in `pairs` interleaved pairs, alternating which goes first
 * (ABBA), so that drift on a shared machine hits both sides alike. Each run is told whether it is
 * its side's last (a run may then skip untimed clean-up the next one would need).
 */
export async function interleavedPairs<T>(
    pairs: number,
    subject: (last: boolean) => Promise<T>,
    baseline: (last: boolean) => Promise<T>,
): Promise<PairResult<T>[]> {
    const results: PairResult<T>[] = [];
    for (let i = 0; i < pairs; i++) {
        const last = i === pairs - 1;
        if (i % 2 === 0) {
            const s = await subject(last);
            results.push({ subject: s, baseline: await baseline(last) });
        } else {
            const b = await baseline(last);
            results.push({ subject: await subject(last), baseline: b });
        }
    }
    return results;
}

/** Seconds `action` took, with its result. */
export async function timed<T>(action: () => Promise<T>): Promise<{ seconds: number; result: T }> {
    const start = process.hrtime.bigint();
    const result = await action();
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

/** Runs `work(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(
        Array.from({ length: Math.min(concurrency, count) }, async () => {
            while (next < count) await work(next++);
        }),
    );
}
