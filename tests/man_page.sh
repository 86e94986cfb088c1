#!/bin/sh
# Keeps docs/kube-harden.1 in step with the binary: every command and every
# flag that `kube-harden [COMMAND...] --help` lists, and every value of a flag
# with a fixed set of choices (in bold), must be documented in the man page,
# under that command; and the man page must document no command or flag the binary lacks.
# groff, when present, must format the page without a warning.
#
# Usage: man_page.sh KUBE_HARDEN_BINARY MAN_PAGE
#
# Man page layout this relies on: global options under `.SH OPTIONS`; one
# `.SS kube\-harden COMMAND...` subsection per command (the heading holds only
# the command words); each flag as a `.TP` item whose tag line names it, e.g.
# `\fB\-f\fR, \fB\-\-format\fR \fIformat\fR`.

set -u
export LC_ALL=C  # sort and comm must agree

if [ "$#" -ne 2 ]; then
  echo "usage: $0 KUBE_HARDEN_BINARY MAN_PAGE" >&2
  exit 2
fi
binary=$1
page=$2
[ -x "$binary" ] || { echo "FAIL: kube-harden binary not found: $binary"; exit 1; }
[ -r "$page" ] || { echo "FAIL: man page not found: $page"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kh-man.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
failed=0

# --- What the binary says -------------------------------------------------
# help_flags CMD...: prints "CMD<TAB>FLAG" and "CMD<TAB>=VALUE" (choices) for
# the command, then recurses into its subcommands.
help_flags() {
  if ! "$binary" "$@" --help >"$work/help.out" 2>&1; then
    echo "FAIL: kube-harden $* --help exited with an error" >&2
    cat "$work/help.out" >&2
    return 1
  fi
  command_name="$*"
  awk -v cmd="$command_name" '
    /^[A-Z][A-Za-z ]*:$/ { section = $0; next }
    section == "Subcommands:" && /^  [a-z]/ { print $1 > "/dev/stderr"; next }
    /^  -/ {
      n = split($1, names, ",")
      for (i = 1; i <= n; i++) print cmd "\t" names[i]
      if (match($0, /\{[^}]*\}/)) {
        n = split(substr($0, RSTART + 1, RLENGTH - 2), values, ",")
        for (i = 1; i <= n; i++) print cmd "\t=" values[i]
      }
    }
  ' "$work/help.out" 2>"$work/subcommands.$$" || return 1
  subcommands=$(cat "$work/subcommands.$$")
  rm -f "$work/subcommands.$$"
  for sub in $subcommands; do
    echo "$command_name${command_name:+ }$sub	(command)"
    # A subshell, because sh has no local variables.
    # shellcheck disable=SC2086
    (help_flags $command_name "$sub") || return 1
  done
}
help_flags >"$work/help.tsv" || exit 1
sort -u "$work/help.tsv" -o "$work/help.tsv"
grep -q '	--format$' "$work/help.tsv" || {
  echo "FAIL: could not read any flag from --help (did CLI11's layout change?)"
  exit 1
}

