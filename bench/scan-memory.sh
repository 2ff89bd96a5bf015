#!/usr/bin/env bash
# Memory: scan a deterministic 2 GB text file with the heap capped at 512 MB; prints wall time, peak RSS and
# the largest heap the GC saw in use. Usage: bench/scan-memory.sh [MEGABYTES=2048]
cd "$(dirname "$0")/.."
. bench/lib.sh
mb="${1:-2048}"
bench_tool /usr/bin/time time
bench_build
corpus="$work/corpus-${mb}m.txt"
bench_gen text "$corpus" "$mb"
echo "input: $corpus ($(stat -c %s "$corpus") bytes); machine: $(machine)"
export WARDEN_NO_BUILD=1
export WARDEN_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$work/gc.log"
/usr/bin/time -v ./warden scan "$corpus" --findings "$work/mem-findings.jsonl" --quiet --no-progress \
  2> "$work/time.txt" || true
grep -E "Elapsed|Maximum resident" "$work/time.txt"
python3 - "$work/gc.log" <<'PY'
import re, sys
peak = 0
for line in open(sys.argv[1]):
    m = re.search(r"(\d+)M->\d+M\((\d+)M\)", line)
    if m: peak = max(peak, int(m.group(1)))
print(f"peak heap in use before a GC: {peak} MB (limit -Xmx512m)")
PY
