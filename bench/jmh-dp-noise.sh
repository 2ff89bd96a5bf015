#!/usr/bin/env bash
# JMH: ns per exact DP noise sample (discrete Laplace / Gaussian; seeded generator and SecureRandom), one thread.
# Usage: bench/jmh-dp-noise.sh [JMH OPTIONS ...]   e.g. -p random=secure
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
"$JAVA_HOME/bin/java" -cp "warden-bench/target/warden-bench.jar:warden-bench/target/lib/*" org.openjdk.jmh.Main \
  DpNoiseBenchmark -rf json -rff "$work/jmh-dp-noise.json" "$@"
