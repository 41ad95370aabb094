#!/usr/bin/env bash
# Several nodes on this machine behind one origin: N command nodes and M query nodes, each a JVM of its side's own
# jar, and the routing component in front of them (HAProxy, deploy/one-origin.sh), all sharing one PostgreSQL.
#
#   deploy/cluster.sh 3 2     command nodes on :8080 :8082 :8084, query nodes on :8081 :8083, the origin on :8000
#
# Environment: BOOKING_DB_URL, BOOKING_DB_USER, BOOKING_DB_PASSWORD (the one database; default: the local
# PostgreSQL's database booking), BOOKING_CLUSTER_PORT (8080: command node i listens on it + 2(i-1), query node j on
# it + 2j - 1), BOOKING_ORIGIN_PORT (8000), BOOKING_CLUSTER_DIR (.cluster: each node's log and pid file, named as
# HAProxy names the node in X-Served-By: command1.log, command1.pid, query1.log...), NODE_JAVA_OPTS (-Xmx768m),
# BOOKING_SKIP_BUILD (set: use the jars as built). Every other setting of the sides is read from the environment as
# by ./run.sh (docs/operations.md). Ctrl-C or SIGTERM stops every node.
set -euo pipefail
cd "$(dirname "$0")/.."
command_nodes="${1:-3}"
query_nodes="${2:-2}"
base="${BOOKING_CLUSTER_PORT:-8080}"
dir="${BOOKING_CLUSTER_DIR:-.cluster}"
export BOOKING_ORIGIN_PORT="${BOOKING_ORIGIN_PORT:-8000}"
export BOOKING_ADMIN_EMAIL="${BOOKING_ADMIN_EMAIL:-admin@example.com}"
export BOOKING_ADMIN_PASSWORD="${BOOKING_ADMIN_PASSWORD:-change-me-now}"
# the query nodes fetch the signing keys from any command node, through the origin
export BOOKING_JWK_SET_URI="${BOOKING_JWK_SET_URI:-http://127.0.0.1:$BOOKING_ORIGIN_PORT/.well-known/jwks.json}"
export BOOKING_QUERY_URL="${BOOKING_QUERY_URL:-http://localhost:$BOOKING_ORIGIN_PORT}"
[ -n "${BOOKING_SKIP_BUILD:-}" ] || ./mvnw -B -q install -DskipTests
mkdir -p "$dir"

pids=()
stop() {
  trap - EXIT INT TERM
  [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

# node NAME MODULE PORT: starts a node in the background
node() {
  COMMAND_PORT=$3 QUERY_PORT=$3 java @system/java.options ${NODE_JAVA_OPTS:--Xmx768m} \
    -jar "$2/target/$2-0.1.0-SNAPSHOT-exec.jar" > "$dir/$1.log" 2>&1 &
  pids+=($!)
  echo $! > "$dir/$1.pid"
}

up() {
  for _ in $(seq 1 900); do
    curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "a node stopped while starting: see $dir" >&2; exit 1; }
    done
    sleep 0.2
  done
  echo "the node on :$1 is not up after 3 minutes: see $dir" >&2
  exit 1
}

command_addrs=""
query_addrs=""
# the first command node creates the schema and the first admin alone; the others join it
for i in $(seq 1 "$command_nodes"); do
  port=$((base + 2 * (i - 1)))
  node "command$i" command-side "$port"
  [ "$i" -gt 1 ] || up "$port"
  command_addrs="$command_addrs 127.0.0.1:$port"
done
for j in $(seq 1 "$query_nodes"); do
  port=$((base + 2 * j - 1))
  node "query$j" query-side "$port"
  query_addrs="$query_addrs 127.0.0.1:$port"
done
for address in $command_addrs $query_addrs; do
  up "${address#*:}"
done

BOOKING_COMMAND_ADDRS="$command_addrs" BOOKING_QUERY_ADDRS="$query_addrs" deploy/one-origin.sh > "$dir/origin.log" 2>&1 &
pids+=($!)
echo $! > "$dir/origin.pid"
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$BOOKING_ORIGIN_PORT/v3/api-docs/query" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "cluster up: $command_nodes command and $query_nodes query nodes behind http://localhost:$BOOKING_ORIGIN_PORT"
wait
