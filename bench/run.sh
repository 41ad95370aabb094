#!/usr/bin/env bash
# The benchmark. Starts both sides (one JVM, bench/../system launcher) on a fresh database of the local PostgreSQL,
# warms them up, then drives them over HTTP from C concurrent logged-in customers for each C given, and writes
# bench/results/<scenario>.md.
#
#   bench/run.sh spread 1 8 32      bookings of 1 ticket spread over 50 events, each C beside pgbench's one-row
#                                   insert rate at the same C; spread and rush also say the CPU each booking cost the
#                                   system, PostgreSQL and the client, and the rate at which that cost fills the cores
#   bench/run.sh rush 32 200        one event of 10,000 seats sold to C clients booking 1-4 tickets each; three
#                                   sales of fresh events at each C (--sales N in BENCH_ARGS), median quoted; each
#                                   sale's end check (seats sold = capacity, the store and the Upcoming tabs hold what
#                                   was answered 201, no 5xx) failing exits non-zero, as a 5xx in spread does
#   bench/run.sh one-by-one-rush 32 the same rush with every booking in a commit of its own (bookings not placed together)
#   bench/run.sh cold-rush 32       the rush from the moment health reports UP: the sales started within the first 60 s
#                                   beside the warm ones (started after BENCH_WARMUP_SECONDS of uptime, --sales of them)
#   bench/run.sh naive-rush 32      the same rush against the naive design: the event aggregate uncached and never
#                                   snapshotted (BENCH_ARGS="--sales 1": one sale takes about a minute)
#   bench/run.sh history            reads of a long history: a store of N bookings (default 1,000,000: about 2,000
#                                   events over two years, 100,000 customers, one of them with 5,000 bookings;
#                                   cancellations, transfers, guests, waiting lists, attendance, deleted accounts)
#                                   written through the command side's own commands (HistoryLoader, in-process, dated
#                                   by the command side's clock) into database booking_history, which is kept: it is
#                                   loaded again only when it does not hold a completed load of the same parameters
#                                   (bench/results/history-load.json, the loader's tally) or with BENCH_FRESH=1. Then
#                                   admin search, reports, a 5,000-booking customer's tabs, booking details and the
#                                   audit trail at C = 1 and 8 (p50, p99; target p99 <= 20 ms), answers checked against
#                                   the tally (a wrong answer or a 5xx exits non-zero, a slow one does not), and the
#                                   rebuild (POST /api/admin/read-models/rebuild, reads throughout) in events/s.
#                                   BENCH_ARGS for the loader: --bookings N (e.g. 20000), --events, --customers,
#                                   --heavy-bookings, --threads; for the reads: --requests (300), --point-seconds (60),
#                                   --clients 1,8; --skip-rebuild true skips the rebuild.
#
# Environment: BENCH_DB_HOST (127.0.0.1), BENCH_DB_USER (postgres), BENCH_WARMUP_SECONDS (240), BENCH_JAVA_OPTS
# (options of the system JVM, e.g. a flight recording: -XX:StartFlightRecording=filename=rush.jfr; they replace those of
# system/java.options when set, also when empty); BENCH_SYSTEM_JAR (the system measured, system/target/booking-system.jar:
# for the previous code, build it in a git worktree with ./mvnw package -DskipTests and name its jar); extra client options
# in BENCH_ARGS, e.g. BENCH_ARGS="--bookings 5000 --seats 2000"; extra settings of the system in BENCH_SYSTEM_ARGS, e.g.
# BENCH_SYSTEM_ARGS="--command.booking.sale.max-bookings-per-commit=1" (one booking per commit).
# BENCH_CLUSTER="3 2": the rush or spread against 3 command and 2 query nodes, each a JVM of its own, behind the routing
# component (deploy/cluster.sh; needs HAProxy), written to bench/results/<scenario>-cluster-3x2.md; "1 1" is the same
# path with one node of each, the honest comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
# every client logs in and registers from this machine's one address: the attempt limits are not what is measured
export BOOKING_ATTEMPTS_PER_CLIENT="${BOOKING_ATTEMPTS_PER_CLIENT:-100000000}" BOOKING_ATTEMPTS_PER_ACCOUNT="${BOOKING_ATTEMPTS_PER_ACCOUNT:-100000000}"

