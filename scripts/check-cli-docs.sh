#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Keeps genlab-cli's man page and bash completion true to genlab-cli: the man page renders without
# a warning and names every command and every option the commands' --help lists; the completion
# offers every command and completes options and values. CTest runs it (test "cli_docs").
#   scripts/check-cli-docs.sh <genlab-cli>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:?usage: check-cli-docs.sh <genlab-cli>}
man="$root/packaging/genlab-cli.1"
completion="$root/packaging/genlab-cli.bash"
status=0
fail() { echo "$*"; status=1; }

warnings=$(groff -man -ww -z "$man" 2>&1 || true)
[[ -z "$warnings" ]] || fail "genlab-cli.1 does not render cleanly: $warnings"

commands=$("$cli" --help 2>&1 | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
[[ -n "$commands" ]] || fail "genlab-cli --help lists no commands"
words=$(grep -m1 -o 'compgen -W "[^"]*"' "$completion" | sed 's/compgen -W "\(.*\)"/\1/')
text=$(sed 's/\\//g' "$man")  # the man page without groff's escapes
for c in $commands; do
  grep -q "^\.BI\? \"\?$c\b" "$man" || fail "genlab-cli.1 does not describe the command '$c'"
  [[ " $words " == *" $c "* ]] || fail "genlab-cli.bash does not offer the command '$c'"
  for o in $("$cli" "$c" --help 2>&1 | grep -o -- '^ *--[a-z0-9-]*' | tr -d ' ' | grep -v -- '^--help'); do
    grep -q -- "$o\b" <<< "$text" || fail "genlab-cli.1 does not describe '$c $o'"
  done
done

# The completion itself, as bash runs it.
got=$(bash -c '
  source "$1"
  words() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _genlab_cli; echo "${COMPREPLY[*]}"; }
  words "$2" tr; words "$2" train --dev; words "$2" train --model dd; words "$2" resume x --ma; words "$2" train --device c
' _ "$completion" "$cli")
expected=$'train\n--device\nddpm\n--max-steps\ncpu cuda cuda:0 cuda:1'
[[ "$got" == "$expected" ]] || fail "genlab-cli.bash completes differently: $(echo "$got" | tr '\n' '|')"

[[ $status == 0 ]] && echo "man page and completion: $(echo $commands | wc -w) commands, every option described and completed"
exit $status
