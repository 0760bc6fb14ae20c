#!/usr/bin/env bash
# Tribune's benchmarks, one command each (see docs/benchmarks.md for the results and how to read them).
#
#   bench/run.sh all [options]        in one run: the two ceilings (pgbench with the server's feed SQL, its trivial
#                                     endpoint), home feed / group feed / new post at --clients concurrent clients,
#                                     a single request on an idle server, and the open-model mix at --rate
#   bench/run.sh mix [options]        only the open-model mix
#   bench/run.sh endpoint NAME [opts] one endpoint, closed model (home-api, home-html, group-api, group-html,
#                                     post-api, new-post, ping, idle-home), once the node has warmed its caches and
#                                     after 10 s on the trivial endpoint and a warm-up on NAME at --clients (below)
#   bench/run.sh pgbench [options]    only PostgreSQL executing the server's home and group feed SQL (bench/pgbench/server_sql.py)
#   bench/run.sh live [options]       --connections (10000) open live-update streams held on one node, by a light
#                                     client of one thread (bench/live/LiveClients.java; --gatling: the Gatling
#                                     scenario instead), then a delivery check and the server's live heap
#   bench/run.sh startup              start-up to the first answered request, on H2 with the small set
#   bench/run.sh cold [options]       the first minute after start-up: home feed (API) at --clients from the moment the
#                                     server answers, with its caches empty and the JIT cold (--duration defaults to 60)
#
# Options: --db pg|h2 (default pg: database tribune_bench on 127.0.0.1:5432, user postgres; h2: ./data-bench-small)
#          --rate N (mix arrivals/s, 300)  --duration S (60)  --clients N (16)  --connections N (10000)
#          --url URL (measure a server already running there instead of starting one; no heap/CPU figures then)
#          --heap SIZE (-Xmx of the server, 512m)
# The database must have been seeded first: ./tribune seed small|medium (see README). Results, server log, samples
# of CPU, heap and RSS, and the Gatling HTML reports go to bench/target/results/<time>/ (summary.md says it all).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

cmd=${1:-all}; shift || true
endpoint=""
if [ "$cmd" = endpoint ]; then endpoint=${1:?endpoint name}; shift; fi
DB=pg RATE=300 DURATION=60 CLIENTS=16 CONNECTIONS=10000 URL="" HEAP=512m LIVE_CLIENT=light
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --url) URL=$2; shift 2 ;;
    --heap) HEAP=$2; shift 2 ;;
    --gatling) LIVE_CLIENT=gatling; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[ "$cmd" = startup ] && DB=h2 # the start-up target is stated for H2 with the small set

for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 "${JAVA_HOME:-}"; do
  [ -n "$dir" ] && [ -x "$dir/bin/java" ] && { export JAVA_HOME=$dir; break; }
done
export PATH="$JAVA_HOME/bin:$PATH"

