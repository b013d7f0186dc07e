#!/usr/bin/env bash
# Print the path of a working Python interpreter of the wanted minor version.
# Usage: scripts/find-python.sh 3.10
# Looks on PATH first (pythonX.Y, then python3/python), then in pyenv's versions.
# A pyenv shim that exists but is not activated does not count: every candidate
# is run once to prove it works and has the right version.
set -u
want="${1:?usage: find-python.sh X.Y}"

works() {
  "$1" -c "import sys, venv; sys.exit(0 if '%d.%d' % sys.version_info[:2] == '$want' else 1)" >/dev/null 2>&1
}

for name in "python$want" python3 python; do
  cand=$(command -v "$name" 2>/dev/null) || continue
  if works "$cand"; then echo "$cand"; exit 0; fi
done

roots=()
command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root 2>/dev/null)")
roots+=("${PYENV_ROOT:-}" "$HOME/.pyenv")
for root in "${roots[@]}"; do
  [ -n "$root" ] && [ -d "$root/versions" ] || continue
  for cand in $(ls -d "$root"/versions/"$want".*/bin/python"$want" 2>/dev/null | sort -V -r); do
    if works "$cand"; then echo "$cand"; exit 0; fi
  done
done

echo "error: Python $want was not found (looked on PATH and in pyenv's versions)." >&2
echo "Install it, e.g. 'pyenv install $want', and run make again." >&2
exit 1
