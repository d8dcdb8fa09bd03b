#!/usr/bin/env bash
# Make fake-gcs-server (the Cloud Storage stand-in the tests and the demo run) available.
#
#   FAKE_GCS="$(npm run -s setup:fake-gcs | tail -1)"
#
# Progress goes to stderr; the last (and only) line on stdout is the absolute path of the
# `fake-gcs-server` binary. It is built from the Go module pinned in scripts/fake-gcs-tools/go.mod
# (github.com/fsouza/fake-gcs-server) on first use and cached, keyed by version, in
# ${PULUMI_EARTHENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-earthengine}/fake-gcs-server-<version>/,
# the cache scripts/install-pulumi.sh uses. A build goes to a temp dir renamed into place, so an
# interrupted one never leaves a half-populated cache. GOMODCACHE/GOCACHE/GOFLAGS are honoured.
set -euo pipefail

log() { printf '%s\n' "install-fake-gcs: $*" >&2; }
die() { log "error: $*"; exit 1; }

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
tools_mod="$script_dir/fake-gcs-tools"
module=github.com/fsouza/fake-gcs-server

version=""
re="^[[:space:]]*(require[[:space:]]+)?${module//./\\.}[[:space:]]+(v[^[:space:]]+)"
while IFS= read -r line || [[ -n "$line" ]]; do
  if [[ "$line" =~ $re ]]; then version="${BASH_REMATCH[2]}"; break; fi
done <"$tools_mod/go.mod"
[[ -n "$version" ]] || die "cannot find $module in $tools_mod/go.mod"

cache_root="${PULUMI_EARTHENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-earthengine}"
mkdir -p -- "$cache_root"
cache_root="$(cd -- "$cache_root" && pwd -P)"
version_dir="$cache_root/fake-gcs-server-$version"
binary="$version_dir/bin/fake-gcs-server"

if [[ -x "$binary" ]]; then
  log "fake-gcs-server $version is cached in $version_dir/bin"
  printf '%s\n' "$binary"
  exit 0
fi

if ! command -v go >/dev/null && [[ -x /usr/local/go/bin/go ]]; then export PATH="$PATH:/usr/local/go/bin"; fi
command -v go >/dev/null ||
  die "no cached fake-gcs-server $version and no 'go' to build it: install Go (https://go.dev/dl/) and rerun 'npm run setup:fake-gcs'"

tmp_dir="$(mktemp -d -- "$cache_root/.fake-gcs-server-$version.tmp.XXXXXX")"
# shellcheck disable=SC2317  # invoked via trap
cleanup() { rm -rf -- "$tmp_dir"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
chmod 0755 -- "$tmp_dir" # mktemp makes it 0700
mkdir -p -- "$tmp_dir/bin"
if [[ -z "${GOTMPDIR:-}" ]]; then
  mkdir -p -- "$tmp_dir/gotmp"
  export GOTMPDIR="$tmp_dir/gotmp"
fi

log "Building fake-gcs-server $version from Go modules (first run only; cached in $version_dir/bin)"
start=$SECONDS
(cd -- "$tools_mod" && go build -trimpath -o "$tmp_dir/bin/fake-gcs-server" "$module") >&2
log "built fake-gcs-server in $((SECONDS - start))s"
rm -rf -- "$tmp_dir/gotmp"

built=""
while read -r kind path ver _; do
  if [[ ( "$kind" == mod || "$kind" == dep ) && "$path" == "$module" ]]; then built="$ver"; fi
done < <(go version -m "$tmp_dir/bin/fake-gcs-server")
[[ "$built" == "$version" ]] || die "the build contains $module '${built:-unknown}', expected $version"

if ! mv -T -- "$tmp_dir" "$version_dir" 2>/dev/null; then
  # Another run finished first (the directory exists): use its result if it is good.
  [[ -x "$binary" ]] || die "could not move the build into $version_dir"
  log "another run populated $version_dir first; using it"
fi
printf '%s\n' "$binary"
