#!/usr/bin/env bash
# Installs the Debian packages qa_audit needs, skipping what is already there.
#   scripts/system-deps.sh run    -> what serving the app needs (PDF rendering, asset build)
#   scripts/system-deps.sh test   -> plus PostgreSQL, Redis and Chromium for the test suite
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
command -v npm >/dev/null || packages+=(nodejs npm)
if [[ "${1:-run}" == "test" ]]; then
  packages+=(postgresql redis-server chromium poppler-utils)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
