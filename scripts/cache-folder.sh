# Sourced by the scripts that fill the Ecosystem cache: sets $cache to the folder Ecosystem.Corpus.CorpusCache resolves
# (ECOSYSTEM_CACHE, else $XDG_CACHE_HOME/ecosystem when absolute, else ~/.cache/ecosystem).
if [[ -n "${ECOSYSTEM_CACHE:-}" ]]; then
  cache="$ECOSYSTEM_CACHE"
elif [[ "${XDG_CACHE_HOME:-}" == /* ]]; then
  cache="$XDG_CACHE_HOME/ecosystem"
else
  cache="$HOME/.cache/ecosystem"
fi
