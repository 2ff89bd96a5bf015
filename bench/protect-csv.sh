#!/usr/bin/env bash
# warden protect on 1 M rows x 20 columns (the scan-csv table) with bench/protect-policy.yaml: rows/s (median of
# N runs, self-check included) and, in one more run with the heap capped, peak heap and RSS.
# Usage: bench/protect-csv.sh [ROWS=1000000] [RUNS=3]
cd "$(dirname "$0")/.."
. bench/lib.sh
rows="${1:-1000000}"; runs="${2:-3}"
bench_tool hyperfine hyperfine
bench_tool /usr/bin/time time
bench_build
csv="$work/table-${rows}.csv"
bench_gen csv "$csv" "$rows"
out="$work/protected-${rows}.csv"
keys="$work/bench.keyring.json"
[ -s "$keys" ] || WARDEN_NO_BUILD=1 ./warden keys create "$keys" --insecure-plaintext
echo "csv: $csv ($(stat -c %s "$csv") bytes, $rows rows x 20 columns); machine: $(machine)"
export WARDEN_NO_BUILD=1
hyperfine --runs "$runs" -i --export-json "$work/protect-csv.json" \
  -n warden-protect "./warden protect $csv --policy bench/protect-policy.yaml --keyring $keys --out $out --quiet"
python3 - "$work/protect-csv.json" "$rows" <<'PY'
import json, sys, statistics
r = json.load(open(sys.argv[1]))["results"][0]
t = statistics.median(r["times"])
print(f"warden protect median {t:.2f} s (runs {min(r['times']):.2f}-{max(r['times']):.2f}): {int(sys.argv[2])/t:,.0f} rows/s")
PY
WARDEN_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$work/protect-gc.log" /usr/bin/time -v \
  ./warden protect "$csv" --policy bench/protect-policy.yaml --keyring "$keys" --out "$out" --quiet 2> "$work/protect-time.txt" || true
grep -E "Elapsed|Maximum resident" "$work/protect-time.txt"
python3 - "$work/protect-gc.log" <<'PY'
import re, sys
peak = 0
for line in open(sys.argv[1]):
    m = re.search(r"(\d+)M->\d+M\((\d+)M\)", line)
    if m: peak = max(peak, int(m.group(1)))
print(f"peak heap in use before a GC: {peak} MB (limit -Xmx512m)")
PY