PG_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/tribune_bench}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=${PG_URL##*/}
H2_DIR=${BENCH_H2_DIR:-$ROOT/data-bench-small}
SEED=${BENCH_SEED:-$ROOT/bench/target/seed-$([ "$DB" = h2 ] && echo small || echo medium)}
[ -f "$SEED/seed.properties" ] || SEED=$ROOT/bench/target/seed
SEED=$(cd "$SEED" && pwd) # Gatling runs from bench/
RUN=$ROOT/bench/target/results/$(date -u +%Y%m%dT%H%M%SZ)-$cmd${endpoint:+-$endpoint}
mkdir -p "$RUN"
SUMMARY=$RUN/summary.md
PORT=${BENCH_PORT:-8089}
SERVER_PID=""

say() { echo "$*" | tee -a "$SUMMARY"; }
prop() { grep "^$1=" "$SEED/seed.properties" | cut -d= -f2-; }

db_env() {
  if [ "$DB" = pg ]; then
    # the node's search index is kept from one run to the next (bench/search/run.sh uses the same one)
    echo "TRIBUNE_DATABASE_URL=$PG_URL TRIBUNE_DATABASE_USER=$PG_USER TRIBUNE_DATABASE_PASSWORD=${BENCH_PG_PASSWORD:-} TRIBUNE_SEARCH_INDEX_DIR=$ROOT/bench/target/search-node-${PG_URL##*/}/search"
  else
    echo "TRIBUNE_DATA_DIR=$H2_DIR"
  fi
}

start_server() {
  if [ -n "$URL" ]; then BASE=$URL; return; fi
  # The server runs as ./tribune start runs it (extracted jar, start-up cache); building it and making the cache
  # happen first, outside the time measured.
  # The collector is the launcher's choice (the parallel one) unless BENCH_JAVA_OPTS names another: the run measures
  # Tribune as ./tribune start runs it.
  export TRIBUNE_JAVA_OPTS="-Xmx$HEAP -Xms$HEAP ${BENCH_JAVA_OPTS:-}"
  ./tribune prepare
  BASE=http://127.0.0.1:$PORT
  local t0; t0=$(date +%s%N)
  env $(db_env) TRIBUNE_DATABASE_POOL_SIZE=${BENCH_POOL_SIZE:-16} SERVER_PORT=$PORT TRIBUNE_PREVIEWS_ENABLED=false \
    TRIBUNE_POSTS_PER_HOUR=100000 TRIBUNE_COMMENTS_PER_HOUR=100000 \
    ./tribune start --logging.level.root=warn \
    > "$RUN/server.log" 2>&1 &
  SERVER_PID=$! # the launcher execs java: this is the server's pid
  trap 'stop_server' EXIT
  until curl -sf -o /dev/null "$BASE/actuator/health"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server did not start: see $RUN/server.log" >&2; tail -20 "$RUN/server.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  # CPU time the server used until then: on a shared machine, the part of the wall time that is its own work.
  local cpu_ms; cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' /proc/$SERVER_PID/stat)
  say "Server started (pid $SERVER_PID, -Xmx$HEAP, $(tr '\0' '\n' < /proc/$SERVER_PID/cmdline | grep -m1 -- '-XX:+Use.*GC' || echo 'default collector')$(tr '\0' '\n' < /proc/$SERVER_PID/cmdline | grep -qx -- '-XX:+UseTransparentHugePages' && echo ', huge pages'), $DB, start-up cache: $(cache_state)) and answered its first request after ${STARTUP_MS} ms (${cpu_ms} ms of CPU; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ "$DB" = pg ]; then
    # A node without its search index builds it first (minutes on the medium set, PostgreSQL answering meanwhile):
    # the steps start once it answers, so that the build is not measured as load.
    until curl -sf "$BASE/actuator/prometheus" | grep -q '^tribune_search_node_index_ready 1'; do
      kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped: see $RUN/server.log" >&2; exit 1; }
      sleep 1
    done
    say "The node's search index answered after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  fi
}

# Steady-state steps start once the node has warmed its caches (PostCacheWarmer, HomeFeedWarmer: at most
# tribune.cache.warm-seconds), as they start once its search index answers: start-up work, which grows with the
# data, is not measured as load. bench/run.sh cold measures the first minute with warming under way.
wait_for_warming() {
  [ -n "$URL" ] && return 0
  local t0; t0=$(date +%s%N)
  until curl -sf "$BASE/actuator/prometheus" | grep -q '^tribune_cache_warming_done 1'; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped: see $RUN/server.log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - t0) / 1000000000 )) -ge 120 ] && { say "(cache warming had not finished after 120 s)"; return 0; }
    sleep 1
  done
  say "Cache warming had finished $(( ($(date +%s%N) - t0) / 1000000 )) ms after that"
}

