const { startEmulator } = require("./dist/.bench/emulator");
const ip = require("./dist/.bench/bench/inProcess");
const { pool } = require("./dist/.bench/bench/stats");
(async () => {
  const em = await startEmulator({});
  const mib = () => { global.gc(); const m = process.memoryUsage(); return `rss ${(m.rss/1048576).toFixed(0)} heap ${(m.heapUsed/1048576).toFixed(1)} ext ${(m.external/1048576).toFixed(1)} ab ${(m.arrayBuffers/1048576).toFixed(1)}`; };
  console.log("start", mib());
  await ip.configureProvider({ "earthengine:endpoint": em.url, "earthengine:accessToken": "t" });
  console.log("configured", mib());
  for (let round = 0; round < 5; round++) {
    await pool(400, 20, async (i) => { const inp = await ip.checkedInputs(i, `r${round}`); await ip.provider.create(inp); });
    em.reset();
    console.log("round", round, mib());
  }
  await em.close();
})();
