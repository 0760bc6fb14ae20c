#!/usr/bin/env bash
# New posts per second of one server on a fresh database, for docs/benchmarks.md ("Durability: what it costs").
#   bench/durability/run.sh <jar> <label> [h2|h2-delayed|h2-zero|pg] [clients] [seconds] [text added to each post]
# h2: the jar's default H2 URL; h2-delayed / h2-zero: H2 with WRITE_DELAY=500 (H2's own default, the setting before
# the fix) / WRITE_DELAY=0 (to measure it alone, on a jar from before the event publication registry);
# pg: a fresh database tribune_bench_durability on 127.0.0.1:5432 (user postgres), dropped afterwards.
set -euo pipefail
JAR=$1 LABEL=$2 DB=${3:-h2} CLIENTS=${4:-8} SECONDS_=${5:-20} EXTRA=${6:-}
DIR=$(mktemp -d) PORT=$((20000 + RANDOM % 10000))
H2="jdbc:h2:file:$DIR/tribune;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE"
ENV=(TRIBUNE_DATA_DIR="$DIR" SERVER_PORT=$PORT TRIBUNE_ADMIN_EMAIL=bench@example.org
     TRIBUNE_ADMIN_PASSWORD='violet staple lantern 42' TRIBUNE_POSTS_PER_HOUR=100000000 TRIBUNE_PREVIEWS_ENABLED=false)
case $DB in
  h2-delayed) ENV+=(TRIBUNE_DATABASE_URL="$H2;WRITE_DELAY=500") ;;
  h2-zero) ENV+=(TRIBUNE_DATABASE_URL="$H2;WRITE_DELAY=0") ;;
  pg) psql -h 127.0.0.1 -U postgres -qc 'drop database if exists tribune_bench_durability' -c 'create database tribune_bench_durability'
      ENV+=(TRIBUNE_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/tribune_bench_durability TRIBUNE_DATABASE_USER=postgres) ;;
esac
env "${ENV[@]}" java -Xmx512m -jar "$JAR" > "$DIR/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"; [ "$DB" = pg ] && psql -h 127.0.0.1 -U postgres -qc "drop database if exists tribune_bench_durability with (force)" || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do sleep 1; done
echo "$LABEL ($DB): $(java "$(dirname "$0")/PostRate.java" "http://localhost:$PORT" bench@example.org 'violet staple lantern 42' "$CLIENTS" "$SECONDS_" "$EXTRA")"
