#!/usr/bin/env bash
# Throughput: warden scan (all default recognizers, findings to a file) vs ripgrep (-o, a comparable pattern set,
# ASCII mode) on the same deterministic >= 200 MB English corpus with embedded PII, same run, medians of N runs.
# Usage: bench/scan-vs-ripgrep.sh [MEGABYTES=200] [RUNS=5]
cd "$(dirname "$0")/.."
. bench/lib.sh
mb="${1:-200}"; runs="${2:-5}"
bench_tool rg ripgrep
bench_tool hyperfine hyperfine
bench_build
corpus="$work/corpus-${mb}m.txt"
bench_gen text "$corpus" "$mb"
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($bytes bytes); machine: $(machine); rg: $(rg --version | head -1)"
export WARDEN_NO_BUILD=1
hyperfine --runs "$runs" --warmup 1 -i --export-json "$work/scan-vs-rg.json" \
  -n ripgrep "rg -o --no-unicode --no-line-number -f bench/rg-patterns.txt $corpus > $work/rg.out" \
  -n warden "./warden scan $corpus --findings $work/findings.jsonl --quiet --no-progress"
python3 - "$work/scan-vs-rg.json" "$bytes" "$work" <<'PY'
import json, sys, statistics, os
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
b = int(sys.argv[2]); w = sys.argv[3]
rg, wd = statistics.median(res["ripgrep"]["times"]), statistics.median(res["warden"]["times"])
rg_n = sum(1 for _ in open(os.path.join(w, "rg.out"), "rb"))
wd_n = sum(1 for _ in open(os.path.join(w, "findings.jsonl"), "rb"))
print(f"ripgrep median {rg:.2f} s ({b/rg/1e6:.0f} MB/s, {rg_n} matches)")
print(f"warden  median {wd:.2f} s ({b/wd/1e6:.0f} MB/s, {wd_n} findings)")
print(f"ratio warden/ripgrep = {wd/rg:.2f} (goal <= 1.00)")
PY
