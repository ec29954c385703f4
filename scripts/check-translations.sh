#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a user-visible string of app/ or widgets/ is missing from a translation, is left
# unfinished there, or cannot be extracted at all (a tr() lupdate cannot place). Runs lupdate on a
# copy, so the committed .ts files stay as they are. CTest runs it (test "translations").
#   scripts/check-translations.sh [lupdate]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${1:-/usr/lib/qt6/bin/lupdate}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$root"/translations/*.ts; do
  name=$(basename "$ts")
  cp "$ts" "$work/$name"
  (cd "$root" && "$lupdate" -no-obsolete -locations absolute app widgets -ts "$work/$name") > "$work/log" 2>&1 || {
    cat "$work/log"
    exit 1
  }
  # lupdate's warnings: strings it could not give a context (so never translated).
  if grep -E "cannot be called without context|lacks Q_OBJECT|Cannot invoke tr" "$work/log"; then
    echo "$name: the strings above cannot be extracted; use QCoreApplication::translate(\"Context\", \"…\")"
    status=1
  fi
  # Strings missing from the committed file come back from lupdate unfinished, as do untranslated ones.
  missing=$(grep -c 'type="unfinished"' "$work/$name" || true)
  if [[ "$missing" != 0 ]]; then
    echo "$name: $missing strings missing or untranslated:"
    python3 - "$work/$name" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'<message[^>]*>((?:(?!</message>).)*)</message>', s, flags=re.S):
    if 'type="unfinished"' in m.group(1):
        print("  " + re.search(r"<source>(.*?)</source>", m.group(1), re.S).group(1))
PY
    echo "Run: cmake --build build --target update_translations, then translate them in $name"
    status=1
  fi
done
[[ $status == 0 ]] && echo "translations complete: $(ls "$root"/translations/*.ts | wc -l) file(s), no missing or unfinished string"
exit $status
