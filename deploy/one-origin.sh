#!/usr/bin/env bash
# Runs the routing component (HAProxy, haproxy.cfg) in the foreground: one origin, BOOKING_ORIGIN_PORT (8000), in
# front of the command nodes BOOKING_COMMAND_ADDRS and the query nodes BOOKING_QUERY_ADDRS (space-separated
# host:port; by default the one node of each that ./run.sh starts, on COMMAND_PORT 8080 and QUERY_PORT 8081).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v haproxy >/dev/null 2>&1; then
  echo "HAProxy is not installed (Debian: apt-get install haproxy)" >&2
  exit 2
fi
export BOOKING_ORIGIN_BIND="${BOOKING_ORIGIN_BIND:-:${BOOKING_ORIGIN_PORT:-8000}}"
command_nodes="${BOOKING_COMMAND_ADDRS:-127.0.0.1:${COMMAND_PORT:-8080}}"
query_nodes="${BOOKING_QUERY_ADDRS:-127.0.0.1:${QUERY_PORT:-8081}}"

# servers NAME "ADDRS": one server line per node, checked every second; two failed checks take it out
servers() {
  local n=0
  for address in $2; do
    n=$((n + 1))
    echo "    server $1$n $address check inter 1s fall 2"
  done
}

backends="backend command_by_event
    balance hash var(txn.event)
    hash-type consistent
    option httpchk GET /actuator/health
    http-response set-header X-Served-By %[srv_name]
$(servers command "$command_nodes")

backend command
    balance roundrobin
    option httpchk GET /actuator/health
    http-response set-header X-Served-By %[srv_name]
$(servers command "$command_nodes")

backend query
    balance roundrobin
    option httpchk GET /actuator/health
$(servers query "$query_nodes")
"
exec haproxy -db -f haproxy.cfg -f <(printf '%s' "$backends")
