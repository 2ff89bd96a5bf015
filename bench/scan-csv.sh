#!/usr/bin/env bash
# CSV throughput: warden scan on 1 M rows x 20 columns (deterministic), rows/s; median of N runs.
# Usage: bench/scan-csv.sh [ROWS=1000000] [RUNS=3]
cd "$(dirname "$0")/.."
. bench/lib.sh
rows="${1:-1000000}"; runs="${2:-3}"
bench_tool hyperfine hyperfine
bench_build
csv="$work/table-${rows}.csv"
bench_gen csv "$csv" "$rows"
echo "csv: $csv ($(stat -c %s "$csv") bytes, $rows rows x 20 columns); machine: $(machine)"
export WARDEN_NO_BUILD=1
hyperfine --runs "$runs" --warmup 1 -i --export-json "$work/scan-csv.json" \
  -n warden-csv "./warden scan $csv --findings $work/csv-findings.jsonl --quiet --no-progress"
python3 - "$work/scan-csv.json" "$rows" "$(stat -c %s "$csv")" <<'PY'
import json, sys, statistics
t = statistics.median(json.load(open(sys.argv[1]))["results"][0]["times"])
rows, b = int(sys.argv[2]), int(sys.argv[3])
print(f"warden csv median {t:.2f} s: {rows/t:,.0f} rows/s, {b/t/1e6:.0f} MB/s")
PY
