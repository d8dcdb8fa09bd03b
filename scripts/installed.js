// What an install script (scripts/install-pulumi.sh, scripts/install-fake-gcs.sh) found, cached or built:
// it logs to stderr and prints the path last on stdout.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

/** Runs `scripts/<script>` with bash (its log on this process's stderr) and returns the last line it printed. */
function installedPath(script) {
    return execFileSync("bash", [path.join(__dirname, script)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
        .trim()
        .split("\n")
        .pop();
}

module.exports = { installedPath };
