#!/usr/bin/env bash
# Make a Pulumi CLI (plus the Node.js language host and the dynamic-provider launcher) available.
#
#   PATH="$(npm run -s setup:pulumi | tail -1):$PATH"
#
# Progress goes to stderr; the last (and only) line on stdout is the absolute directory holding
# `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`.
#
# Order of preference:
#   1. a compatible `pulumi` already on PATH, with the language host and launcher reachable
#      (skipped when PULUMI_EARTHENGINE_FORCE_BUILD=1);
#   2. the per-version cache, ${PULUMI_EARTHENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-earthengine};
#   3. a build from the Go modules in scripts/pulumi-tools/ (needs `go`), moved into the cache atomically.
#
# Environment: PULUMI_VERSION (default: the version pinned in scripts/pulumi-tools/cli/go.mod),
# PULUMI_EARTHENGINE_CACHE, PULUMI_EARTHENGINE_FORCE_BUILD=1. GOMODCACHE/GOCACHE/GOFLAGS are honoured.
set -euo pipefail

log() { printf '%s\n' "install-pulumi: $*" >&2; }
die() { log "error: $*"; exit 1; }

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$script_dir/.." && pwd -P)"
tools_dir="$script_dir/pulumi-tools"
cli_mod="$tools_dir/cli"
host_mod="$tools_dir/language-nodejs"
launcher_name="pulumi-resource-pulumi-nodejs"
launcher_src="$repo_root/node_modules/@pulumi/pulumi/$launcher_name"

# Print the version of MODULE required by the go.mod file GOMOD (bash only, no awk/grep).
gomod_version() {
  local gomod="$1" module="$2" line
  local re="^[[:space:]]*(require[[:space:]]+)?${module//./\\.}[[:space:]]+(v[^[:space:]]+)"
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ $re ]]; then
      printf '%s\n' "${BASH_REMATCH[2]}"
      return 0
    fi
  done <"$gomod"
  return 1
}

pinned_version="$(gomod_version "$cli_mod/go.mod" github.com/pulumi/pulumi/pkg/v3)" ||
  die "cannot find github.com/pulumi/pulumi/pkg/v3 in $cli_mod/go.mod"
host_version="$(gomod_version "$host_mod/go.mod" github.com/pulumi/pulumi/sdk/v3)" ||
  die "cannot find github.com/pulumi/pulumi/sdk/v3 in $host_mod/go.mod"

version="${PULUMI_VERSION:-$pinned_version}"
version="v${version#v}"
[[ "$version" =~ ^v3\.([0-9]+)\.([0-9]+)$ ]] ||
  die "PULUMI_VERSION must look like v3.MINOR.PATCH (got '$version')"
want_minor="${BASH_REMATCH[1]}"
want_patch="${BASH_REMATCH[2]}"

cache_root="${PULUMI_EARTHENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-earthengine}"
mkdir -p -- "$cache_root"
cache_root="$(cd -- "$cache_root" && pwd -P)"
version_dir="$cache_root/pulumi-$version"
bin_dir="$version_dir/bin"

export PULUMI_SKIP_UPDATE_CHECK=1

# `pulumi version` of the binary at $1, or nothing if it does not run.
pulumi_version_of() { "$1" version 2>/dev/null | tail -n 1 || true; }

