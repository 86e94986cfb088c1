#!/usr/bin/env bash
# Whole-process figures for issue 8, next to yaml-cpp's event-parse floor.
#
#   tests/bench/run-bench.sh [CORPUS] [RUNS] [JOBS]
#
# CORPUS defaults to ../shared/corpus; RUNS (default 5) runs of each command,
# interleaved (floor, floor on JOBS threads, --jobs 1, --jobs JOBS, floor,
# ...) so a machine that slows down mid-way slows all of them alike; JOBS
# defaults to the number of cores. Prints files, bytes, documents, objects,
# then for each command the median wall and CPU seconds, MB/s, objects/s and
# peak RSS, and the ratios the targets are stated in. The floor on JOBS
# threads is the machine's ceiling for --jobs: the parser alone, with nothing
# shared between threads, sped up as far as these cores allow. Checks that
# --jobs 1 and --jobs JOBS print the same bytes, and times one small manifest
# end to end (text output).
#
# Needs a build with the benchmarks: KH_BUILD (default build-bench) made by
#   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKUBE_HARDEN_BENCH=ON
#   cmake --build build-bench --target kube-harden kh-parse-floor
# and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${KH_BUILD:-$repo/build-bench}
corpus=${1:-$repo/../shared/corpus}
runs=${2:-5}
jobs=${3:-$(nproc)}
linter=$build/kube-harden
floor=$build/tests/bench/kh-parse-floor
small=$repo/testdata/examples/insecure-pod.yaml
for tool in "$linter" "$floor" /usr/bin/time; do
  [[ -x $tool ]] || { echo "run-bench.sh: $tool is missing (see the comment at the top)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME COMMAND...: one timed run; appends "wall cpu peak_kib" to $work/NAME.
run() {
  local name=$1
  shift
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >"$work/$name.out" 2>/dev/null || true
  awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$work/time" >>"$work/$name"
}

# median FILE COLUMN
median() {
  sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

for ((i = 1; i <= runs; ++i)); do
  run floor "$floor" --mode events "$corpus"
  run floorN "$floor" --mode events --jobs "$jobs" "$corpus"
  run jobs1 "$linter" lint -f json --fail-on never --jobs 1 "$corpus"
  cp "$work/jobs1.out" "$work/jobs1.json"
  run jobsN "$linter" lint -f json --fail-on never --jobs "$jobs" "$corpus"
  if ! cmp -s "$work/jobs1.json" "$work/jobsN.out"; then
    echo "run-bench.sh: --jobs 1 and --jobs $jobs printed different output" >&2
    exit 1
  fi
done
# One small manifest: GNU time counts wall time in hundredths of a second,
# too coarse here, so each run's wall time is read from bash's clock around
# the bare command and the peak RSS from one run under GNU time.
for ((i = 1; i <= 4 * runs; ++i)); do
  start=$EPOCHREALTIME
  "$linter" lint --fail-on never "$small" >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  echo "$start $end" >>"$work/small.clock"
done
run small_peak "$linter" lint --fail-on never "$small"
small_peak=$(awk '{ print $3 }' "$work/small_peak")
awk -v k="$small_peak" '{ printf "%.6f 0 %s\n", $2 - $1, k }' "$work/small.clock" >"$work/small"

read -r files bytes documents < <(sed -E 's/.*files=([0-9]+) bytes=([0-9]+) documents=([0-9]+).*/\1 \2 \3/' \
  "$work/floor.out")
objects=$(grep -o '"objects": *[0-9]*' "$work/jobs1.json" | tail -1 | grep -o '[0-9]*$')

echo "corpus: $corpus"
echo "files: $files  bytes: $bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB)  documents: $documents  objects: $objects"
echo "medians of $runs runs (small file: $((4 * runs)) runs); jobs N = $jobs"
printf '%-28s %8s %8s %8s %10s %10s\n' command "wall s" "cpu s" "MB/s" "objects/s" "peak MiB"
for name in floor floorN jobs1 jobsN small; do
  wall=$(median "$work/$name" 1)
  cpu=$(median "$work/$name" 2)
  peak=$(median "$work/$name" 3)
  case $name in
    floor) label="yaml-cpp event parse (floor)" ;;
    floorN) label="floor on $jobs threads" ;;
    jobs1) label="lint -f json --jobs 1" ;;
    jobsN) label="lint -f json --jobs $jobs" ;;
    small) label="lint one small file (text)" ;;
  esac
  if [[ $name == small ]]; then
    printf '%-28s %8.4f %8s %8s %10s %10.1f\n' "$label" "$wall" - - - "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')"
  else
    awk -v l="$label" -v w="$wall" -v c="$cpu" -v b="$bytes" -v o="$objects" -v k="$peak" -v n="$name" 'BEGIN {
      printf "%-28s %8.3f %8.3f %8.1f %10s %10.1f\n", l, w, c, b / 1e6 / w, n ~ /^floor/ ? "-" : sprintf("%.0f", o / w), k / 1024 }'
  fi
  eval "${name}_wall=$wall ${name}_cpu=$cpu"
done
awk -v f="$floor_wall" -v fc="$floor_cpu" -v fn="$floorN_wall" -v a="$jobs1_wall" -v ac="$jobs1_cpu" \
  -v b="$jobsN_wall" -v n="$jobs" 'BEGIN {
  printf "lint --jobs 1 / floor: %.2fx wall, %.2fx cpu (target <= 1.2x)\n", a / f, ac / fc
  printf "speed-up --jobs %d over --jobs 1: %.2fx wall (target >= 1.8x)\n", n, a / b
  printf "the floor on %d threads over the floor: %.2fx wall (the ceiling on this machine)\n", n, f / fn }'
echo "output of --jobs 1 and --jobs $jobs: identical in every run"
