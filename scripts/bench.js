#!/usr/bin/env node
// Speed and memory figures (printed, never asserted). Run with `npm run bench`.
const { performance } = require("node:perf_hooks");
const { validateManifest, planUpdate, externalImageProvider: provider } = require("pulumi-earthengine/provider");
const { startEmulator } = require("pulumi-earthengine/emulator");
const pulumi = require("@pulumi/pulumi");

function bigManifest(tilesets) {
    return {
        name: "projects/bench-project/assets/big",
        uriPrefix: "gs://bench-bucket/tiles/",
        tilesets: Array.from({ length: tilesets }, (_, i) => ({ id: `t${i}`, sources: [{ uris: [`tile_${i}.tif`] }] })),
        bands: Array.from({ length: tilesets }, (_, i) => ({ id: `b${i}`, tilesetId: `t${i}`, tilesetBandIndex: 0 })),
        properties: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`key_${i}`, `value ${i}`])),
        startTime: "2026-01-01T00:00:00Z",
    };
}

function measure(label, runs, fn) {
    fn(); // warm-up
    const start = performance.now();
    for (let i = 0; i < runs; i++) fn();
    const ms = (performance.now() - start) / runs;
    console.log(`${label.padEnd(58)} ${ms.toFixed(2).padStart(9)} ms/op`);
    return ms;
}

function percentile(sorted, p) {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function lifecycle(count, concurrency) {
    const emulator = await startEmulator();
    await provider.configure({ config: { get: (k) => ({ "earthengine:endpoint": emulator.url, "earthengine:accessToken": "bench" })[k] } });
    const latencies = { create: [], update: [], read: [], delete: [] };
    const timed = async (kind, fn) => {
        const start = performance.now();
        const result = await fn();
        latencies[kind].push(performance.now() - start);
        return result;
    };
    const one = async (i) => {
        const checked = await provider.check({}, { imageManifest: { ...bigManifest(2), name: `projects/bench-project/assets/img_${i}` } });
        const { id, outs } = await timed("create", () => provider.create(checked.inputs));
        const news = { ...checked.inputs, imageManifest: { ...checked.inputs.imageManifest, properties: { run: i } } };
        const updated = await timed("update", () => provider.update(id, outs, news));
        await timed("read", () => provider.read(id, updated.outs));
        await timed("delete", () => provider.delete(id, updated.outs));
    };
    const start = performance.now();
    let next = 0;
    await Promise.all(
        Array.from({ length: concurrency }, async () => {
            while (next < count) await one(next++);
        }),
    );
    const seconds = (performance.now() - start) / 1000;
    await emulator.close();
    console.log(
        `\nprovider lifecycle against the emulator: ${count} assets, ${concurrency} at a time, ${seconds.toFixed(2)} s (${((count * 4) / seconds).toFixed(0)} calls to the provider/s)`,
    );
    for (const [kind, values] of Object.entries(latencies)) {
        values.sort((a, b) => a - b);
        console.log(`  ${kind.padEnd(7)} p50 ${percentile(values, 50).toFixed(2)} ms   p95 ${percentile(values, 95).toFixed(2)} ms`);
    }
}

async function main() {
    console.log(`node ${process.version}, ${require("node:os").cpus().length} cores\n`);
    for (const size of [10, 1000, 10000]) {
        const manifest = bigManifest(size);
        const bytes = Buffer.byteLength(JSON.stringify(manifest));
        measure(`validateManifest, ${size} tilesets (${(bytes / 1e6).toFixed(2)} MB)`, size >= 10000 ? 5 : 50, () =>
            validateManifest(manifest),
        );
    }
    const a = validateManifest(bigManifest(10000)).manifest;
    const b = { ...a, properties: { ...a.properties, key_0: "changed" } };
    measure("planUpdate, 10000 tilesets, one property changed", 10, () => planUpdate({ imageManifest: a }, { imageManifest: b }));

    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 20 }, () => validateManifest(bigManifest(10000)).manifest);
    const after = process.memoryUsage().heapUsed;
    console.log(`heap per validated 10000-tileset manifest: ${((after - before) / kept.length / 1e6).toFixed(1)} MB`);

    // As a consumer has it (node_modules) and as a symlinked checkout has it (copied by value).
    const installed = require(require("node:path").join(__dirname, "../node_modules/pulumi-earthengine/dist/provider/shim.js"));
    for (const [label, shim] of [
        ["installed package", installed],
        ["source checkout", require("../dist/provider/shim.js")],
    ]) {
        const serialized = await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: true });
        console.log(`serialized __provider, ${label}: ${serialized.text.length} bytes`);
    }

    await lifecycle(200, 10);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