# True if version string $1 is v3.x.y with (x, y) >= the wanted (minor, patch).
compatible() {
  [[ "$1" =~ ^v3\.([0-9]+)\.([0-9]+) ]] || return 1
  local minor=$((10#${BASH_REMATCH[1]})) patch=$((10#${BASH_REMATCH[2]}))
  ((minor > 10#$want_minor || (minor == 10#$want_minor && patch >= 10#$want_patch)))
}

# Copy the dynamic-provider launcher into directory $1 (keeps the executable bit).
copy_launcher() {
  [[ -f "$launcher_src" ]] ||
    die "$launcher_src is missing; run 'npm install' in $repo_root first"
  cp -- "$launcher_src" "$1/$launcher_name"
  chmod 0755 -- "$1/$launcher_name"
}

finish() {
  log "using $1 (prepend it to PATH: export PATH=\"$1:\$PATH\")"
  printf '%s\n' "$1"
  exit 0
}

# 1. A compatible Pulumi already on PATH.
if [[ "${PULUMI_EARTHENGINE_FORCE_BUILD:-}" != 1 ]] && path_pulumi="$(command -v pulumi)"; then
  path_dir="$(cd -- "$(dirname -- "$path_pulumi")" && pwd -P)"
  path_version="$(pulumi_version_of "$path_pulumi")"
  if ! compatible "$path_version"; then
    log "ignoring $path_pulumi (version '${path_version:-unknown}', need >= $version)"
  else
    missing=()
    [[ -x "$path_dir/pulumi-language-nodejs" ]] || command -v pulumi-language-nodejs >/dev/null ||
      missing+=(pulumi-language-nodejs)
    [[ -x "$path_dir/$launcher_name" ]] || command -v "$launcher_name" >/dev/null ||
      missing+=("$launcher_name")
    if ((${#missing[@]} == 0)); then
      log "found compatible Pulumi $path_version on PATH"
      finish "$path_dir"
    fi
    log "Pulumi $path_version on PATH ($path_pulumi) lacks ${missing[*]} beside it or on PATH; using the cache instead"
  fi
fi

# 2. Warm cache.
if [[ -x "$bin_dir/pulumi" && -x "$bin_dir/pulumi-language-nodejs" ]] &&
  [[ "$(pulumi_version_of "$bin_dir/pulumi")" == "$version" ]]; then
  if [[ ! -x "$bin_dir/$launcher_name" ]]; then
    log "restoring $launcher_name in $bin_dir"
    copy_launcher "$bin_dir"
  fi
  log "Pulumi $version is cached in $bin_dir"
  finish "$bin_dir"
fi

# 3. Build from the Go tools modules.
if ! command -v go >/dev/null; then
  die "no compatible Pulumi (>= $version) on PATH and no 'go' to build one.
  Install Pulumi: https://www.pulumi.com/docs/install/ (it must include pulumi-language-nodejs and
  $launcher_name, as the official installer does), or install Go
  (https://go.dev/dl/) and rerun 'npm run setup:pulumi' to build $version into $cache_root."
fi
[[ -f "$launcher_src" ]] ||
  die "$launcher_src is missing; run 'npm install' in $repo_root first"

# Everything goes into a temp dir beside the cache entry and is renamed into place at the end, so an
# interrupted build never leaves a half-populated cache.
tmp_dir="$(mktemp -d -- "$cache_root/.pulumi-$version.tmp.XXXXXX")"
old_dir=""
# shellcheck disable=SC2317  # invoked via trap
cleanup() {
  rm -rf -- "$tmp_dir"
  if [[ -n "$old_dir" ]]; then rm -rf -- "$old_dir"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
chmod 0755 -- "$tmp_dir" # mktemp makes it 0700
mkdir -p -- "$tmp_dir/bin"
if [[ -z "${GOTMPDIR:-}" ]]; then
  # Keep go's work dirs inside tmp_dir so an interrupted build leaves nothing behind in /tmp.
  mkdir -p -- "$tmp_dir/gotmp"
  export GOTMPDIR="$tmp_dir/gotmp"
fi

build_flags=(-trimpath -tags "osusergo,grpcnotrace")
version_pkg=github.com/pulumi/pulumi/sdk/v3/go/common/version.Version

cli_src="$cli_mod"
if [[ "$version" != "$pinned_version" ]]; then
  # Overridden version: re-pin a scratch copy of the tools module (the repo's files stay untouched).
  log "PULUMI_VERSION=$version differs from the pinned $pinned_version; resolving it in a scratch module"
  cli_src="$tmp_dir/cli-module"
  mkdir -p -- "$cli_src"
  cp -- "$cli_mod/go.mod" "$cli_mod/go.sum" "$cli_mod/tools.go" "$cli_src/"
  (
    # `&&`, not newlines: set -e is off inside a subshell that is the left side of `||`.
    cd -- "$cli_src" &&
      go get "github.com/pulumi/pulumi/pkg/v3@$version" "github.com/pulumi/pulumi/sdk/v3@$version" &&
      go mod tidy
  ) >&2 || die "could not resolve Pulumi $version through the Go module proxy ($(go env GOPROXY)); unset PULUMI_VERSION to build the pinned $pinned_version"
fi

log "Building the Pulumi CLI $version from Go modules (first run only; about 4-8 minutes on 2 cores, cached in $bin_dir)"
start=$SECONDS
(
  cd -- "$cli_src"
  go build "${build_flags[@]}" -ldflags "-X $version_pkg=$version" \
    -o "$tmp_dir/bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
) >&2
log "built pulumi in $((SECONDS - start))s"

log "Building the Node.js language host from github.com/pulumi/pulumi/sdk/v3 $host_version"
start=$SECONDS
(
  cd -- "$host_mod"
  go build "${build_flags[@]}" -ldflags "-X $version_pkg=$host_version" \
    -o "$tmp_dir/bin/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs
) >&2
log "built pulumi-language-nodejs in $((SECONDS - start))s"

copy_launcher "$tmp_dir/bin"
rm -rf -- "$tmp_dir/cli-module" "$tmp_dir/gotmp"

built_version="$(pulumi_version_of "$tmp_dir/bin/pulumi")"
[[ "$built_version" == "$version" ]] ||
  die "the freshly built pulumi reports '${built_version:-nothing}', expected $version"
# The ldflags only stamp the version string; check the module that was actually compiled in too.
built_module=""
while read -r kind path ver _; do
  if [[ "$kind" == mod && "$path" == github.com/pulumi/pulumi/pkg/v3 ]]; then built_module="$ver"; fi
done < <(go version -m "$tmp_dir/bin/pulumi")
[[ "$built_module" == "$version" ]] ||
  die "the freshly built pulumi contains github.com/pulumi/pulumi/pkg/v3 '${built_module:-unknown}', expected $version"

# Move into place: set any stale entry aside first, then rename (atomic within one filesystem).
if [[ -e "$version_dir" ]]; then
  old_dir="$(mktemp -d -- "$cache_root/.pulumi-$version.old.XXXXXX")"
  mv -- "$version_dir" "$old_dir/"
fi
if ! mv -T -- "$tmp_dir" "$version_dir" 2>/dev/null; then
  # Another run finished first; use its result if it is good.
  [[ "$(pulumi_version_of "$bin_dir/pulumi")" == "$version" ]] ||
    die "could not move the build into $version_dir"
  log "another run populated $version_dir first; using it"
fi
finish "$bin_dir"
