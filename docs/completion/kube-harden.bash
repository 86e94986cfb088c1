# bash completion for kube-harden                         -*- shell-script -*-
#
# Installed as share/bash-completion/completions/kube-harden. Commands, flags
# and the values of flags with a fixed set of choices are read from
# `kube-harden [COMMAND...] --help`, and rule ids from `kube-harden rules -f
# json`, of the kube-harden being completed, so this script never lags behind
# the binary. Needs bash 4; works with and without the bash-completion package.

# _kube_harden_help BINARY [COMMAND...]: the help text of a command.
_kube_harden_help() {
  "$@" --help 2>/dev/null
}

# _kube_harden_subcommands HELP: the names under "Subcommands:".
_kube_harden_subcommands() {
  awk '/^[A-Z][A-Za-z ]*:$/ { section = $0; next }
       section == "Subcommands:" && /^  [a-z]/ { print $1 }' <<<"$1"
}

# _kube_harden_options HELP: one line per option, "NAMES<TAB>SPEC<TAB>DESCRIPTION":
# NAMES comma-separated, SPEC empty for a flag that takes no value, else
# CLI11's type, e.g. TEXT:{text,json}=text or UINT:UINT in [1 - 1024]=2.
_kube_harden_options() {
  awk '
    function flush() { if (names != "") print names "\t" spec "\t" description; names = "" }
    /^  -/ {
      flush()
      line = substr($0, 3)
      names = line; sub(/ .*/, "", names)
      rest = substr(line, length(names) + 1)
      spec = ""; description = ""
      if (rest ~ /^ [A-Z]/) {  # the type follows the names after one space
        spec = substr(rest, 2); sub(/  .*/, "", spec)
        rest = substr(rest, length(spec) + 2)
      }
      description = rest; sub(/^ +/, "", description)
      next
    }
    /^      / && names != "" && description == "" { description = $0; sub(/^ +/, "", description); next }
    { flush() }
    END { flush() }
  ' <<<"$1"
}

# _kube_harden_rule_ids BINARY: every rule id.
_kube_harden_rule_ids() {
  "$1" rules -f json 2>/dev/null | sed -n 's/^ *"id": *"\([^"]*\)".*/\1/p'
}

# _kube_harden_add_words PREFIX CUR WORD...: adds to COMPREPLY each
# PREFIX+WORD that starts with CUR.
_kube_harden_add_words() {
  local prefix=$1 cur=$2 word
  shift 2
  for word in "$@"; do
    [[ $prefix$word == "$cur"* ]] && COMPREPLY+=("$prefix$word")
  done
}

_kube_harden_files() {
  compopt -o filenames 2>/dev/null
  local -a files
  mapfile -t files < <(compgen -f -- "$1")
  COMPREPLY+=("${files[@]}")
}

# _kube_harden_values BINARY OPTION SPEC DESCRIPTION CUR: completes an
# option's value.
_kube_harden_values() {
  local binary=$1 option=$2 spec=$3 description=$4 cur=$5
  local -a rule_ids
  case $option in
    --only | --enable | --disable)
      # Comma-separated rule ids: complete the last one.
      local done_part=
      [[ $cur == *,* ]] && done_part=${cur%,*},
      mapfile -t rule_ids < <(_kube_harden_rule_ids "$binary")
      _kube_harden_add_words "$done_part" "$cur" "${rule_ids[@]}"
      compopt -o nospace 2>/dev/null
      return
      ;;
    --severity-override)
      # RULE=LEVEL; the LEVEL after "=" is completed in _kube_harden.
      mapfile -t rule_ids < <(_kube_harden_rule_ids "$binary")
      local -a with_equals=("${rule_ids[@]/%/=}")
      _kube_harden_add_words "" "$cur" "${with_equals[@]}"
      compopt -o nospace 2>/dev/null
      return
      ;;
  esac
  if [[ $spec == *"{"*"}"* ]]; then
    local choices=${spec#*\{}
    choices=${choices%%\}*}
    local -a values
    IFS=, read -r -a values <<<"$choices"
    _kube_harden_add_words "" "$cur" "${values[@]}"
  elif [[ $spec == *"v1.N|latest"* ]]; then
    # "... v1.0 to v1.37 ...": every version the binary knows.
    local -a versions=(latest)
    local newest=${description##*to v1.}
    newest=${newest%%[!0-9]*}
    if [[ -n $newest ]]; then
      local minor
      for ((minor = newest; minor >= 0; minor--)); do versions+=("v1.$minor"); done
    fi
    _kube_harden_add_words "" "$cur" "${versions[@]}"
  elif [[ $spec == TEXT* && $option != --namespace ]]; then
    _kube_harden_files "$cur"
  fi
}

