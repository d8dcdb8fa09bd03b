// Jest's test order (jest.config.js `testSequencer`): the longest suites first, so that the
// workers finish together instead of one running a two-minute engine suite alone at the end.
// Jest's own sequencer orders by the durations cached from the last run in this directory; a fresh
// clone has none and falls back to file size, which started the bench (a short file, the longest
// suite) last. Here a suite without a cached duration takes its figure from test/suiteSeconds.json;
// suites in neither (new or fast ones) go first, as jest does, largest file first.
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;
const committed = require("./suiteSeconds.json");

const ROOT = path.join(__dirname, "..");

class LongestFirst extends Sequencer {
    sort(tests) {
        const known = (test) => {
            const cached = this._getCache(test)[test.path];
            if (cached) return cached[1];
            const seconds = committed[path.relative(ROOT, test.path).split(path.sep).join("/")];
            return seconds === undefined ? undefined : seconds * 1000;
        };
        for (const test of tests) test.duration = known(test);
        // Jest's order on those durations: failed last time first, then unknown, then longest first.
        return super.sort(tests);
    }

    /** Jest's `time()` reads only its cache; `sort` above has filled in the committed figures. */
    time(test) {
        return test.duration;
    }
}

module.exports = LongestFirst;
