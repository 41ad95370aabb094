#!/usr/bin/env bash
# One node beside three, on this machine, in one run: the rush or the spread against deploy/cluster.sh with 1 command
# and 1 query node, and with 3 and 2, each a JVM of its own behind the routing component, the clients at its origin.
# Both are measured three times, alternately, each with bench/run.sh (BENCH_CLUSTER), and the medians are written to
# bench/results/<scenario>-nodes.md; each run's file is bench/results/compare/<scenario>-{1x1,3x2}-N.md.
#
#   bench/nodes.sh rush 32      one event of 10,000 seats at C = 32: bookings/s, p99, read-your-writes p99
#   bench/nodes.sh spread 32    bookings over 50 events at C = 32: the same and pgbench's one-row insert beside it
#
# Needs HAProxy. BENCH_WARMUP_SECONDS and BENCH_ARGS apply to every run; RUNS (3) sets how many. Any wrong answer in any
# run (bench/run.sh exits non-zero) fails it.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario="$1"
shift
runs="${RUNS:-3}"
./mvnw -B -q install -DskipTests
out=bench/results/compare
mkdir -p "$out"

for n in $(seq 1 "$runs"); do
  for nodes in "1 1" "3 2"; do
    name="${nodes/ /x}"
    echo "run $n of $runs: $name"
    BENCH_SKIP_BUILD=1 BENCH_CLUSTER="$nodes" BENCH_ARGS="${BENCH_ARGS:-} --out $out/$scenario-$name-$n.md" \
      bench/run.sh "$scenario" "$@"
  done
done

# shellcheck source=bench/figures.sh
. bench/figures.sh
summary="bench/results/$scenario-nodes.md"
{
  echo "# $scenario, C = $*: 1 command + 1 query node beside 3 command + 2 query nodes ($(git rev-parse --short HEAD))"
  echo
  echo "command: bench/nodes.sh $scenario $*; machine: $(nproc) cores, every node, PostgreSQL, HAProxy and the clients"
  echo "on them; $runs runs of each, alternately; medians (each run's file: bench/results/compare/$scenario-{1x1,3x2}-N.md)"
  echo
  echo "| figure | 1 + 1 nodes | 3 + 2 nodes | each run 1 + 1 | each run 3 + 2 |"
  echo "|---|---|---|---|---|"
  rows "$scenario" "$runs" "$out/$scenario" 1x1 3x2
} > "$summary"
cat "$summary"
