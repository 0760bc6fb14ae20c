#!/bin/sh
# Times the note scorer on 1,000,000 ratings within a 1 GiB heap (results in docs/notes-scoring.md).
# Usage: bench/note-scorer.sh [ratings] [raters] [notes]
set -e
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q -DskipTests compile
"$JAVA_HOME/bin/java" -Xmx1g -Xms1g -cp target/classes bench/NoteScorerBenchmark.java "$@"
