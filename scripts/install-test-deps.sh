#!/usr/bin/env bash
# Installs the Debian packages the tests start as real processes: prometheus (the telemetry test scrapes a silo with it;
# its promtool checks the compose stack's Prometheus configuration), chromium (the dashboard test drives it headless),
# docker-compose (validates docker-compose.yml offline) and redis-server (the cluster tests run silos on Redis).
# Skips what is already installed; runs apt-get update only when something must be installed; uses sudo only when not root.
set -euo pipefail

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
