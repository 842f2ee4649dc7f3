#!/usr/bin/env bash
# Runs the benchmark command (src/Ecosystem.Benchmarks, `ecosystem-bench`) after installing what it needs: the Brown
# corpus, the Debian packages of the peer implementations it is compared with (with OpenBLAS under PyTorch), and
# redis-server for the cluster suite (only those that are missing).
# Arguments go to the command: --suite engine|ngram|transformer|cluster|all, --quick, --out DIR; --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The peers run in Debian's Python, which sees Debian's python3-* packages (another python3 on PATH may not).
python=/usr/bin/python3
# "module:Debian package" for every module a peer imports.
# NLTK for the n-gram suite, PyTorch (with NumPy) for the transformer suite.
peer_modules=("nltk:python3-nltk" "torch:python3-torch" "numpy:python3-numpy")

missing=()
if [[ ! -x "$python" ]]; then
  missing+=(python3)
fi
for entry in "${peer_modules[@]}"; do
  module="${entry%%:*}"
  package="${entry#*:}"
  if [[ ! -x "$python" ]] || ! "$python" -c "import $module" >/dev/null 2>&1; then
    missing+=("$package")
  fi
done

# Debian's python3-torch calls whatever libblas.so.3 is installed; alone, that is the reference BLAS (unblocked,
# one thread), and the transformer suite refuses to compare against it. OpenBLAS takes libblas.so.3 over through
# update-alternatives when installed.
blas_package=libopenblas0-pthread
if ! dpkg-query -W -f='${Status}' "$blas_package" 2>/dev/null | grep -q "install ok installed"; then
  missing+=("$blas_package")
fi

# The cluster suite starts its own redis-server.
if ! command -v redis-server >/dev/null 2>&1 && [[ ! -x /usr/bin/redis-server ]]; then
  missing+=(redis-server)
fi

if ((${#missing[@]} > 0)); then
  sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    sudo=(sudo)
  fi
  echo "Installing ${missing[*]} for the benchmark peers..."
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

bash scripts/fetch-brown.sh
exec dotnet run --project src/Ecosystem.Benchmarks -c Release -- "$@"
