#!/usr/bin/env bash
# The pictures benchmark (issue 16), one command; results in docs/benchmarks.md ("Pictures").
#
#   bench/media.sh [--heap 512m] [--duration 20] [--clients 16] [--concurrent 8] [--server-only]
#
# 1. bench/media/NoisyJpeg.java writes a 6000 × 4000 JPEG of noise just under 10 MiB (once, kept in bench/target/media).
# 2. Memory of one upload: bench/media/UploadMemory.java runs the real processing code (org.tribune.media.Processing)
#    under -Xmx150m, then -Xmx100m, and prints the time and the heap of each run.
# 3. A server (the built jar, H2 seeded with the small set in bench/target/media/data) runs with -Xmx$HEAP and a GC
#    log; bench/media/MediaLoad.java sends --concurrent uploads of that photo at once, then measures serving a stored
#    picture against the trivial endpoint. The GC log gives the heap's peak; the server log is searched for
#    OutOfMemoryError.
# Everything goes to bench/target/results/<time>-media/ (summary.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HEAP=512m DURATION=20 CLIENTS=16 CONCURRENT=8 ALONE=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --heap) HEAP=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --concurrent) CONCURRENT=$2; shift 2 ;;
    --server-only) ALONE=no; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 "${JAVA_HOME:-}"; do
  [ -n "$dir" ] && [ -x "$dir/bin/java" ] && { export JAVA_HOME=$dir; break; }
done
export PATH="$JAVA_HOME/bin:$PATH"
WORK=$ROOT/bench/target/media
RUN=$ROOT/bench/target/results/$(date -u +%Y%m%dT%H%M%SZ)-media
mkdir -p "$WORK" "$RUN"
SUMMARY=$RUN/summary.md
say() { echo "$*" | tee -a "$SUMMARY"; }
PORT=${BENCH_PORT:-8097}
SERVER_PID=""
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
trap stop_server EXIT

say "# Pictures benchmark, $(date -u +%FT%TZ)"
say "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average at start $(cut -d' ' -f1-3 /proc/loadavg) (other builds share these cores); $(java -version 2>&1 | head -1)"

PHOTO=$WORK/photo-24mp.jpg
[ -f "$PHOTO" ] || java -Xmx600m bench/media/NoisyJpeg.java "$PHOTO" > "$RUN/photo.txt"
say "Photo: $(stat -c %s "$PHOTO" | awk '{printf "%.2f MiB", $1/1048576}'), 6000 × 4000"

TRIBUNE_STARTUP_CACHE=off ./tribune prepare > "$RUN/build.txt" 2>&1
rm -rf "$WORK/app" && java -Djarmode=tools -jar target/tribune.jar extract --destination "$WORK/app" > /dev/null

say ""
say "## One upload's processing, alone (bench/media/UploadMemory.java)"
for xmx in $([ "$ALONE" = yes ] && echo 150m 100m); do
  say ""
  say "-Xmx$xmx -XX:+UseG1GC:"
  say '```'
  java -Xmx$xmx -XX:+UseG1GC --enable-native-access=ALL-UNNAMED -cp "$WORK/app/tribune.jar" bench/media/UploadMemory.java "$PHOTO" 4 2>&1 | tee -a "$SUMMARY" || true
  say '```'
done

if [ ! -f "$WORK/seed/seed.properties" ]; then
  TRIBUNE_DATA_DIR=$WORK/data java -Xmx1g -jar target/tribune.jar --tribune.seed.size=small --server.port=0 \
    --spring.main.banner-mode=off --tribune.seed.feeders="$WORK/seed" > "$RUN/seed.txt" 2>&1
fi

say ""
say "## The server, -Xmx$HEAP (H2, small seed), $CONCURRENT uploads at once, then serving"
env TRIBUNE_DATA_DIR="$WORK/data" SERVER_PORT=$PORT TRIBUNE_PREVIEWS_ENABLED=false \
  java -Xmx$HEAP -Xms$HEAP -XX:+UseG1GC --enable-native-access=ALL-UNNAMED -Xlog:gc:file="$RUN/gc.log" -jar target/tribune.jar \
  --logging.level.root=warn --logging.level.org.tribune.media.MediaService=debug \
  --tribune.media.uploads-per-hour=10000 > "$RUN/server.log" 2>&1 &
SERVER_PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server did not start: see $RUN/server.log" >&2; exit 1; }
  sleep 0.2
done
(while sleep 0.5; do jstat -gc "$SERVER_PID" 2>/dev/null | awk 'NR==2 {printf "%.0f\n", ($3+$4+$6+$8)/1024}'; done) > "$RUN/heap-samples.txt" &
SAMPLER=$!
java -Xmx1g bench/media/MediaLoad.java --url "http://127.0.0.1:$PORT" --seed "$WORK/seed" --photo "$PHOTO" \
  --concurrent "$CONCURRENT" --clients "$CLIENTS" --duration "$DURATION" 2>&1 | tee -a "$SUMMARY" || say "(the load client failed)"
kill "$SAMPLER" 2>/dev/null || true
say ""
say "Server heap: largest used before a collection (GC log) $(grep -oE '[0-9]+M->[0-9]+M' "$RUN/gc.log" | cut -dM -f1 | sort -n | tail -1) MiB;" \
  "largest sampled every 0.5 s (jstat) $(sort -n "$RUN/heap-samples.txt" | tail -1) MiB; largest after a collection" \
  "$(grep -oE '[0-9]+M->[0-9]+M' "$RUN/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1) MiB;" \
  "OutOfMemoryError in the server log: $(grep -c OutOfMemoryError "$RUN/server.log" || true); still answering: $(curl -sf -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health" || echo no)"
say ""
say "Each upload on the server (MediaService's debug log, in the order they finished):"
grep -oE "(waited [0-9]+ ms for a decode slot, processed in [0-9]+ ms|no decode slot.*)" "$RUN/server.log" | sed 's/^/- /' | tee -a "$SUMMARY" || true
say "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