_kube_harden() {
  local binary=${COMP_WORDS[0]}
  local cur=${COMP_WORDS[COMP_CWORD]}
  local cword=$COMP_CWORD
  COMPREPLY=()

  # `--opt=value` and `--severity-override RULE=LEVEL`: bash splits words at
  # "=" (it is in COMP_WORDBREAKS), so the word before "=" is the key. The
  # words before index `last` are scanned for the command path.
  local key_index=0 last=$cword
  if [[ $cur == "=" && $cword -ge 2 ]]; then
    key_index=$((cword - 1))
    cur=
  elif [[ $cword -ge 3 && ${COMP_WORDS[cword - 1]} == "=" ]]; then
    key_index=$((cword - 2))
  fi
  local equals_option=''
  if ((key_index > 0)); then
    last=$key_index
    if [[ ${COMP_WORDS[key_index]} == -* ]]; then
      equals_option=${COMP_WORDS[key_index]}
    elif [[ ${COMP_WORDS[key_index - 1]} == --severity-override ]]; then
      _kube_harden_add_words "" "$cur" critical high medium low info
      return
    fi
  fi

  # The command path (e.g. `lint`) and whether a positional argument came yet.
  local -a command=()
  local help subcommands options word i positional=0 expects_value=
  help=$(_kube_harden_help "$binary") || return
  subcommands=$(_kube_harden_subcommands "$help")
  options=$(_kube_harden_options "$help")
  for ((i = 1; i < last; i++)); do
    word=${COMP_WORDS[i]}
    if [[ -n $expects_value ]]; then
      expects_value=
      continue
    fi
    if [[ $word == "=" ]]; then
      ((i++))
      continue
    fi
    if [[ $word == -* ]]; then
      # An option that takes a value consumes the next word.
      local spec
      spec=$(awk -F '\t' -v name="$word" '
        { n = split($1, names, ","); for (j = 1; j <= n; j++) if (names[j] == name) print "v" $2 }' \
        <<<"$options")
      [[ $spec == v?* && ${COMP_WORDS[i + 1]} != "=" ]] && expects_value=1
      continue
    fi
    if ((positional == 0)) && grep -qx -- "$word" <<<"$subcommands"; then
      command+=("$word")
      help=$(_kube_harden_help "$binary" "${command[@]}") || return
      subcommands=$(_kube_harden_subcommands "$help")
      options=$(_kube_harden_options "$help")
      continue
    fi
    positional=1
  done

  local option_name=$equals_option
  [[ -z $option_name && -n $expects_value ]] && option_name=${COMP_WORDS[cword - 1]}
  if [[ -n $option_name ]]; then
    local line
    line=$(awk -F '\t' -v name="$option_name" '
      { n = split($1, names, ","); for (j = 1; j <= n; j++) if (names[j] == name) print }' \
      <<<"$options")
    if [[ -n $line ]]; then
      local spec description
      spec=$(cut -f2 <<<"$line")
      description=$(cut -f3 <<<"$line")
      _kube_harden_values "$binary" "$option_name" "$spec" "$description" "$cur"
      return
    fi
  fi

  if [[ $cur == -* ]]; then
    local -a names
    mapfile -t names < <(cut -f1 <<<"$options" | tr ',' '\n')
    _kube_harden_add_words "" "$cur" "${names[@]}"
    return
  fi
  if ((positional == 0)) && [[ -n $subcommands ]]; then
    local -a names
    mapfile -t names <<<"$subcommands"
    _kube_harden_add_words "" "$cur" "${names[@]}"
    return
  fi
  # Positional arguments: rule ids for `explain`, files for the rest.
  if grep -q '^  rule-id ' <<<"$help"; then
    local -a rule_ids
    mapfile -t rule_ids < <(_kube_harden_rule_ids "$binary")
    _kube_harden_add_words "" "$cur" "${rule_ids[@]}"
  elif grep -q '^Positionals:' <<<"$help"; then
    _kube_harden_files "$cur"
  fi
}

complete -F _kube_harden kube-harden
