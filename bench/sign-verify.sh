#!/usr/bin/env bash
# warden sign / warden verify on a directory of large shards, against peers hashing the same files in the same run:
# sha256sum (one process), find | xargs -P NPROC sha256sum, the same with `openssl dgst -sha256` (SHA extensions),
# a plain parallel read of the files (cat > /dev/null: the page-cache read ceiling), and — when MODEL_TRANSPARENCY
# names a checkout or git directory of sigstore/model-transparency — the reference model_signing itself
# (scripts/model-signing-env.sh says how it runs here). Files are in the page cache (read once before timing).
# Prints medians (hyperfine) and GB/s (decimal, as the throughput of all bytes hashed).
# Usage: bench/sign-verify.sh [SHARDS=8] [SHARD_MIB=512] [RUNS=5]
cd "$(dirname "$0")/.."
. bench/lib.sh
shards="${1:-8}"; mib="${2:-512}"; runs="${3:-5}"
bench_tool hyperfine hyperfine
bench_build
warden="$root/warden"
dir="$work/shards-${shards}x${mib}m"
mkdir -p "$dir"
for i in $(seq 0 $((shards - 1))); do # deterministic bytes: AES-CTR keystream under a fixed key, per shard
  f="$dir/model-$(printf %05d "$i")-of-$(printf %05d "$shards").safetensors"
  [ -s "$f" ] && [ "$(stat -c %s "$f")" = $((mib << 20)) ] && continue
  { openssl enc -aes-128-ctr -nosalt -K "$(printf "%032x" "$i")" -iv 0 -in /dev/zero 2>/dev/null || true; } | head -c $((mib << 20)) > "$f.tmp"
  mv "$f.tmp" "$f"
done
bytes=$(( shards * (mib << 20) ))
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/bench-sign.pem" 2>/dev/null
openssl pkey -in "$work/bench-sign.pem" -pubout -out "$work/bench-sign.pub" 2>/dev/null
sig="$work/bench-shards.sig"
cat "$dir"/* > /dev/null
p=$(nproc)
echo "machine: $(machine)"
echo "input: $shards shards x $mib MiB = $bytes bytes in $dir (page cache warm)"
"$warden" sign "$dir" --key "$work/bench-sign.pem" --sig "$sig" --force -q

cmds=(
  "cat-P$p|find $dir -type f -print0 | xargs -0 -P$p -n1 cat > /dev/null"
  "sha256sum|sha256sum $dir/* > /dev/null"
  "sha256sum-P$p|find $dir -type f -print0 | xargs -0 -P$p -n1 sha256sum > /dev/null"
  "openssl-P$p|find $dir -type f -print0 | xargs -0 -P$p -n1 openssl dgst -sha256 > /dev/null"
  "warden-sign|$warden sign $dir --key $work/bench-sign.pem --sig $sig --force -q"
  "warden-verify|$warden verify $dir --key $work/bench-sign.pub --sig $sig -q"
)
if [ -n "${MODEL_TRANSPARENCY:-}" ]; then
  src="$MODEL_TRANSPARENCY"; pki="$root/warden-crypto/src/test/resources/oms/model-transparency/keys"
  msw="$(mktemp -d)"; work_saved="$work"; work="$msw"
  . "$root/scripts/model-signing-env.sh"
  work="$work_saved"
  runner="cd $msw && $py -s $msw/py/run_model_signing.py $pki/ca-cert.pem"
  (cd "$msw" && "$py" -s "$msw/py/run_model_signing.py" "$pki/ca-cert.pem" sign key \
    --signature "$work/ms-bench.sig" --private_key "$work/bench-sign.pem" "$dir" >/dev/null)
  cmds+=("model_signing-sign|$runner sign key --signature $work/ms-bench.sig --private_key $work/bench-sign.pem $dir > /dev/null"
         "model_signing-verify|$runner verify key --signature $work/ms-bench.sig --public_key $work/bench-sign.pub $dir > /dev/null")
  echo "reference: model_signing $(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$msw/py/model_signing/__init__.py") at $rev"
fi
args=()
for c in "${cmds[@]}"; do args+=(-n "${c%%|*}" "${c#*|}"); done
hyperfine --warmup 1 --runs "$runs" --export-json "$work/sign-verify.json" --style basic "${args[@]}" >&2
python3 - "$work/sign-verify.json" "$bytes" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]; n = int(sys.argv[2])
base = {r["command"]: r["median"] for r in res}
print(f"{'command':24} {'median s':>9} {'min s':>7} {'max s':>7} {'GB/s':>6}")
for r in res:
    print(f"{r['command']:24} {r['median']:9.3f} {r['min']:7.3f} {r['max']:7.3f} {n / r['median'] / 1e9:6.2f}")
for peer in ("sha256sum", [k for k in base if k.startswith("sha256sum-P")][0], [k for k in base if k.startswith("openssl-P")][0]):
    print(f"warden-sign / {peer}: {base['warden-sign'] / base[peer]:.2f}x the time")
PY
