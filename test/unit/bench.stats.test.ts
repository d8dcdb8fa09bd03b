import { figureLines, fitLinearQuadratic } from "../../bench/stats";

// The fitted per-image up beyond the measured sizes (issue 20): y = a·N + b·N², no constant.
test("fitLinearQuadratic recovers a and b from exact points and fits noisy ones by least squares", () => {
    const exact = [100, 200, 400, 1000].map((n) => ({ n, y: 0.09 * n + 6e-6 * n * n }));
    const { a, b } = fitLinearQuadratic(exact);
    expect(a).toBeCloseTo(0.09, 10);
    expect(b).toBeCloseTo(6e-6, 12);
    const noisy = fitLinearQuadratic(exact.map((p, i) => ({ n: p.n, y: p.y * (i % 2 === 0 ? 1.01 : 0.99) })));
    expect(noisy.a).toBeCloseTo(0.09, 2);
    expect(() => fitLinearQuadratic([{ n: 100, y: 9 }])).toThrow(/two or more distinct sizes/);
});

test("figureLines: one line per figure with its value, unit and note", () => {
    expect(figureLines([{ name: "batch.stateBytes.n200", value: 116579, unit: "bytes", note: "583 B/image" }])).toEqual([
        "batch.stateBytes.n200 = 116579 bytes (583 B/image)",
    ]);
});
