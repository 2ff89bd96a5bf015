#!/usr/bin/env bash
# k-anonymity search on Adult (30 162 records, 9 quasi-identifiers, k = 5, 4 % and 0 % suppression): Warden's time
# per search (median of RUNS after warm-up, and the first one in a fresh JVM), the optimum it found, nodes evaluated,
# and the ratio to ARX 3.9 measured on this machine (docs/privacy-models.md says how; ARX is not on Maven Central,
# so its figures here are the recorded ones).
# Usage: bench/k-anonymity.sh [RUNS=10] [METRICS=LOSS|all]
cd "$(dirname "$0")/.."
. bench/lib.sh
runs="${1:-10}"; metrics="${2:-LOSS}"
adult="${WARDEN_ADULT:-$root/../shared/data/adult}"
bench_build
echo "machine: $(machine)"
"$JAVA_HOME/bin/java" -Xmx1g -cp "warden-bench/target/warden-bench.jar:warden-bench/target/lib/*" \
  io.warden.bench.KAnonymityBench "$adult" "$runs" "$metrics" | tee "$work/k-anonymity.txt"
python3 - "$work/k-anonymity.txt" <<'PY'
import sys
# ARX 3.9 (commit aacd487), same JDK and machine, median of warm anonymize() calls, mean of the two rounds in
# docs/privacy-models.md (2026-11-22)
arx = {("LOSS", "0.04"): 1239, ("LOSS", "0.00"): 62, ("PRECISION", "0.04"): 1089, ("PRECISION", "0.00"): 64,
       ("DISCERNIBILITY", "0.04"): 1280, ("DISCERNIBILITY", "0.00"): 68,
       ("AVERAGE_CLASS_SIZE", "0.04"): 1286, ("AVERAGE_CLASS_SIZE", "0.00"): 82}
for line in open(sys.argv[1]):
    if line.startswith("RESULT"):
        _, metric, limit, ms = line.split()
        ref = arx.get((metric, limit))
        if ref:
            print(f"{metric} {float(limit)*100:.0f} %: warden {float(ms):.0f} ms, ARX {ref} ms -> ratio {float(ms)/ref:.2f}")
PY
