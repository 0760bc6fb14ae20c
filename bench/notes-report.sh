#!/bin/sh
# Recall of the note scorer on the generated two-camp populations, per density, with and without a brigade
# (the table in docs/notes-scoring.md). Usage: bench/notes-report.sh [seeds]
set -e
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q -DskipTests test-compile
"$JAVA_HOME/bin/java" -cp target/classes:target/test-classes org.tribune.notes.NoteScoringReport "$@"