scenario="${1:-spread}"
shift || true
[ $# -gt 0 ] || set -- 1 8 32
clients=$(IFS=,; echo "$*")
host="${BENCH_DB_HOST:-127.0.0.1}"
user="${BENCH_DB_USER:-postgres}"
db=booking_bench
admin_email=admin@bench.test
admin_password=bench-admin-password

pg_isready -h "$host" -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -B -q install -DskipTests

if [ "$scenario" = history ]; then
  db=booking_history
  export BOOKING_DB_URL="jdbc:postgresql://$host:5432/$db" BOOKING_DB_USER="$user" BOOKING_DB_PASSWORD=""
  mkdir -p bench/results
  run_class() { # main class, heap, then its own arguments
    local main=$1 heap=$2
    shift 2
    java "-Xmx$heap" -Dloader.main="io.booking.system.bench.$main" -cp system/target/booking-system.jar \
      org.springframework.boot.loader.launch.PropertiesLauncher "$@" \
      --admin-email $admin_email --admin-password $admin_password --db-host "$host" --db-user "$user" \
      --db-url "$BOOKING_DB_URL" --load bench/results/history-load.json ${BENCH_ARGS:-}
  }
  # the loader starts both sides in its own JVM, on ports of their own, and stops them when done
  run_class HistoryLoader 3g --fresh "$([ "${BENCH_FRESH:-}" = 1 ] && echo true || echo false)" \
    2>&1 | tee bench/results/history-load.log | { grep --line-buffered -E 'HistoryLoader +:|HistoryLoader --|ERROR' || true; }
  system_pid=
  start_system() {
    BOOKING_ADMIN_EMAIL=$admin_email BOOKING_ADMIN_PASSWORD=$admin_password COMMAND_DB_POOL=40 \
      java ${BENCH_JAVA_OPTS-@system/java.options} -Xms2g -Xmx3g -jar system/target/booking-system.jar ${BENCH_SYSTEM_ARGS:-} >> bench/results/history-system.log 2>&1 &
    system_pid=$!
  }
  stop_system() {
    [ -z "$system_pid" ] || { kill "$system_pid" 2>/dev/null || true; wait "$system_pid" 2>/dev/null || true; }
    system_pid=
  }
  trap stop_system EXIT
  : > bench/results/history-system.log
  start_system
  status=0
  run_class HistoryBenchmark 1g --phase measure --out bench/results/history.md || status=$?
  if [[ " ${BENCH_ARGS:-} " == *" --skip-rebuild true "* ]]; then
    printf '\n## Rebuild\n\nskipped (--skip-rebuild true)\n' >> bench/results/history.md
  else
    run_class HistoryBenchmark 1g --phase rebuild --out bench/results/history.md || status=$?
  fi
  stop_system
  exit $status
fi

system_args=()
client_scenario="$scenario"
design="event aggregate cached and snapshotted every 200 events; the bookings waiting (of any events) placed together, up to 64 per commit"
if [ "$scenario" = naive-rush ]; then
  system_args=(--command.booking.occurrence.cache-enabled=false --command.booking.occurrence.snapshot-threshold=2147483647
    --command.booking.sale.max-bookings-per-commit=1)
  client_scenario=rush
  design="naive: one event aggregate, no cache, no snapshots, one booking per commit"
elif [ "$scenario" = cold-rush ]; then
  design="$design; measured from a cold start"
elif [ "$scenario" = one-by-one-rush ]; then
  system_args=(--command.booking.sale.max-bookings-per-commit=1)
  client_scenario=rush
  design="event aggregate cached and snapshotted every 200 events; one booking per commit"
fi

mkdir -p bench/results
psql -h "$host" -U "$user" -d postgres -qc "drop database if exists $db with (force)" -c "create database $db"
export BOOKING_DB_URL="jdbc:postgresql://$host:5432/$db" BOOKING_DB_USER="$user" BOOKING_DB_PASSWORD=""
out="bench/results/$scenario.md"
urls=()
if [ -n "${BENCH_CLUSTER:-}" ]; then
  # separate JVMs behind the routing component; pools sized so the nodes and pgbench fit 100 connections
  read -r command_nodes query_nodes <<< "$BENCH_CLUSTER"
  out="bench/results/$scenario-cluster-${command_nodes}x${query_nodes}.md"
  design="$design; $command_nodes command and $query_nodes query nodes, JVMs of their own (-Xmx1g), behind the routing component (deploy/cluster.sh), the clients at its origin"
  BOOKING_SKIP_BUILD=1 BOOKING_CLUSTER_DIR="bench/results/cluster-logs" BOOKING_ADMIN_EMAIL=$admin_email \
    BOOKING_ADMIN_PASSWORD=$admin_password COMMAND_DB_POOL=12 NODE_JAVA_OPTS="-Xmx1g" \
    deploy/cluster.sh "$command_nodes" "$query_nodes" > "bench/results/$scenario-cluster.log" 2>&1 &
  system_pid=$!
  trap 'kill $system_pid 2>/dev/null || true; wait $system_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 1800); do
    grep -q "^cluster up" "bench/results/$scenario-cluster.log" && break
    kill -0 $system_pid 2>/dev/null || { cat "bench/results/$scenario-cluster.log" >&2; exit 1; }
    sleep 0.2
  done
  urls=(--command http://127.0.0.1:8000 --query http://127.0.0.1:8000)
else
  BOOKING_ADMIN_EMAIL=$admin_email BOOKING_ADMIN_PASSWORD=$admin_password COMMAND_DB_POOL=40 \
    java ${BENCH_JAVA_OPTS-@system/java.options} -Xms2g -Xmx3g -jar "${BENCH_SYSTEM_JAR:-system/target/booking-system.jar}" \
    "${system_args[@]}" ${BENCH_SYSTEM_ARGS:-} > "bench/results/$scenario-system.log" 2>&1 &
  system_pid=$!
  trap 'kill $system_pid 2>/dev/null || true; wait $system_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    curl -fs http://localhost:8081/actuator/health >/dev/null 2>&1 && curl -fs http://localhost:8080/actuator/health >/dev/null 2>&1 && break
    sleep 0.2
  done
fi
up_at=$(date +%s%3N)

java -Xmx1g -cp system/target/booking-system.jar -Dloader.main=io.booking.system.bench.BookingBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --scenario "$client_scenario" --script-scenario "$scenario" --clients "$clients" --design "$design" \
  --warmup-seconds "${BENCH_WARMUP_SECONDS:-240}" --up-at "$up_at" \
  --admin-email $admin_email --admin-password $admin_password \
  --db-url "$BOOKING_DB_URL" --db-user "$user" --pgbench-db "$db" \
  "${urls[@]}" --out "$out" ${BENCH_ARGS:-}
