#!/usr/bin/env bash
# Quick guide to where analysis time goes, one thread: each recognizer alone, then each recognizer's marginal cost
# in the full set (ms/MiB saved without it). Best of PASSES; rough — publish JMH figures (jmh-analyzer.sh).
# Usage: bench/recognizer-timings.sh [MEGABYTES=16] [PASSES=5]
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
echo "machine: $(machine)"
"$JAVA_HOME/bin/java" -Xmx2g -cp "warden-bench/target/warden-bench.jar:warden-bench/target/lib/*" \
  io.warden.bench.RecognizerTimings "${1:-16}" "${2:-5}"
