#!/usr/bin/env bash
# warden seal / unseal of a random file beside openssl enc -aes-256-ctr and age on the same file, in the same run.
# Prints the median wall time of each over RUNS runs (hyperfine, one warm-up run each) and Warden's ratios.
# Files live in DIR (default /dev/shm, a RAM file system, so the disk's speed does not decide; pass a disk
# directory to include it). Warden's keyring is passphrase-protected (Argon2id is paid at every run);
# openssl gets a raw key on the command line and age an X25519 identity file, each its cheapest form.
# Warden forces its output to disk before renaming it into place; so that all three deliver a durable file, openssl
# and age are followed by `sync FILE` (coreutils: fsync of that file; free on a RAM file system).
# Usage: bench/seal-vs-openssl.sh [SIZE_MIB=1024] [RUNS=5] [DIR=/dev/shm]
cd "$(dirname "$0")/.."
. bench/lib.sh
size="${1:-1024}"; runs="${2:-5}"; dir="${3:-/dev/shm}/warden-seal-bench"
bench_tool hyperfine hyperfine
bench_tool age age
bench_tool openssl openssl
bench_build
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT
plain="$dir/plain.bin"
head -c "$((size << 20))" /dev/urandom > "$plain"
export WARDEN_NO_BUILD=1 WARDEN_KEYRING_PASSPHRASE="bench passphrase, not a secret"
keys="$dir/bench.keyring.json"
./warden keys create "$keys" --passphrase-env WARDEN_KEYRING_PASSPHRASE >/dev/null
./warden keys add-dataset bench --keyring "$keys" >/dev/null
age-keygen -o "$dir/age.key" 2>/dev/null
recipient="$(age-keygen -y "$dir/age.key")"
key="$(openssl rand -hex 32)"; iv="$(openssl rand -hex 16)"
echo "file: $size MiB of random bytes in $dir ($(df -T "$dir" | awk 'NR==2{print $2}')); machine: $(machine)"
echo "openssl: $(openssl version); age: $(age --version)"
# Seal first (the unseal runs need the sealed file), each tool's encryption then decryption.
hyperfine --runs "$runs" --warmup 1 --export-json "$dir/enc.json" \
  -n warden-seal "./warden seal $plain --dataset bench --keyring $keys -o $dir/plain.sealed" \
  -n openssl-enc "openssl enc -aes-256-ctr -K $key -iv $iv -in $plain -out $dir/plain.ctr && sync $dir/plain.ctr" \
  -n age-enc "age -r $recipient -o $dir/plain.age $plain && sync $dir/plain.age" >/dev/null
hyperfine --runs "$runs" --warmup 1 --export-json "$dir/dec.json" \
  -n warden-unseal "./warden unseal $dir/plain.sealed --keyring $keys -o $dir/out.warden" \
  -n openssl-dec "openssl enc -d -aes-256-ctr -K $key -iv $iv -in $dir/plain.ctr -out $dir/out.openssl && sync $dir/out.openssl" \
  -n age-dec "age -d -i $dir/age.key -o $dir/out.age $dir/plain.age && sync $dir/out.age" >/dev/null
for f in out.warden out.openssl out.age; do cmp -s "$plain" "$dir/$f" || { echo "MISMATCH: $f" >&2; exit 1; }; done
/usr/bin/time -f "warden seal peak RSS %M KB" ./warden seal "$plain" --dataset bench --keyring "$keys" -o "$dir/rss.sealed" >/dev/null
python3 - "$dir/enc.json" "$dir/dec.json" "$size" <<'PY'
import json, statistics, sys
size = int(sys.argv[3]) / 1024
for path, (w, o, a) in ((sys.argv[1], ("warden-seal", "openssl-enc", "age-enc")),
                        (sys.argv[2], ("warden-unseal", "openssl-dec", "age-dec"))):
    t = {r["command"]: r["times"] for r in json.load(open(path))["results"]}
    m = {k: statistics.median(v) for k, v in t.items()}
    for k in (w, o, a):
        print(f"{k:14s} median {m[k]:.2f} s  (runs {min(t[k]):.2f}-{max(t[k]):.2f})  {size / m[k]:.2f} GiB/s")
    print(f"  {w} / openssl: {m[w] / m[o]:.2f} x (goal <= 1.10)   {w} / age: {m[w] / m[a]:.2f} x (goal <= 1.00)")
PY
