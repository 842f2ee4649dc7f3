#!/usr/bin/env bash
# Installs the Debian packages the tests start as real processes: prometheus (the telemetry test scrapes a silo with it;
# its promtool checks the compose stack's Prometheus configuration), chromium (the dashboard test drives it headless),
# docker-compose (validates docker-compose.yml offline) and redis-server (the cluster tests run silos on Redis); and the
# npm packages azurite (the Azure Blob Storage emulator the object-store tests start) and apache-arrow (Arrow's
# JavaScript implementation, an independent reader of the corpus files the runs write), into the Ecosystem cache folder.
# Skips what is already installed; runs apt-get update only when something must be installed; uses sudo only when not root.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cache-folder.sh"

# Installs npm package $1 at version $2 into <cache>/$3 unless a completed install of that version is there.
npm_package_into() {
  local package=$1 version=$2 folder="$cache/$3"
  if [[ -f "$folder/.complete-$version" && -d "$folder/node_modules/$package" ]]; then
    echo "$package $version already installed in $folder."
    return
  fi

  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is needed to install $package; install Node.js (it includes npm)." >&2
    exit 1
  fi

  echo "Installing $package $version into $folder ..."
  mkdir -p "$folder"
  rm -f "$folder"/.complete-*
  npm install --prefix "$folder" --no-audit --no-fund --omit=dev --loglevel=error "$package@$version"
  touch "$folder/.complete-$version"
}

# Azurite: the tests look for it in <cache>/azurite. 3.35.0 is the last release that runs on Node.js 20; the tests
# start it with --skipApiVersionCheck, as the SDK is newer.
npm_package_into azurite 3.35.0 azurite
# apache-arrow: the corpus test reads the run's Arrow files with it from <cache>/arrow-js.
npm_package_into apache-arrow 21.2.0 arrow-js

packages=()
command -v prometheus >/dev/null 2>&1 || [[ -x /usr/bin/prometheus ]] || packages+=(prometheus)
command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]] || packages+=(chromium)
command -v redis-server >/dev/null 2>&1 || [[ -x /usr/bin/redis-server ]] || packages+=(redis-server)
command -v docker-compose >/dev/null 2>&1 || [[ -x /usr/bin/docker-compose ]] || packages+=(docker-compose)

if [[ ${#packages[@]} -eq 0 ]]; then
  echo "Test dependencies already installed."
  exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  sudo=(sudo)
fi

echo "Installing ${packages[*]} ..."
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
