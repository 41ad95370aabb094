#!/usr/bin/env bash
# The benchmark: starts the command side and the query side as two JVMs on a fresh database of the local
# PostgreSQL, drives them over HTTP from C concurrent logged-in customers, and writes bench/results/<scenario>-c<C>.md.
#
#   bench/run.sh spread 1 8 32      N bookings spread over 50 events; also pgbench's one-row insert rate at each C
#   bench/run.sh rush 32 200        one event of 10,000 seats sold to C clients booking 1-4 tickets each
#   bench/run.sh naive-rush 32      the same rush with the event aggregate uncached and never snapshotted
#
# Environment: BENCH_DB_HOST (127.0.0.1), BENCH_DB_USER (postgres); extra client options in BENCH_ARGS,
# e.g. BENCH_ARGS="--bookings 5000 --seats 2000".
set -euo pipefail
cd "$(dirname "$0")/.."

scenario="${1:-spread}"
shift || true
[ $# -gt 0 ] || set -- 1 8 32
host="${BENCH_DB_HOST:-127.0.0.1}"
user="${BENCH_DB_USER:-postgres}"
db=booking_bench
admin_email=admin@bench.test
admin_password=bench-admin-password

pg_isready -h "$host" -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -B -q install -DskipTests

command_args=()
client_scenario="$scenario"
design="cached, snapshotted event aggregate"
if [ "$scenario" = naive-rush ]; then
  command_args=(--booking.occurrence.cache-enabled=false --booking.occurrence.snapshot-threshold=2147483647)
  client_scenario=rush
  design="naive: one event aggregate, no cache, no snapshots"
fi

pids=()
stop_apps() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_apps EXIT

wait_healthy() {
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the app on port $1 did not become healthy" >&2
  return 1
}

mkdir -p bench/results
for clients in "$@"; do
  psql -h "$host" -U "$user" -d postgres -qc "drop database if exists $db with (force)" -c "create database $db"
  export BOOKING_DB_URL="jdbc:postgresql://$host:5432/$db" BOOKING_DB_USER="$user" BOOKING_DB_PASSWORD=""
  BOOKING_ADMIN_EMAIL=$admin_email BOOKING_ADMIN_PASSWORD=$admin_password COMMAND_DB_POOL=$(( clients < 32 ? clients + 4 : 36 )) \
    java -Xms1g -Xmx2g -jar command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar "${command_args[@]}" \
    > "bench/results/$scenario-c$clients-command.log" 2>&1 &
  pids+=($!)
  wait_healthy 8080
  BOOKING_JWK_SET_URI=http://localhost:8080/.well-known/jwks.json \
    java -Xms1g -Xmx2g -jar query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar \
    > "bench/results/$scenario-c$clients-query.log" 2>&1 &
  pids+=($!)
  wait_healthy 8081
  java -Xmx1g -cp system/target/booking-system.jar -Dloader.main=io.booking.system.bench.BookingBenchmark \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    --scenario "$client_scenario" --clients "$clients" --design "$design" \
    --admin-email $admin_email --admin-password $admin_password \
    --db-url "$BOOKING_DB_URL" --db-user "$user" --pgbench-db "$db" \
    --out "bench/results/$scenario-c$clients.md" ${BENCH_ARGS:-}
  stop_apps
done
