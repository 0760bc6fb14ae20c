#!/usr/bin/env bash
# The Lucene engine alone (the embedded H2 default) on documents shaped like the medium seed's: index build time and
# p50/p95/p99 of one word, two words and phrases (bench/search/LuceneEngine.java).
#   bench/search/lucene.sh [POSTS (1000000, with twice as many comments)] [QUERIES per kind and thread (300)]
# Needs the project built (mvn -o -DskipTests package, or compile); runs offline against target/classes.
set -euo pipefail
cd "$(dirname "$0")/../.."
for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 "${JAVA_HOME:-}"; do
  [ -n "$dir" ] && [ -x "$dir/bin/java" ] && { export JAVA_HOME=$dir; break; }
done
export PATH="$JAVA_HOME/bin:$PATH"
[ -d target/classes/org/tribune/search ] || mvn -q -B -o compile
[ -f target/bench-classpath.txt ] || mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP=target/classes:$(cat target/bench-classpath.txt)
OUT=target/bench-search-classes
mkdir -p "$OUT"
javac -cp "$CP" -d "$OUT" bench/search/LuceneEngine.java 2>&1 | grep -v "^Note:" || true
echo "machine: $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$OUT:$CP" org.tribune.search.LuceneEngine "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
