#!/usr/bin/env bash
# Runs each libFuzzer target for a given time, one after the other.
#
#   tests/fuzz/run-fuzzers.sh SECONDS_PER_TARGET [BUILD_DIR]
#
# Builds BUILD_DIR (default: build-fuzz in the repo) with clang and
# -fsanitize=fuzzer,address,undefined if needed, seeds a corpus from
# testdata/, and keeps corpora and artifacts in a scratch directory outside
# the repo (KH_FUZZ_WORK, default $TMPDIR/kube-harden-fuzz) so that reruns
# continue where the last run stopped. Exits 1 if any target left a crash,
# timeout or out-of-memory artifact.
set -euo pipefail

if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS_PER_TARGET [BUILD_DIR]" >&2
  exit 2
fi
seconds=$1
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-$repo/build-fuzz}
work=${KH_FUZZ_WORK:-${TMPDIR:-/tmp}/kube-harden-fuzz}
# KH_FUZZ_TARGETS="fuzz_lint" runs a subset.
read -r -a targets <<<"${KH_FUZZ_TARGETS:-fuzz_loader fuzz_lint}"

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DKUBE_HARDEN_FUZZ=ON -DKUBE_HARDEN_BUILD_TESTS=OFF \
    "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fsanitize=fuzzer-no-link -fno-omit-frame-pointer"
fi
cmake --build "$build" --target "${targets[@]}" -j 2

# Seeds: every fixture and example; libFuzzer skips inputs above -max_len.
seeds=$work/seeds
mkdir -p "$seeds"
find "$repo/testdata" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -print0 |
  while IFS= read -r -d '' file; do
    cp "$file" "$seeds/$(sha1sum "$file" | cut -c1-16).yaml"
  done
echo "seed corpus: $(find "$seeds" -type f | wc -l) files in $seeds"

status=0
for target in "${targets[@]}"; do
  corpus=$work/corpus/$target
  artifacts=$work/artifacts/$target
  log=$work/$target.log
  mkdir -p "$corpus" "$artifacts"
  echo "== $target: $seconds s, corpus $corpus, log $log"
  # One process per target, no -jobs (which would fork a worker logging to
  # ./fuzz-N.log). libFuzzer exits non-zero on the first crash; the artifact check below
  # decides the exit status, so carry on with the next target.
  "$build/tests/fuzz/$target" "$corpus" "$seeds" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" \
    >"$log" 2>&1 || true
  # Last status line, e.g. "#123456 DONE cov: 2345 ft: 6789 corp: 456/78Kb exec/s: 321 rss: 400Mb".
  grep -E '^#[0-9]+' "$log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
  echo "corpus: $(find "$corpus" -type f | wc -l) files"
  found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \))
  if [ -n "$found" ]; then
    echo "ARTIFACTS in $artifacts:"
    echo "$found"
    status=1
  fi
done
exit $status
