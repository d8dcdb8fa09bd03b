#!/usr/bin/env bash
# Make Google's official Python client (earthengine-api, with its `earthengine` CLI) available
# for the conformance tests, in a virtual environment outside the repository:
#
#   bash scripts/setup-python-client.sh    # prints the venv's bin directory as the last line
#
# The version is pinned (EARTHENGINE_API_VERSION, default below) and the venv is cached per
# version under ${PULUMI_EARTHENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-earthengine},
# so only the first run downloads from PyPI. A venv counts only once its install finished (the
# marker file), so an interrupted run is redone, not trusted.
set -euo pipefail

version="${EARTHENGINE_API_VERSION:-1.7.50}"
cache="${PULUMI_EARTHENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-earthengine}"
venv="$cache/ee-python-$version"
marker="$venv/.installed"
python="${PYTHON:-python3}"

log() { printf '%s\n' "setup-python-client: $*" >&2; }

mkdir -p "$cache"
# Two test workers may both find the venv missing: the second waits for the first's install.
exec 8>"$cache/.ee-python-$version.lock"
flock 8
if [ ! -f "$marker" ]; then
    command -v "$python" >/dev/null || { log "error: $python not found; install Python 3.9 or newer"; exit 1; }
    log "creating $venv with earthengine-api==$version (first run only)"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "earthengine-api==$version" >&2
    "$venv/bin/python" -c "import ee, sys; sys.exit(0 if ee.__version__ == '$version' else 1)" ||
        { log "error: the installed earthengine-api is not $version"; exit 1; }
    touch "$marker"
fi
exec 8>&-
printf '%s\n' "$venv/bin"
