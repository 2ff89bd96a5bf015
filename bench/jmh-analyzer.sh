#!/usr/bin/env bash
# JMH: ms per MiB of generated English text with PII, single thread, for all recognizers, lexing alone, and each
# recognizer given as an argument. Usage: bench/jmh-analyzer.sh [RECOGNIZER ...]
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
params="all,lex"
[ $# -gt 0 ] && params="$params,$(IFS=,; echo "$*")"
"$JAVA_HOME/bin/java" -cp "warden-bench/target/warden-bench.jar:warden-bench/target/lib/*" org.openjdk.jmh.Main \
  AnalyzerBenchmark -p recognizer="$params" -rf json -rff "$work/jmh-analyzer.json"
