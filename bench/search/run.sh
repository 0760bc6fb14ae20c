#!/usr/bin/env bash
# Search's speed on a seeded PostgreSQL database (issue 18): p50/p95/p99 per kind of query (one word, two words, a
# phrase in quotes, people, groups through the API, the header's suggestions as signed-in members) at CLIENTS
# concurrent clients, and the plans and times of the search statements
# alone (EXPLAIN ANALYZE). One command, so that a run can be repeated exactly:
#
#   bench/search/run.sh [--db NAME (tribune_bench_search)] [--clients N (8)] [--seconds S (30)] [--warmup S (10)]
#                       [--seed medium|small] [--reindex] [--jfr] [--engine lucene|postgres (lucene)]
#
# --engine: the server's tribune.search.engine. lucene (the default) is the node's own index, kept under
# bench/target/search-node-<db> from one run to the next; the load starts once it answers (its build time, when it
# had to be built, is in the summary). postgres is PostgreSQL's full-text search alone.
# PostgreSQL on 127.0.0.1:5432, user postgres. --seed makes and seeds the database when it has no people yet;
# --reindex rebuilds the search index first (./tribune reindex, timed; also done when the index was never built).
# --jfr records the server with Java Flight Recorder during the load (summary of the hottest methods in the results).
# The server is the built jar (BENCH_JAR, default target/tribune.jar; built if missing) with a 1 GB heap (and BENCH_JAVA_OPTS), on a free
# port of its own. Everything lands in bench/target/results/<time>-search/ (summary.md is what to read).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=tribune_bench_search CLIENTS=8 SECONDS_=30 WARMUP=10 SEED="" REINDEX=false JFR=false ENGINE=lucene
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --reindex) REINDEX=true; shift ;;
    --jfr) JFR=true; shift ;;
    --engine) ENGINE=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 "${JAVA_HOME:-}"; do
  [ -n "$dir" ] && [ -x "$dir/bin/java" ] && { export JAVA_HOME=$dir; break; }
done
export PATH="$JAVA_HOME/bin:$PATH"
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
if (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; then echo "port $PORT is in use" >&2; exit 1; fi
BASE=http://127.0.0.1:$PORT
RUN=bench/target/results/$(date -u +%Y%m%dT%H%M%SZ)-search
mkdir -p "$RUN"
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -v ON_ERROR_STOP=1)
export TRIBUNE_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB TRIBUNE_DATABASE_USER=postgres
JAR=${BENCH_JAR:-target/tribune.jar} # BENCH_JAR: a copy, so that a build meanwhile does not replace the running jar
[ -f "$JAR" ] || mvn -q -B -o -DskipTests package
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ -n "$SEED" ] && ! "${PSQL[@]}" -c "select 1 from account limit 1" > /dev/null 2>&1; then
  createdb -h 127.0.0.1 -U postgres "$DB" 2> /dev/null || true
  java -jar "$JAR" --tribune.seed.size="$SEED" --server.port=0 --spring.main.banner-mode=off --logging.level.root=warn \
    > "$RUN/seed.log" 2>&1
fi
built=$("${PSQL[@]}" -c "select built from search_index_state" 2> /dev/null || echo f)
if [ "$REINDEX" = true ] || [ "$built" != t ]; then
  echo "index build: load average before $(load)" | tee "$RUN/reindex.md"
  start=$(date +%s)
  java -jar "$JAR" --tribune.search.reindex=true --server.port=0 --spring.main.banner-mode=off > "$RUN/reindex.log" 2>&1
  echo "index build: $(( $(date +%s) - start )) s for $("${PSQL[@]}" -c "select count(*) from search_document") documents; load average after $(load)" \
    | tee -a "$RUN/reindex.md"
fi
# Statistics for the planner, and the GIN indexes' pending entries merged (a bulk load leaves them in a list that
# every search would read through); quick when nothing changed since the last time.
"${PSQL[@]}" -c "vacuum analyze search_document"

