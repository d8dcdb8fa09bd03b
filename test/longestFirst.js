// Jest's test order (jest.config.js `testSequencer`): the longest suites first, so that the
// workers finish together instead of one running a two-minute engine suite alone at the end.
// Jest's own sequencer orders by the durations cached from the last run in this directory; a fresh
// clone has none and falls back to file size, which started the bench (a short file, the longest
// suite) last. Here a suite without a cached duration takes its figure from test/suiteSeconds.json,
// else an estimate: an unlisted e2e suite (engine commands) as a middling one, any other as a fast one.
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;
const committed = require("./suiteSeconds.json");

const ROOT = path.join(__dirname, "..");
const UNLISTED_SECONDS = { e2e: 20, other: 1 };

class LongestFirst extends Sequencer {
    sort(tests) {
        for (const test of tests) test.duration = this.estimate(test);
        // Jest's order on those durations: failed last time first, then the longest first.
        return super.sort(tests);
    }

    /** Milliseconds: jest's cached duration, else the committed figure, else the estimate for its project. */
    estimate(test) {
        const cached = this._getCache(test)[test.path];
        if (cached) return cached[1];
        const seconds = committed[path.relative(ROOT, test.path).split(path.sep).join("/")];
        if (seconds !== undefined) return seconds * 1000;
        return (test.context.config.displayName?.name === "e2e" ? UNLISTED_SECONDS.e2e : UNLISTED_SECONDS.other) * 1000;
    }

    /** Jest's `time()` reads only its cache; `sort` above has filled in the other figures. */
    time(test) {
        return test.duration;
    }
}

module.exports = LongestFirst;