cache_state() { # what the launcher used, as it logs nothing itself
  local cmdline; cmdline=$(tr '\0' ' ' < /proc/$SERVER_PID/cmdline)
  case "$cmdline" in
    *-XX:AOTCache=*) echo "AOT cache" ;;
    *target/app/*) echo "extracted jar, no AOT cache" ;;
    *) echo "none" ;;
  esac
}

stop_server() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# Samples once a second (bench/sampler.py, one process for the whole step): machine CPU, the server's CPU, heap used
# and RSS, PostgreSQL's CPU.
SAMPLER=""
sample_start() {
  local name=$1
  python3 "$ROOT/bench/sampler.py" "${SERVER_PID:--}" > "$RUN/samples-$name.txt" 2>/dev/null &
  SAMPLER=$!
}

sample_stop() {
  local name=$1
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
  python3 "$ROOT/bench/samples.py" "$RUN/samples-$name.txt" | tee -a "$SUMMARY"
}

gatling() { # simulation, then -D settings
  local simulation=$1; shift
  local previous; previous=$(ls -td bench/target/gatling/*/ 2>/dev/null | head -1 || true)
  (cd bench && mvn -B -q gatling:test -Dgatling.simulationClass=org.tribune.bench.$simulation -DbaseUrl="$BASE" \
     -Dseed="$SEED" "$@") > "$RUN/gatling-$simulation.log" 2>&1 || echo "(Gatling reported failed assertions or errors; see $RUN/gatling-$simulation.log)" | tee -a "$SUMMARY"
  local report; report=$(ls -td bench/target/gatling/*/ 2>/dev/null | head -1 || true)
  if [ -z "$report" ] || [ "$report" = "$previous" ]; then say "(no report: the run crashed, see $RUN/gatling-$simulation.log)"; return; fi
  cp -r "$report" "$RUN/" 2>/dev/null || true
  python3 "$ROOT/bench/stats.py" "$report" | tee -a "$SUMMARY"
}

warm_up() { # a Gatling run whose figures go nowhere (not into the summary)
  local SUMMARY=/dev/null
  gatling "$@" > /dev/null
}

# A steady-state step starts once its request is compiled and what it reads is in the node's caches, at the
# concurrency it is measured at: the JIT compiles much of a request's path only under that load, and the group feed
# reads the first pages of some 4,500 groups (about 90,000 posts), of which 10 s at 4 clients left a third unread, so
# that the step measured the compiler and the caches' filling (docs/benchmarks.md, eighteenth round). Each step's
# "steady state" line shows what the JIT compiled and the caches read from the database while it ran.
warm_up_endpoint() {
  local name=$1 seconds=20
  [ "$name" = group-api ] || [ "$name" = group-html ] && seconds=40
  warm_up EndpointSimulation -Dendpoint="$name" -Dclients="$CLIENTS" -Dduration="$seconds"
}

# The server's JIT compile time (ms, jstat) and its caches' misses so far: "compile_ms misses".
warmth() {
  local compile=0 misses=0
  if [ -n "$SERVER_PID" ]; then
    compile=$(jstat -compiler "$SERVER_PID" 2>/dev/null | awk 'NR == 2 {printf "%d", $4 * 1000}') || compile=0
  fi
  if [ -n "${BASE:-}" ]; then
    misses=$(curl -sf "$BASE/actuator/prometheus" 2>/dev/null | awk '/^cache_gets_total\{.*result="miss"/ {m += $2} END {printf "%d", m}') || misses=0
  fi
  echo "${compile:-0} ${misses:-0}"
}

# The live step: the light client holds the streams; once they are all open, and again after they are closed, a
# class histogram of the server (jcmd, which runs a full collection first) says what is live in its heap.
live_clients() {
  rm -f "$RUN/holding"
  say "ulimit -n: $(ulimit -n); client: java bench/live/LiveClients.java --connections $CONNECTIONS --ramp 30 --hold $DURATION"
  "$JAVA_HOME/bin/java" -Xmx256m "$ROOT/bench/live/LiveClients.java" --url "$BASE" --seed "$SEED" \
    --connections "$CONNECTIONS" --ramp 30 --hold "$DURATION" --holding-file "$RUN/holding" > "$RUN/live-clients.txt" 2>&1 &
  local client=$!
  if [ -n "$SERVER_PID" ]; then
    until [ -f "$RUN/holding" ] || ! kill -0 "$client" 2>/dev/null; do sleep 1; done
    [ -f "$RUN/holding" ] && sleep 5 && jcmd "$SERVER_PID" GC.class_histogram > "$RUN/histogram-holding.txt"
  fi
  wait "$client" || echo "(the live client reported failures)" | tee -a "$SUMMARY"
  sed -n '/^| streams asked/,$p' "$RUN/live-clients.txt" | tee -a "$SUMMARY"
}

live_heap() {
  [ -n "$SERVER_PID" ] || return 0
  sleep 5
  jcmd "$SERVER_PID" GC.class_histogram > "$RUN/histogram-closed.txt"
  for f in holding closed; do
    [ -f "$RUN/histogram-$f.txt" ] || continue
    say "live heap with the streams $( [ $f = holding ] && echo open || echo closed 5 s before ):" \
      "$(awk '/^Total/ {printf "%.0f MiB", $3/1048576}' "$RUN/histogram-$f.txt");" \
      "live.Connection objects: $(awk '$4 == "org.tribune.platform.live.Connection" {n=$2} END {print n+0}' "$RUN/histogram-$f.txt");" \
      "Tomcat socket wrappers: $(awk '$4 ~ /NioSocketWrapper$/ {n=$2} END {print n+0}' "$RUN/histogram-$f.txt");" \
      "HTTP processors: $(awk '$4 ~ /Http11Processor$/ {n=$2} END {print n+0}' "$RUN/histogram-$f.txt")"
  done
}

# The per-node caches at the end of a run, from /actuator/prometheus: entries, hit rate, reads that bypassed them.
cache_report() {
  [ -n "${BASE:-}" ] || return 0
  curl -sf "$BASE/actuator/prometheus" > "$RUN/prometheus.txt" || { say "(no /actuator/prometheus to read the caches from)"; return 0; }
  say ""
  say "### caches at the end of the run (this node)"
  say ""
  python3 - "$RUN/prometheus.txt" <<'PY' | tee -a "$SUMMARY"
import re, sys
caches = {}
for line in open(sys.argv[1]):
    m = re.match(r'(cache_gets_total|cache_size|cache_evictions_total|tribune_cache_bypassed_total|tribune_cache_unkept_total)\{([^}]*)\} (\S+)', line)
    if not m:
        continue
    labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
    c = caches.setdefault(labels.get("cache", "?"), {})
    key = m.group(1) + (":" + labels["result"] if "result" in labels else "") + (":" + labels["reason"] if "reason" in labels else "")
    c[key] = c.get(key, 0) + float(m.group(3))
print("| cache | entries | hits | misses | hit rate | evicted for size | bypassed (bus down) | not kept: writing / untrusted / changed |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, c in sorted(caches.items()):
    hits, misses = c.get("cache_gets_total:hit", 0), c.get("cache_gets_total:miss", 0)
    rate = f"{100 * hits / (hits + misses):.1f}%" if hits + misses else "-"
    print(f"| {name} | {c.get('cache_size', 0):.0f} | {hits:.0f} | {misses:.0f} | {rate} | {c.get('cache_evictions_total', 0):.0f} | {c.get('tribune_cache_bypassed_total', 0):.0f} | "
          + " / ".join(f"{c.get('tribune_cache_unkept_total:' + r, 0):.0f}" for r in ("writing", "untrusted", "changed")) + " |")
PY
}

STEP=0
step() { # name, then the command to measure
  local name=$1; shift
  STEP=$((STEP + 1))
  say ""
  say "### $name"
  say ""
  say "load before: $(uptime | sed 's/.*load average/load average/')"
  local before=""
  [ -n "${BASE:-}" ] && [ "$1" = gatling ] && before=$(warmth)
  sample_start "step$STEP"
  "$@"
  sample_stop "step$STEP"
  if [ -n "$before" ]; then
    local after; after=$(warmth)
    say "steady state: $(( ${after% *} - ${before% *} )) ms of JIT compilation and $(( ${after#* } - ${before#* } )) cache misses (reads sent to the database) during the step"
  fi
}

pgbench_run() { # home|group: the server's own statements for one feed request (bench/pgbench/server_sql.py)
  local feed=$1 scripts=$RUN/pgbench-scripts args=()
  [ -f "$scripts/group.sql" ] || python3 "$ROOT/bench/pgbench/server_sql.py" "$scripts" "$PG_DB" "$PG_USER" "$SEED/seed.properties" 128 | tee -a "$SUMMARY"
  if [ "$feed" = home ]; then
    for f in "$scripts"/home-*.sql; do args+=(-f "$f"); done
  else
    args=(-f "$scripts/group.sql")
  fi
  say "\`pgbench -n -M prepared -c $CLIENTS -j 2 -T $DURATION\` with $( [ "$feed" = home ] && echo "128 home feed scripts (one per person drawn at random)" || echo "the group feed script" ) from bench/pgbench/server_sql.py, on $PG_DB"
  pgbench -h 127.0.0.1 -U "$PG_USER" -n -M prepared -c "$CLIENTS" -j 2 -T "$DURATION" -P 10 \
    -D users="$(prop users)" -D base="$(prop userBaseId)" -D step="$(prop userIdStep)" \
    -D groups="$(psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -tAc "select count(*) from topic_group where slug_key ~ '^g[0-9]+$'")" \
    "${args[@]}" --log --log-prefix="$RUN/pgbench-$feed" --aggregate-interval=1 "$PG_DB" \
    > "$RUN/pgbench-$feed.txt" 2>&1
  grep -E "^tps|latency average|latency stddev|failed transactions" "$RUN/pgbench-$feed.txt" | grep -v "^ -" | sed 's/^/    /' | tee -a "$SUMMARY"
  python3 "$ROOT/bench/pgbench_percentiles.py" "$RUN"/pgbench-"$feed"* | tee -a "$SUMMARY" || true
}

say "# Tribune benchmark: $cmd${endpoint:+ $endpoint}, $(date -u +%FT%TZ)"
say ""
say "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem/ {print $2}') GiB;"\
" database $DB; seed $(prop size) ($(prop users) people); server heap -Xmx$HEAP; clients $CLIENTS; duration ${DURATION}s"

case "$cmd" in
  startup)
    DB=h2; start_server; stop_server ;;
  pgbench)
    step "ceiling: PostgreSQL alone, home feed SQL" pgbench_run home
    step "ceiling: PostgreSQL alone, group feed SQL" pgbench_run group ;;
  cold)
    start_server
    step "cold start: home feed (API), $CLIENTS clients, from the first answer" \
      gatling EndpointSimulation -Dendpoint=home-api -Dclients="$CLIENTS" -Dduration="$DURATION" ;;
  endpoint)
    start_server
    wait_for_warming
    warm_up EndpointSimulation -Dendpoint=ping -Dclients=4 -Dduration=10 # warm up the JIT
    # and on the request measured, as bench/run.sh all does for each (the first minute, cold, is run.sh cold's measure)
    [ "$endpoint" = ping ] || warm_up_endpoint "$endpoint"
    step "$endpoint, $CLIENTS clients" gatling EndpointSimulation -Dendpoint="$endpoint" -Dclients="$CLIENTS" -Dduration="$DURATION" ;;
  mix)
    start_server
    wait_for_warming
    warm_up EndpointSimulation -Dendpoint=home-api -Dclients=4 -Dduration=15
    step "mix, open model at $RATE arrivals/s" gatling MixSimulation -Drate="$RATE" -Dduration="$DURATION" -Dramp=10 ;;
  live)
    start_server
    if [ "$LIVE_CLIENT" = gatling ]; then
      step "live: $CONNECTIONS open SSE connections (Gatling)" gatling LiveSimulation -Dconnections="$CONNECTIONS" -Dduration="$DURATION" -Dramp=30
    else
      step "live: $CONNECTIONS open SSE connections" live_clients
    fi
    live_heap ;;
  all)
    start_server
    wait_for_warming
    # Each steady-state step runs right after a warm-up on its own request (warm_up_endpoint), and each PostgreSQL
    # ceiling right before the step it is the yardstick of: on a shared machine whose speed drifts by a fifth within
    # minutes, a ratio is only as good as the nearness in time of its two figures (docs/benchmarks.md, eighteenth round).
    warm_up_endpoint ping
    step "ceiling 2: the server's trivial endpoint (/actuator/health), $CLIENTS clients" \
      gatling EndpointSimulation -Dendpoint=ping -Dclients="$CLIENTS" -Dduration="$DURATION"
    warm_up_endpoint home-api
    step "idle server: one client, home feed (API), 50 ms apart" gatling EndpointSimulation -Dendpoint=idle-home -Dduration=30
    [ "$DB" = pg ] && step "ceiling 1: PostgreSQL alone, home feed SQL, $CLIENTS clients" pgbench_run home
    warm_up_endpoint home-api
    step "home feed (API), $CLIENTS clients" gatling EndpointSimulation -Dendpoint=home-api -Dclients="$CLIENTS" -Dduration="$DURATION"
    warm_up_endpoint home-html
    step "home feed (HTML), $CLIENTS clients" gatling EndpointSimulation -Dendpoint=home-html -Dclients="$CLIENTS" -Dduration="$DURATION"
    [ "$DB" = pg ] && step "ceiling 1: PostgreSQL alone, group feed SQL, $CLIENTS clients" pgbench_run group
    warm_up_endpoint group-api
    step "group feed (API), $CLIENTS clients" gatling EndpointSimulation -Dendpoint=group-api -Dclients="$CLIENTS" -Dduration="$DURATION"
    step "new post (API), $CLIENTS clients" gatling EndpointSimulation -Dendpoint=new-post -Dclients="$CLIENTS" -Dduration="$DURATION"
    step "mix, open model at $RATE arrivals/s" gatling MixSimulation -Drate="$RATE" -Dduration="$DURATION" -Dramp=10 ;;
  *) echo "unknown command $cmd (all, mix, endpoint, pgbench, live, startup, cold)" >&2; exit 2 ;;
esac
cache_report
say ""
say "Results in $RUN"
