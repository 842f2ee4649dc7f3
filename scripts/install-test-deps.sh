#!/usr/bin/env bash
# Installs the Debian packages the tests start as real processes: prometheus (the telemetry test scrapes a silo with it;
# its promtool checks the compose stack's Prometheus configuration), chromium (the dashboard test drives it headless),
# docker-compose (validates docker-compose.yml offline) and redis-server (the cluster tests run silos on Redis); and the
# npm packages azurite (the Azure Blob Storage emulator the object-store tests start) and apache-arrow (Arrow's
# JavaScript implementation, an independent reader of the corpus files the runs write), into the Ecosystem cache folder.
# Skips what is already installed; runs apt-get update only when something must be installed; uses sudo only when not root.
set -euo pipefail

# Azurite: the tests look for it in <cache>/azurite (the cache folder as scripts/fetch-brown.sh finds it). 3.35.0 is the
# last release that runs on Node.js 20; the tests start it with --skipApiVersionCheck, as the SDK is newer.
azurite_version=3.35.0
if [[ -n "${ECOSYSTEM_CACHE:-}" ]]; then
  cache="$ECOSYSTEM_CACHE"
elif [[ "${XDG_CACHE_HOME:-}" == /* ]]; then
  cache="$XDG_CACHE_HOME/ecosystem"
else
  cache="$HOME/.cache/ecosystem"
fi

azurite="$cache/azurite"
if [[ -f "$azurite/.complete-$azurite_version" && -x "$azurite/node_modules/.bin/azurite-blob" ]]; then
  echo "Azurite $azurite_version already installed in $azurite."
else
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is needed to install Azurite; install Node.js (it includes npm)." >&2
    exit 1
  fi

  echo "Installing Azurite $azurite_version into $azurite ..."
  mkdir -p "$azurite"
  rm -f "$azurite"/.complete-*
  npm install --prefix "$azurite" --no-audit --no-fund --omit=dev --loglevel=error "azurite@$azurite_version"
  touch "$azurite/.complete-$azurite_version"
fi

# apache-arrow: the corpus test reads the run's Arrow files with it from <cache>/arrow-js.
arrow_version=21.2.0
arrow_js="$cache/arrow-js"
if [[ -f "$arrow_js/.complete-$arrow_version" && -d "$arrow_js/node_modules/apache-arrow" ]]; then
  echo "apache-arrow $arrow_version already installed in $arrow_js."
else
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is needed to install apache-arrow; install Node.js (it includes npm)." >&2
    exit 1
  fi

  echo "Installing apache-arrow $arrow_version into $arrow_js ..."
  mkdir -p "$arrow_js"
  rm -f "$arrow_js"/.complete-*
  npm install --prefix "$arrow_js" --no-audit --no-fund --omit=dev --loglevel=error "apache-arrow@$arrow_version"
  touch "$arrow_js/.complete-$arrow_version"
fi

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
