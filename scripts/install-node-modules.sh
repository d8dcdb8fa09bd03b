#!/usr/bin/env bash
# node_modules exactly as `npm ci` lays it out, then the build (what npm ci's `prepare` runs).
#
# `npm ci` takes about 28 s of warm CI even with every package in npm's cache: it unpacks and checks
# 609 packages each time. So after a successful `npm ci` this keeps a snapshot of node_modules in the
# cache, named by a hash of everything that decides its contents: package-lock.json, package.json's
# dependency fields and install scripts (what npm ci checks against the lockfile and runs), the node
# and npm versions and the platform. The next run with the same hash unpacks the snapshot (about 2 s)
# instead; anything else, such as a dependency added to package.json, runs `npm ci` again.
# node_modules/pulumi-earthengine is left out: the build installs it from this checkout.
#
#   bash scripts/install-node-modules.sh      (PULUMI_EARTHENGINE_CACHE: the cache, default ~/.cache/pulumi-earthengine)
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${PULUMI_EARTHENGINE_CACHE:-$HOME/.cache/pulumi-earthengine}/node_modules"
installInputs() {
    node -e '
        const p = require("./package.json");
        const fields = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "peerDependenciesMeta",
            "bundleDependencies", "bundledDependencies", "overrides", "workspaces"];
        const scripts = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"];
        console.log(JSON.stringify([fields.map((f) => p[f]), scripts.map((s) => p.scripts?.[s])]));'
    cat package-lock.json
    node --version
    npm --version
    uname -sm
}
key=$(installInputs | sha256sum | cut -c1-16)
# zstd when the machine has it (unpacks 411 MB in about 2 s), else gzip.
if command -v zstd >/dev/null 2>&1; then ext=tar.zst pack=(zstd -q -1 -T0) unpack=(zstd -q -dc); else ext=tar.gz pack=(gzip -1) unpack=(gzip -dc); fi
snapshot="$cache/$key.$ext"

# The snapshot, unpacked whole (a damaged one is removed and npm ci runs instead).
unpacked() {
    [ -f "$snapshot" ] || return 1
    echo "install-node-modules: unpacking the snapshot for this lockfile ($snapshot)"
    rm -rf node_modules
    # npm ci writes node_modules/.package-lock.json last: without it the snapshot is not one npm ci made.
    if "${unpack[@]}" "$snapshot" | tar -xf - && [ -s node_modules/.package-lock.json ]; then return 0; fi
    echo "install-node-modules: the snapshot would not unpack whole; removing it and running npm ci" >&2
    rm -rf node_modules
    rm -f "$snapshot"
    return 1
}

# A snapshot of node_modules as npm ci left it, for the next run. Best effort: a cache that cannot be
# written (read-only, full) costs the next run its npm ci, never this run.
keep() {
    mkdir -p "$cache" || return 1
    partial=$(mktemp "$cache/.partial-XXXXXX") || return 1
    trap 'rm -f "$partial"' EXIT
    tar --exclude=node_modules/pulumi-earthengine -cf - node_modules | "${pack[@]}" >"$partial" || return 1
    chmod 644 "$partial" && mv "$partial" "$snapshot" || return 1
    # Keep the three newest snapshots (about 77 MB each).
    ls -t "$cache"/*.tar.* | tail -n +4 | xargs -r rm -f
    echo "install-node-modules: node_modules kept for the next run ($snapshot)"
}

if unpacked; then
    npm run -s build
else
    # --prefer-offline: packages and their metadata come from npm's cache without asking the registry again
    # whether each changed; the lockfile pins every version and integrity hash, so the tree is the same.
    npm ci --no-audit --no-fund --prefer-offline
    keep || echo "install-node-modules: could not keep a snapshot in $cache (the next run runs npm ci)" >&2
fi
