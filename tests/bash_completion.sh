#!/usr/bin/env bash
# Tests docs/completion/kube-harden.bash against the built binary: commands,
# every flag of every command's --help, choice values, rule ids, files.
#
# Usage: bash_completion.sh KUBE_HARDEN_BINARY COMPLETION_SCRIPT
#
# Completion is driven the way bash drives it: COMP_WORDS split at blanks and
# at "=" (which is in COMP_WORDBREAKS), then the function `complete -p`
# registered is called.

set -u

if [ "$#" -ne 2 ]; then
  echo "usage: $0 KUBE_HARDEN_BINARY COMPLETION_SCRIPT" >&2
  exit 2
fi
binary=$1
script=$2
[[ $binary == /* ]] || binary="$PWD/$binary"
[[ $script == /* ]] || script="$PWD/$script"
[ -x "$binary" ] || { echo "FAIL: kube-harden binary not found: $binary"; exit 1; }
if ((BASH_VERSINFO[0] < 4)); then
  echo "SKIP: bash $BASH_VERSION is older than 4"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kh-completion.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/files/deploy"
ln -s "$binary" "$work/bin/kube-harden"
export PATH="$work/bin:$PATH"
touch "$work/files/pod.yaml" "$work/files/policy.json" "$work/files/deploy/web.yaml"
cd "$work/files" || exit 1

# shellcheck source=/dev/null
source "$script" || { echo "FAIL: could not source $script"; exit 1; }
function_name=$(complete -p kube-harden 2>/dev/null | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
[ -n "$function_name" ] || { echo "FAIL: $script registers no completion function for kube-harden"; exit 1; }

failed=0

# complete LINE: prints the completions, sorted, for the cursor at LINE's end.
complete_line() {
  local line=$1 word
  local -a words=()
  read -r -a words <<<"${line//=/ = }"
  [[ $line == *" " ]] && words+=("")
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  "$function_name" kube-harden "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>"$work/stderr"
  if [ -s "$work/stderr" ]; then
    echo "FAIL: completing '$line' printed to standard error:" >&2
    cat "$work/stderr" >&2
  fi
  for word in "${COMPREPLY[@]}"; do echo "$word"; done | sort
}

# expect LINE WORD...: the completions are exactly these words (a WORD may
# hold several, one per line).
expect() {
  local line=$1
  shift
  local got expected
  got=$(complete_line "$line")
  expected=$(printf '%s\n' "$@" | sed '/^$/d' | sort)
  if [ "$got" != "$expected" ]; then
    echo "FAIL: completing '$line'"
    echo "  expected: $(echo "$expected" | tr '\n' ' ')"
    echo "  got:      $(echo "$got" | tr '\n' ' ')"
    failed=1
  fi
}

# expect_including LINE WORD...: the completions include these words.
expect_including() {
  local line=$1 word
  shift
  local got
  got=$(complete_line "$line")
  for word in "$@"; do
    if ! grep -qxF -- "$word" <<<"$got"; then
      echo "FAIL: completing '$line' does not offer '$word' (got: $(echo "$got" | tr '\n' ' '))"
      failed=1
    fi
  done
}

# From --help, independently of the completion script's own parsing.
subcommands_of() {  # COMMAND...
  "$binary" "$@" --help | awk '/^[A-Z][A-Za-z ]*:$/ { s = $0; next } s == "Subcommands:" && /^  [a-z]/ { print $1 }'
}
flags_of() {  # COMMAND...
  "$binary" "$@" --help | awk '/^  -/ { n = split($1, f, ","); for (i = 1; i <= n; i++) print f[i] }'
}
choices_of() {  # FLAG COMMAND...
  local flag=$1
  shift
  "$binary" "$@" --help | awk -v flag="$flag" '
    /^  -/ { n = split($1, f, ","); for (i = 1; i <= n; i++) if (f[i] == flag && match($0, /\{[^}]*\}/)) {
      n = split(substr($0, RSTART + 1, RLENGTH - 2), v, ","); for (j = 1; j <= n; j++) print v[j] } }'
}
mapfile -t rule_ids < <("$binary" rules | awk 'NR > 1 && NF { print $1 }')
if ((${#rule_ids[@]} < 40)); then
  echo "FAIL: expected the rule catalogue from 'kube-harden rules', got ${#rule_ids[@]} ids"
  exit 1
fi

# Commands, and every flag of every command (recursively).
mapfile -t top_commands < <(subcommands_of)
expect_including "kube-harden " lint rules explain
expect "kube-harden " "${top_commands[@]}"
expect "kube-harden l" lint
expect "kube-harden -" "$(flags_of)"
check_flags() {  # COMMAND...
  local -a flags subs
  mapfile -t flags < <(flags_of "$@")
  expect "kube-harden $* -" "${flags[@]}"
  mapfile -t subs < <(subcommands_of "$@")
  local sub
  for sub in "${subs[@]}"; do check_flags "$@" "$sub"; done
}
for command in "${top_commands[@]}"; do check_flags "$command"; done
expect_including "kube-harden lint -" --format --fail-on --output --jobs -j
expect "kube-harden lint --fa" --fail-on

# Choice values, also after other options and in the --opt=value form.
expect "kube-harden lint --format " "$(choices_of --format lint)"
expect_including "kube-harden lint --format " text json sarif github junit checkstyle
expect "kube-harden lint -f s" sarif
expect "kube-harden lint --format=js" json
expect "kube-harden lint --format=" "$(choices_of --format lint)"
expect "kube-harden lint -j 2 deploy --fail-on m" medium
expect "kube-harden lint --pss " baseline restricted
expect "kube-harden rules --format " "$(choices_of --format rules)"
expect_including "kube-harden lint --k8s-version " latest v1.0 v1.25
expect "kube-harden lint --jobs "
expect "kube-harden lint --namespace "

# Rule ids.
expect "kube-harden explain " "${rule_ids[@]}"
expect "kube-harden explain privileged-c" privileged-container
expect "kube-harden lint --disable host-p" host-path-volume host-ports
expect "kube-harden lint --only privileged-container,host-p" \
  privileged-container,host-path-volume privileged-container,host-ports
expect "kube-harden lint --severity-override image-tag-m" image-tag-mutable=
mapfile -t severities < <(choices_of --fail-on lint | grep -vx never)
expect "kube-harden lint --severity-override image-tag-mutable=" "${severities[@]}"
expect "kube-harden lint --severity-override image-tag-mutable=h" high

# Files: paths and --output.
expect "kube-harden lint " deploy pod.yaml policy.json
expect "kube-harden lint p" pod.yaml policy.json
expect "kube-harden lint pod.yaml deploy/" deploy/web.yaml
expect "kube-harden lint -o po" pod.yaml policy.json
expect "kube-harden lint --format json po" pod.yaml policy.json
expect "kube-harden rules "

if [ "$failed" -eq 0 ]; then
  echo "OK: commands, flags, choices, rule ids and files complete as --help describes them"
fi
exit "$failed"
