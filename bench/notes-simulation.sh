#!/bin/sh
# Share of a misleading post's views seen before its community note shows, with the "needs your help" routing on
# and off: a simulation running the real scorer hourly and the real routing order (results in docs/notes-scoring.md).
# Usage: bench/notes-simulation.sh [seeds]
set -e
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q -DskipTests test-compile
"$JAVA_HOME/bin/java" -Xmx1g -cp target/classes:target/test-classes org.tribune.notes.NoteRoutingSimulation "$@"
