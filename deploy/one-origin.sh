#!/usr/bin/env bash
# Serves both sides under one origin with HAProxy (haproxy.cfg): BOOKING_ORIGIN_PORT (8000) in front of the command
# side (COMMAND_PORT, 8080) and the query side (QUERY_PORT, 8081) that ./run.sh starts. Runs in the foreground.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v haproxy >/dev/null 2>&1; then
  echo "HAProxy is not installed (Debian: apt-get install haproxy)" >&2
  exit 2
fi
export BOOKING_ORIGIN_BIND="${BOOKING_ORIGIN_BIND:-:${BOOKING_ORIGIN_PORT:-8000}}"
export BOOKING_COMMAND_ADDR="${BOOKING_COMMAND_ADDR:-127.0.0.1:${COMMAND_PORT:-8080}}"
export BOOKING_QUERY_ADDR="${BOOKING_QUERY_ADDR:-127.0.0.1:${QUERY_PORT:-8081}}"
exec haproxy -db -f haproxy.cfg
