#!/usr/bin/env bash
# H2 alone, killed: how many acknowledged commits a kill -9 loses (docs/benchmarks.md, "Durability: what it costs").
#   bench/durability/h2-kill.sh "" 5                  H2's default WRITE_DELAY (500 ms)
#   bench/durability/h2-kill.sh ";WRITE_DELAY=0" 5    what Tribune's URL now says
set -euo pipefail
cd "$(dirname "$0")"
H2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)
DIR=$(mktemp -d)
URL="jdbc:h2:file:$DIR/t;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE${1:-}"
for i in $(seq 1 "${2:-5}"); do
  java -cp "$H2" H2KillWriter.java "$URL" $((i * 10000000)) > "$DIR/acked.$i" 2> "$DIR/err.$i" &
  pid=$!
  sleep $((3 + RANDOM % 3)).$((RANDOM % 10))
  kill -9 $pid; wait $pid 2>/dev/null || true
  java -cp "$H2" H2KillCheck.java "$URL" "$DIR/acked.$i"
done
rm -rf "$DIR"
