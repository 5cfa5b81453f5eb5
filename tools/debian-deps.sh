#!/usr/bin/env bash
# Make sure the Debian packages in tools/debian-packages.txt are installed.
# As root: install the missing ones with apt-get. Otherwise: print the exact command and fail.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t wanted < <(grep -v -E '^\s*(#|$)' "$here/debian-packages.txt")
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "debian-deps: this is not a Debian-based system; install the equivalents of:" >&2
    printf '  %s\n' "${wanted[@]}" >&2
    exit 1
fi
missing=()
for pkg in "${wanted[@]}"; do
    # python3-venv is only needed when the python3 on PATH cannot make a venv by itself.
    if [ "$pkg" = python3-venv ] && python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
        continue
    fi
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    echo "debian-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "debian-deps: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
fi