# --- What the man page says -----------------------------------------------
# Dashes unescaped; font escapes are removed in awk, which needs them to tell
# bold text (how a choice value must be written) from the rest.
sed -e 's/\\-/-/g' -e 's/\\&//g' -e 's/\\(em/ /g' "$page" >"$work/page.txt"
: >"$work/page-commands.tsv"
: >"$work/page-bold.tsv"
awk '
  function flags_in(line,   n, i, tokens) {
    n = split(line, tokens, /[ ,=\[\]"]+/)
    for (i = 1; i <= n; i++)
      if (tokens[i] ~ /^--?[A-Za-z0-9]/) print cmd "\t" tokens[i]
  }
  function bold_words(text,   n, i, words) {
    n = split(text, words, /[^A-Za-z0-9_.-]+/)
    for (i = 1; i <= n; i++) if (words[i] != "") print cmd "\t=" words[i] > bold
  }
  {
    raw = $0
    gsub(/\\f[BIRP]/, ""); gsub(/\\f\(../, "")  # $0 is now plain text
  }
  /^\.SH/ {
    heading = $0; sub(/^\.SH[ ]+/, "", heading); gsub(/"/, "", heading)
    cmd = (heading == "OPTIONS") ? "" : "-"
    next
  }
  /^\.SS/ {
    heading = $0; sub(/^\.SS[ ]+/, "", heading); gsub(/"/, "", heading)
    if (heading ~ /^kube-harden( |$)/) {
      cmd = heading; sub(/^kube-harden ?/, "", cmd)
      print cmd "\t(command)" > commands
    } else cmd = "-"
    next
  }
  cmd == "-" { next }
  /^\.TP/ { tag = 1; next }
  tag { tag = 0; flags_in($0) }
  # Bold text: .B, .BR and .RB lines (both fonts, close enough) and \fB...
  /^\.(B|BR|RB|BI|IB)[ ]/ { bold_words(substr($0, 4)) }
  {
    while (match(raw, /\\fB[^\\]*/)) {
      bold_words(substr(raw, RSTART + 3, RLENGTH - 3))
      raw = substr(raw, RSTART + RLENGTH)
    }
  }
' commands="$work/page-commands.tsv" bold="$work/page-bold.tsv" "$work/page.txt" >"$work/page-flags.tsv"
sort -u "$work/page-flags.tsv" -o "$work/page-flags.tsv"
sort -u "$work/page-bold.tsv" -o "$work/page-bold.tsv"
sort -u "$work/page-commands.tsv" -o "$work/page-commands.tsv"

# --- Compare ----------------------------------------------------------------
show() {  # "CMD<TAB>X" as "kube-harden CMD: X"
  awk -F '\t' '{ printf "  kube-harden%s%s: %s\n", ($1 == "" ? "" : " "), $1, $2 }'
}

grep '	(command)$' "$work/help.tsv" | sort -u >"$work/help-commands.tsv"
missing=$(comm -23 "$work/help-commands.tsv" "$work/page-commands.tsv")
if [ -n "$missing" ]; then
  echo "FAIL: commands without a '.SS kube\\-harden COMMAND' section in $page:"
  echo "$missing" | show
  failed=1
fi
extra=$(comm -13 "$work/help-commands.tsv" "$work/page-commands.tsv")
if [ -n "$extra" ]; then
  echo "FAIL: $page documents commands the binary does not have:"
  echo "$extra" | show
  failed=1
fi

grep -v -e '	(command)$' -e '	=' "$work/help.tsv" >"$work/help-flags.tsv"
missing=$(comm -23 "$work/help-flags.tsv" "$work/page-flags.tsv")
if [ -n "$missing" ]; then
  echo "FAIL: flags in --help but not documented (as a .TP item) under their command in $page:"
  echo "$missing" | show
  failed=1
fi
extra=$(comm -13 "$work/help-flags.tsv" "$work/page-flags.tsv")
if [ -n "$extra" ]; then
  echo "FAIL: flags documented in $page that --help does not list:"
  echo "$extra" | show
  failed=1
fi

grep '	=' "$work/help.tsv" >"$work/help-values.tsv"
missing=$(comm -23 "$work/help-values.tsv" "$work/page-bold.tsv")
if [ -n "$missing" ]; then
  echo "FAIL: choice values in --help not in bold in the command's section of $page:"
  echo "$missing" | sed 's/	=/	value /' | show
  failed=1
fi

if command -v groff >/dev/null 2>&1; then
  if ! groff -man -ww -z "$page" >"$work/groff.out" 2>&1 || [ -s "$work/groff.out" ]; then
    echo "FAIL: groff warnings for $page:"
    cat "$work/groff.out"
    failed=1
  fi
else
  echo "note: groff not found; the page was not formatted"
fi

if [ "$failed" -eq 0 ]; then
  echo "OK: $(wc -l <"$work/help-commands.tsv") commands, $(wc -l <"$work/help-flags.tsv") flags" \
    "and $(wc -l <"$work/help-values.tsv") choice values of --help are all in the man page"
fi
exit "$failed"