JAVA_OPTS=(-Xmx1g -Xms1g ${BENCH_JAVA_OPTS:-}) # BENCH_JAVA_OPTS: more options for the server (a collector, say)
# JFR: CPU samples, and every read from a socket (each answer of the database), to tell waiting from working.
[ "$JFR" = true ] && JAVA_OPTS+=(-XX:StartFlightRecording=filename=$RUN/server.jfr,settings=profile,delay=${WARMUP}s,jdk.SocketRead#threshold=0ms)
started=$(date +%s)
java "${JAVA_OPTS[@]}" -jar "$JAR" --server.port="$PORT" --logging.level.root=warn --logging.level.org.tribune.search=info --tribune.search.engine="$ENGINE" \
  --tribune.data-dir="bench/target/search-node-$DB" > "$RUN/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true' EXIT
until curl -sf -o /dev/null "$BASE/actuator/health" && ss -ltnp 2> /dev/null | grep ":$PORT " | grep -q "pid=$SERVER,"; do
  kill -0 $SERVER 2> /dev/null || { tail -20 "$RUN/server.log"; exit 1; }
  sleep 0.2
done
NODE_INDEX="PostgreSQL alone"
if [ "$ENGINE" = lucene ]; then
  until curl -sf "$BASE/actuator/prometheus" | grep -q '^tribune_search_node_index_ready 1'; do
    kill -0 $SERVER 2> /dev/null || { tail -20 "$RUN/server.log"; exit 1; }
    sleep 1
  done
  NODE_INDEX="the node's Lucene index, answering $(( $(date +%s) - started )) s after start ($(grep -o 'Search index built from.*' "$RUN/server.log" || echo 'used as it was on disk'))"
fi
USERS=$("${PSQL[@]}" -c "select count(*) from account")

# The statements alone, as the application plans them (for their values: the tsqueries as constants), on the whole table
# (posts and comments: the kinds of the posts tab; every group readable, as for a member of all).
explain() { # $1: label, $2: the where clause
  echo "### $1"
  echo '```'
  "${PSQL[@]}" -c "explain (analyze, buffers, costs off, timing off, summary on) select kind, id from (select d.kind, d.id,
      d.created_at, d.document from search_document d where d.kind in ('comment', 'post') and $2
      order by d.created_at desc, d.id desc limit 1000) w order by ts_rank(w.document, $3) desc limit 20" | grep -E 'Scan on|Scan using|Scan Backward|Rows Removed|Heap Blocks|Planning Time|Execution Time' 
  echo '```'
}
tsq() { echo "(plainto_tsquery('tribune_french', '$1') || plainto_tsquery('tribune_english', '$1'))"; }
ptsq() { echo "(phraseto_tsquery('tribune_french', '$1') || phraseto_tsquery('tribune_english', '$1'))"; }
{
  echo "# Search on $DB, $(date -u +%FT%TZ)"
  echo "machine: $(nproc) CPUs, load average before: $(load); server: $JAR, ${JAVA_OPTS[*]}; $CLIENTS clients, ${SECONDS_} s after ${WARMUP} s"
  echo "engine: $NODE_INDEX"
  echo
  echo "## Load (bench/search/SearchLoad.java)"
  echo
  java bench/search/SearchLoad.java "$BASE" posts "$CLIENTS" "$SECONDS_" "$WARMUP" "$USERS"
  echo
  echo "load average: $(load)"
  echo
  java bench/search/SearchLoad.java "$BASE" typeahead "$CLIENTS" "$SECONDS_" "$WARMUP" "$USERS"
  echo
  echo "load average: $(load)"
  echo
  java bench/search/SearchLoad.java "$BASE" suggestions "$CLIENTS" "$SECONDS_" "$WARMUP" "$USERS"
  echo
  echo "load average after: $(load)"
  echo
  echo "## The statements alone (EXPLAIN ANALYZE, the window of 1,000 then the page)"
  echo
  explain 'word "garden"' "d.document @@ $(tsq garden)" "$(tsq garden)"
  explain 'two words "garden music"' "d.document @@ $(tsq garden) and d.document @@ $(tsq music)" "$(tsq garden)"
  explain 'phrase "city river"' "d.word_pairs @@ cast($("${PSQL[@]}" -c "select quote_literal(cast(search_phrase_pairs('city river') as text))") as tsquery) and d.document @@ $(ptsq 'city river')" "$(ptsq 'city river')"
  explain 'phrase "city river", the phrase check alone (before V33)' "d.document @@ $(ptsq 'city river')" "$(ptsq 'city river')"
} 2>&1 | tee "$RUN/summary.md"
if [ "$JFR" = true ]; then
  kill $SERVER; wait $SERVER 2> /dev/null || true
  jfr view --width 200 hot-methods "$RUN/server.jfr" > "$RUN/hot-methods.txt" 2> /dev/null || true
  python3 bench/search/jfr_summary.py "$RUN/server.jfr" > "$RUN/profile.md" 2> /dev/null || true
  echo "JFR: $RUN/server.jfr, hottest methods in $RUN/hot-methods.txt, time by frame in $RUN/profile.md"
fi
echo "results: $RUN/summary.md"
