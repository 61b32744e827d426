# bash completion for kpi-report                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/kpi-report. Kept true by a test
# (tests/packaging/completions.sh): every command and option that `kpi-report --help` and
# `kpi-report COMMAND --help` print must be offered here.
# shellcheck disable=SC2207  # COMPREPLY=($(compgen ...)): the usual completion idiom

_kpi_report() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  fi

  local commands="report check convert formats"
  local input_options="--input-format --sheet --profile -j --jobs -o --output -h --help"
  local report_options="--lang --year --width --ambiguous-width --encoding"

  # The command: the first word that names one (report is the default).
  local command="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      report | check | convert | formats)
        command=${words[i]}
        break
        ;;
    esac
  done

  # Option values.
  case $prev in
    --input-format)
      local names
      names=$("${words[0]}" formats 2>/dev/null | cut -d' ' -f1)
      [ -n "$names" ] || names="takaoka toyama joetsu kanazawa canonical kpi-json grid"
      COMPREPLY=($(compgen -W "$names" -- "$cur"))
      return
      ;;
    -f | --format)
      if [ "$command" = check ]; then
        COMPREPLY=($(compgen -W "text json github junit sarif" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "table json markdown html csv xlsx" -- "$cur"))
      fi
      return
      ;;
    --lang)
      COMPREPLY=($(compgen -W "ja en" -- "$cur"))
      return
      ;;
    --ambiguous-width)
      COMPREPLY=($(compgen -W "1 2" -- "$cur"))
      return
      ;;
    --encoding)
      COMPREPLY=($(compgen -W "UTF-8 cp932" -- "$cur"))
      return
      ;;
    --to)
      COMPREPLY=($(compgen -W "csv json" -- "$cur"))
      return
      ;;
    --fail-on)
      COMPREPLY=($(compgen -W "consistent unchecked finding mismatch" -- "$cur"))
      return
      ;;
    --no-fail-on)
      COMPREPLY=($(compgen -W "mismatch finding" -- "$cur"))
      return
      ;;
    -j | --jobs | --tolerance | --sheet | --year | --width)
      return
      ;;
    --profile | -o | --output)
      COMPREPLY=($(compgen -f -- "$cur"))
      return
      ;;
  esac

  if [[ $cur == -* ]]; then
    local options
    case $command in
      check) options="$input_options -f --format --fail-on --no-fail-on --tolerance -v --verbose --lang" ;;
      convert) options="$input_options --to -v --verbose" ;;
      formats) options="-h --help" ;;
      report) options="$input_options -f --format -v --verbose $report_options" ;;
      *) options="-h --help -V --version $input_options -f --format -v --verbose $report_options" ;;
    esac
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi

  [ "$command" = formats ] && return
  if [ -z "$command" ]; then
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
  fi
  # Sheets: files and directories.
  local IFS=$'\n'
  COMPREPLY+=($(compgen -f -- "$cur"))
  compopt -o filenames 2>/dev/null
} &&
  complete -F _kpi_report kpi-report
