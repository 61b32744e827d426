#!/usr/bin/env bash
# The completions stay true. bash: the completion function is run as bash would run it, and
# it must offer every command of `kpi-report --help`, every option of each
# `kpi-report COMMAND --help` after that command, and every value the help lists for an
# option. zsh: every command, option and value appears in the file (and `zsh -n` passes
# when zsh is installed).
# Usage: completions.sh KPI_REPORT_BINARY BASH_COMPLETION ZSH_COMPLETION
set -euo pipefail
here=$(dirname "$0")
binary=$(realpath "$1") bash_file=$(realpath "$2") zsh_file=$(realpath "$3")
items=$("$here/help-options.sh" "$binary")
failures=0 checked=0

# COMPREPLY of the bash completion for the words "$@" (the last one is being completed).
complete_words() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _kpi_report "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' complete "$bash_file" "$@"
}

offers() {  # offers WORD WORDS...: the completion of WORDS... offers WORD
  local word=$1
  shift
  local offered
  offered=$(complete_words "$@")  # not piped into grep -q: its early exit would fail the pipe
  grep -qxF -- "$word" <<<"$offered"
}

fail() {
  echo "$*" >&2
  failures=$((failures + 1))
}

cd "$(mktemp -d)"  # file names offered beside commands come from an empty directory
while read -r kind scope a b; do
  checked=$((checked + 1))
  case $kind in
    command)
      offers "$a" "$binary" "" || fail "bash: 'kpi-report <TAB>' does not offer $a"
      grep -q "'$a:" "$zsh_file" || fail "zsh: no command $a"
      ;;
    option)
      if [ "$scope" = - ]; then
        offers "$a" "$binary" - || fail "bash: 'kpi-report -<TAB>' does not offer $a"
      else
        offers "$a" "$binary" "$scope" - || fail "bash: 'kpi-report $scope -<TAB>' does not offer $a"
      fi
      grep -qE -- "(^|[^-[:alnum:]])$a([^-[:alnum:]]|\$)" "$zsh_file" || fail "zsh: no option $a"
      ;;
    value)
      offers "$b" "$binary" "$scope" "$a" "" ||
        fail "bash: 'kpi-report $scope $a <TAB>' does not offer $b"
      grep -qE -- "[( ]${b}[ )]" "$zsh_file" || fail "zsh: no value $b of $scope $a"
      ;;
  esac
done <<<"$items"
[ "$checked" -gt 20 ] || fail "only $checked items read from --help"

# The input layouts come from `kpi-report formats` itself.
for layout in $("$binary" formats | cut -d' ' -f1); do
  offers "$layout" "$binary" check --input-format "" ||
    fail "bash: 'kpi-report check --input-format <TAB>' does not offer $layout"
done
# Sheets are files: a file name is completed after a command.
touch sheet.xlsx
offers sheet.xlsx "$binary" check "sh" || fail "bash: 'kpi-report check sh<TAB>' does not offer sheet.xlsx"

if command -v zsh >/dev/null; then
  zsh -n "$zsh_file" || fail "zsh -n $zsh_file fails"
fi
[ "$failures" -eq 0 ] && echo "completions: all $checked commands, options and values of --help offered"
exit $((failures > 0))
