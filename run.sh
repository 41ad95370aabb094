#!/usr/bin/env bash
# Builds the project and runs both sides in one JVM: command side on :8080, query side on :8081.
# Without BOOKING_DB_URL an embedded PostgreSQL keeps its data in .data/postgres across restarts.
set -euo pipefail
cd "$(dirname "$0")"
export BOOKING_ADMIN_EMAIL="${BOOKING_ADMIN_EMAIL:-admin@example.com}"
export BOOKING_ADMIN_PASSWORD="${BOOKING_ADMIN_PASSWORD:-change-me-now}"
./mvnw -B -q install -DskipTests
exec java @system/java.options ${JAVA_OPTS:-} -jar system/target/booking-system.jar "$@"
