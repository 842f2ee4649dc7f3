#!/usr/bin/env bash
# Runs the benchmarks: ecosystem-bench --suite engine|ngram|transformer|all [--quick] [--out DIR].
# Installs the peers' Debian packages (NLTK for the n-gram, PyTorch for the transformer) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
python=/usr/bin/python3
if ! "$python" -c "import nltk, torch, numpy" >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-nltk python3-torch python3-numpy
fi
bash scripts/fetch-brown.sh
exec dotnet run --project src/Ecosystem.Benchmarks -c Release -- "$@"
