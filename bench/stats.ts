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

/**
 * Least-squares a, b of y = a·N + b·N² (no constant: nothing costs nothing), from two or more
 * points with distinct N. What the engine's per-resource snapshot writes grow like (issue 20).
 */
export function fitLinearQuadratic(points: readonly { n: number; y: number }[]): { a: number; b: number } {
    let [s2, s3, s4, sy1, sy2] = [0, 0, 0, 0, 0];
    for (const { n, y } of points) {
        s2 += n * n;
        s3 += n * n * n;
        s4 += n * n * n * n;
        sy1 += n * y;
        sy2 += n * n * y;
    }
    const det = s2 * s4 - s3 * s3;
    if (points.length < 2 || det === 0) throw new Error("fitting a·N + b·N² takes two or more distinct sizes");
    return { a: (sy1 * s4 - sy2 * s3) / det, b: (s2 * sy2 - s3 * sy1) / det };
}

/** One line per figure, for the progress log: a run stopped early still shows what it measured. */
export function figureLines(figures: readonly { name: string; value: number; unit: string; note: string }[]): string[] {
    return figures.map((f) => `${f.name} = ${Number.isInteger(f.value) ? f.value : f.value.toFixed(3)} ${f.unit} (${f.note})`);
}
