#!/usr/bin/env bash
# Make sure the Debian packages listed in the given files (default: tools/debian-packages.txt)
# are installed. As root: install the missing ones with apt-get. Otherwise: print the exact
# command and fail.
#   tools/debian-deps.sh                                   the build's packages
#   tools/debian-deps.sh debian-packages.txt debian-packages-test.txt   build + tests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lists=("$@"); [ ${#lists[@]} -gt 0 ] || lists=(debian-packages.txt)
wanted=()
for list in "${lists[@]}"; do
    mapfile -t -O "${#wanted[@]}" wanted < <(grep -v -E '^\s*(#|$)' "$here/$(basename "$list")")
done
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
    # Node.js, npm and Java may come from elsewhere (NodeSource's nodejs bundles npm; a JDK
    # provides java): a working command is enough.
    case "$pkg" in
        nodejs) command -v node >/dev/null 2>&1 && continue ;;
        npm) command -v npm >/dev/null 2>&1 && continue ;;
        default-jre-headless) java -version >/dev/null 2>&1 && continue ;;
    esac
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
