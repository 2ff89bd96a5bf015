#!/usr/bin/env bash
# JMH: single-thread throughput (values/s) of the keyed operators — tokenize, fpe (16-digit cards),
# surrogate (PERSON, EMAIL_ADDRESS), hash — over 65 536 distinct realistic values. Goal: >= 1 M values/s each.
# Then the same per second of CPU time of the measuring thread (OperatorCpuRate), which other jobs on a shared
# machine do not lower. Usage: bench/operators.sh [OPERATOR ...]   (short JMH run: WARDEN_JMH_SHORT=1)
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_build
params="tokenize,fpe,surrogate-person,surrogate-email,hash"
[ $# -gt 0 ] && params="$(IFS=,; echo "$*")"
short=()
[ -n "${WARDEN_JMH_SHORT:-}" ] && short=(-wi 2 -w 1 -i 3 -r 1)
echo "machine: $(machine); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "warden-bench/target/warden-bench.jar:warden-bench/target/lib/*" org.openjdk.jmh.Main \
  OperatorBenchmark -p operator="$params" "${short[@]}" -rf json -rff "$work/jmh-operators.json"
# The same operators per second of the measuring thread's CPU time: robust to other jobs on a shared machine.
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "warden-bench/target/warden-bench.jar:warden-bench/target/lib/*" \
  io.warden.bench.OperatorCpuRate ${1+"$@"}
