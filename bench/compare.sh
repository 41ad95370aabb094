#!/usr/bin/env bash
# The benchmark of this code beside that of an earlier commit, on this machine, in one run: both are measured three
# times, alternately (earlier, this, earlier, ...), each with bench/run.sh, and the medians are written to
# bench/results/<scenario>-before-after.md. The earlier commit is built in a git worktree (/tmp/booking-before-<commit>).
#
#   bench/compare.sh dfa5b28 spread 32       spread over 50 events at C = 32: bookings/s, p99, read-your-writes p99
#   bench/compare.sh dfa5b28 cold-rush 32    the rush from health UP: first minute, warm, first minute : warm, and
#                                            read-your-writes p99 of the warm sales
#
# The earlier code runs as it shipped: with the JVM options of its own system/java.options, or none where it has none.
# BENCH_WARMUP_SECONDS and BENCH_ARGS apply to both. RUNS (3) sets how many times each is measured. Any wrong answer
# in any run (bench/run.sh exits non-zero) fails the comparison. NAME (the scenario) names the files written, so that a
# comparison with another commit does not replace an earlier one: NAME=spread-store-check bench/compare.sh ... writes
# bench/results/spread-store-check-before-after.md.
set -euo pipefail
cd "$(dirname "$0")/.."
before="$1" scenario="$2"
shift 2
runs="${RUNS:-3}"
name="${NAME:-$scenario}"
commit=$(git rev-parse --short "$before")
tree="/tmp/booking-before-$commit"
[ -d "$tree" ] || git worktree add -f "$tree" "$commit" >/dev/null
[ -f "$tree/system/target/booking-system.jar" ] || (cd "$tree" && ./mvnw -B -q package -DskipTests)
./mvnw -B -q install -DskipTests
out=bench/results/compare
mkdir -p "$out"

for n in $(seq 1 "$runs"); do
  for side in before after; do
    echo "run $n of $runs: $side"
    if [ "$side" = before ]; then
      jar="$tree/system/target/booking-system.jar"
      options=$([ -f "$tree/system/java.options" ] && echo "@$tree/system/java.options" || echo "")
    else
      jar=system/target/booking-system.jar
      options=@system/java.options
    fi
    BENCH_SKIP_BUILD=1 BENCH_SYSTEM_JAR="$jar" BENCH_JAVA_OPTS="$options" \
      BENCH_ARGS="${BENCH_ARGS:-} --out $out/$name-$side-$n.md" bench/run.sh "$scenario" "$@"
  done
done

# shellcheck source=bench/figures.sh
. bench/figures.sh

summary="bench/results/$name-before-after.md"
{
  echo "# $scenario, C = $*: $commit (before) and $(git rev-parse --short HEAD) (after)"
  echo
  echo "command: bench/compare.sh $before $scenario $*; machine: $(nproc) cores; $runs runs of each, alternately; medians"
  echo "(each run's file: bench/results/compare/$name-{before,after}-N.md)"
  echo
  echo "| figure | before | after | each run before | each run after |"
  echo "|---|---|---|---|---|"
  rows "$scenario" "$runs" "$out/$name" before after
} > "$summary"
cat "$summary"
