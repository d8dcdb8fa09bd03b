// Loaded before every test file (jest.config.js `setupFiles`).
//
// @pulumi/pulumi's automation/interface module copies every property of `process` (its compiled
// `__importStar(require("process"))`), which reads the lazy `process.stdin` getter and so opens
// the worker's stdin, a pipe from jest. That open handle kept a jest worker alive after its last
// suite until jest killed it ("A worker process has failed to exit gracefully and has been force
// exited"): every suite loading the SDK, the provider or the Automation API did it. No test reads
// stdin, so in a worker (a child process with an IPC channel) it must not keep the process alive.
// (stdin is a socket there; elsewhere it may be a file or /dev/null stream, without unref).
const stdin: { unref?: () => void } = process.stdin;
if (typeof process.send === "function" && typeof stdin.unref === "function") stdin.unref();
