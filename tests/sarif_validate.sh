#!/bin/sh
# Validates kube-harden's SARIF against the SARIF 2.1.0 schema and GitHub's
# ingestion rules with Microsoft's SARIF Multitool (`--rule-kind "Sarif;Gh"`).
#
# Usage: sarif_validate.sh KUBE_HARDEN_BINARY CACHE_DIR REPO_DIR
#
# The multitool is installed with npm into CACHE_DIR on first use. Exits 77
# (ctest's skip code here) when npm is missing or the install fails, e.g.
# offline. The multitool exits 0 even when it reports errors, so this script
# reads its console output and its SARIF log and fails on any error in either.

set -u

if [ "$#" -ne 3 ]; then
  echo "usage: $0 KUBE_HARDEN_BINARY CACHE_DIR REPO_DIR" >&2
  exit 2
fi

binary=$1
cache=$2
repo=$3

case "$binary" in
  /*) ;;
  *) binary="$(pwd)/$binary" ;;
esac
if [ ! -x "$binary" ]; then
  echo "FAIL: kube-harden binary not found or not executable: $binary" >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "SKIP: npm not found"
  exit 77
fi

find_multitool() {
  # The npm package pulls in one platform package (sarif-multitool-linux,
  # -darwin or -win32) holding a self-contained executable.
  [ -d "$cache/node_modules/@microsoft" ] || return 0
  find "$cache/node_modules/@microsoft" -maxdepth 2 -type f \
    \( -name Sarif.Multitool -o -name Sarif.Multitool.exe \) 2>/dev/null | head -n 1
}

multitool=$(find_multitool)
if [ -z "$multitool" ]; then
  mkdir -p "$cache" || exit 1
  echo "Installing @microsoft/sarif-multitool into $cache ..."
  if ! npm install --prefix "$cache" --no-audit --no-fund @microsoft/sarif-multitool \
      >"$cache/npm-install.log" 2>&1; then
    tail -n 20 "$cache/npm-install.log"
    echo "SKIP: could not install @microsoft/sarif-multitool with npm (offline?);" \
      "see $cache/npm-install.log"
    exit 77
  fi
  multitool=$(find_multitool)
  if [ -z "$multitool" ]; then
    echo "SKIP: @microsoft/sarif-multitool installed, but no Sarif.Multitool executable" \
      "for this platform under $cache/node_modules/@microsoft"
    exit 77
  fi
fi
[ -x "$multitool" ] || chmod u+x "$multitool"

work=$(mktemp -d "${TMPDIR:-/tmp}/kh-sarif.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

failed=0

# validate NAME SARIF_FILE: prints the errors the multitool reports, if any.
validate() {
  name=$1
  sarif=$2
  log="$work/$name.validation.sarif"
  "$multitool" validate "$sarif" --rule-kind "Sarif;Gh" -o "$log" >"$work/$name.out" 2>&1
  status=$?
  if [ "$status" -ne 0 ] || [ ! -s "$log" ]; then
    cat "$work/$name.out"
    echo "FAIL ($name): Sarif.Multitool did not run (exit status $status)"
    failed=1
    return
  fi

  console_errors=$(grep -c ': error ' "$work/$name.out")
  grep ': error ' "$work/$name.out"

  # Results of level "error" in the multitool's own SARIF log, with their
  # message arguments (the log holds message ids, not texts).
  node -e '
    const fs = require("fs");
    const log = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    let count = 0;
    for (const run of log.runs || []) {
      for (const result of run.results || []) {
        if (result.level !== "error") continue;
        count++;
        const args = (result.message && result.message.arguments) || [];
        console.log(`  log: ${result.ruleId}: ${args.join(" | ")}`);
      }
    }
    fs.writeFileSync(process.argv[2], String(count));
  ' "$log" "$work/$name.log-errors"
  status=$?
  if [ "$status" -ne 0 ] || [ ! -s "$work/$name.log-errors" ]; then
    echo "FAIL ($name): could not read the multitool log $log"
    failed=1
    return
  fi
  log_errors=$(cat "$work/$name.log-errors")

  warnings=$(grep -c ': warning ' "$work/$name.out")
  if [ "$console_errors" -ne 0 ] || [ "$log_errors" -ne 0 ]; then
    echo "FAIL ($name): $console_errors error line(s) in the output, $log_errors error result(s) in the log"
    failed=1
  else
    grep ': warning ' "$work/$name.out"
    echo "OK ($name): no errors ($warnings warning(s))"
  fi
}

# lint NAME OUT PATH: runs kube-harden from the repository, as CI does.
lint() {
  name=$1
  out=$2
  path=$3
  (cd "$repo" && "$binary" lint -f sarif -o "$out" "$path") >"$work/$name.lint.out" 2>&1
  status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    cat "$work/$name.lint.out"
    echo "FAIL ($name): kube-harden lint exited with $status (expected 0 or 1)"
    failed=1
    return 1
  fi
  if [ ! -s "$out" ]; then
    echo "FAIL ($name): kube-harden wrote no SARIF to $out"
    failed=1
    return 1
  fi
  return 0
}

# Relative paths give %SRCROOT%-relative URIs, absolute ones file:// URIs.
lint relative "$work/relative.sarif" testdata/examples && validate relative "$work/relative.sarif"
lint absolute "$work/absolute.sarif" "$repo/testdata/examples" &&
  validate absolute "$work/absolute.sarif"

exit "$failed"
