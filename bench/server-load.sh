#!/usr/bin/env bash
# Load on `warden server` from a second process on loopback (wrk, 2 threads), with the server and wrk sharing this
# machine's cores. Measures, at each connection count:
#   meta    GET /api/v1/datasets/NAME with a steward's Bearer session: authenticated (session + user looked up),
#           authorized (role + grant), catalog read, answered with the metadata JSON, and audited durably first
#   upload  PUT of a 1 KiB body as a new version: also sealed (AES-GCM) and forced to disk, recorded in the catalog
#   health  GET /api/v1/health, no credential, still audited durably (a peer: what the audit + HTTP stack costs)
#   nginx   the same metadata JSON as a static file from Debian's nginx over TLS (same certificate and key), no
#           audit, no access log: what TLS + HTTP alone cost on this machine (a peer, in the same run)
# Prints requests/s, p50 / p99 / max latency (wrk's histogram), errors, and the CPU the server (or nginx) and the
# whole machine used during each run, so other work on the machine shows. Goal (issue 5): >= 5,000 audited
# requests/s with p99 < 20 ms on 2 cores.
#
# Everything is set up from nothing in a temporary directory and removed at the end: a fresh data directory, the
# bootstrap admin with TOTP (codes computed by bench/warden_setup.py), a data steward, two datasets (one read, one
# uploaded to), nginx's configuration. Afterwards it checks that every upload wrk saw acknowledged is in the catalog and
# that the audit log verifies against a signed checkpoint and holds at least one entry per request sent.
#
# Usage: bench/server-load.sh [SECONDS=15] [CONNECTIONS="16 64"]
#   WARDEN_JAVA_OPTS   JVM options for the server (the launcher's default otherwise), e.g. to record with JFR:
#                      WARDEN_JAVA_OPTS='-Xmx512m -XX:StartFlightRecording=filename=/tmp/s.jfr,settings=profile'
#   WARMUP=SECONDS     warm-up per target before measuring (default 10; the JIT compiles the hot paths)
cd "$(dirname "$0")/.."
. bench/lib.sh
. bench/server-lib.sh
secs="${1:-15}"
conns="${2:-16 64}"
warmup="${WARMUP:-10}"
bench_tool wrk wrk
bench_tool nginx nginx # on a machine with systemd, Debian's package also starts a system nginx on port 80
bench_tool curl curl
bench_tool python3 python3
bench_build

tmp="$(mktemp -d /tmp/warden-load.XXXXXX)"
nginx_pid=""
cleanup() {
  server_stop
  if [ -n "$nginx_pid" ]; then kill -QUIT "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$tmp" "$tmp-www"
}
trap cleanup EXIT

echo "machine: $(machine); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: $(wrk -v 2>&1 | head -1); $(nginx -v 2>&1); $(openssl version)"

# --- the server, its users and datasets -----------------------------------------------------------------------------
data="$tmp/data"
server_start "$data" "$tmp/server"
server_setup "$data" bench-read bench-up
cert="$data/tls/cert.pem"
api() { curl -sS --fail-with-body --cacert "$cert" -H "Authorization: Bearer $STEW_TOKEN" "$@"; }
# three versions, so the metadata answer is a realistic catalog entry (about 1 KiB of JSON)
for i in 1 2 3; do
  head -c 4096 /dev/urandom | api -X PUT --data-binary @- -o /dev/null \
    "$SERVER_URL/api/v1/datasets/bench-read/versions?file=part-$i.csv&kind=protected"
done
# nginx's workers run as an unprivileged user: its files live in a directory they may read
www="$tmp-www"
mkdir -m 755 "$www"
api -o "$www/meta.json" "$SERVER_URL/api/v1/datasets/bench-read"
chmod 644 "$www/meta.json"
echo "server: $SERVER_URL (pid $SERVER_PID); metadata answer: $(wc -c < "$www/meta.json") bytes"

# --- nginx: the same bytes as a static file, over TLS with the server's certificate and key --------------------------
nginx_port="$(free_port)"
mkdir -p "$tmp/nginx"
cat > "$tmp/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 10000000;  # like the server: never close a busy keep-alive connection (default: 1000)
  client_body_temp_path $tmp/nginx/body; proxy_temp_path $tmp/nginx/proxy; fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi; scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $data/tls/cert.pem;
    ssl_certificate_key $data/tls/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    root $www;
    location / { default_type application/json; }
  }
}
EOF
nginx -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 100); do curl -sf --cacert "$cert" -o /dev/null "https://127.0.0.1:$nginx_port/meta.json" && break; sleep 0.1; done
cmp -s "$www/meta.json" <(curl -sS --cacert "$cert" "https://127.0.0.1:$nginx_port/meta.json") \
  || { echo "nginx does not serve the file" >&2; cat "$tmp/nginx/error.log" >&2; exit 1; }

# --- wrk runs --------------------------------------------------------------------------------------------------------
meta_url="$SERVER_URL/api/v1/datasets/bench-read"
upload_url="$SERVER_URL/api/v1/datasets/bench-up/versions?file=part.bin&kind=protected"
health_url="$SERVER_URL/api/v1/health"
nginx_url="https://127.0.0.1:$nginx_port/meta.json"
hz="$(getconf CLK_TCK)"

# the processes whose CPU counts for a target: the server's JVM, or nginx's master and workers
target_pids() { if [ "$1" = nginx ]; then echo "$nginx_pid" $(pgrep -P "$nginx_pid"); else echo "$SERVER_PID"; fi; }
ticks_of() { local t=0 p; for p in "$@"; do t=$((t + $(cpu_ticks "$p"))); done; echo "$t"; }

# measure NAME CONNECTIONS SECONDS RECORD(yes|no): one wrk run; its result line goes to $tmp/results when recorded
measure() {
  local name="$1" c="$2" s="$3" record="$4" url token="" put="" pids t0 t1 m0 m1 w0 w1 line
  case "$name" in
    meta) url="$meta_url"; token="$STEW_TOKEN" ;;
    upload) url="$upload_url"; token="$STEW_TOKEN"; put=1024 ;;
    health) url="$health_url" ;;
    nginx) url="$nginx_url" ;;
  esac
  pids="$(target_pids "$name")"
  t0="$(ticks_of $pids)"; m0="$(machine_busy_ticks)"; w0="$(date +%s.%N)"
  WRK_TOKEN="$token" WRK_PUT_BYTES="$put" wrk -t2 -c"$c" -d"${s}s" --timeout 5s --latency -s bench/server-load.lua "$url" \
    > "$tmp/wrk.out" 2>&1 || { cat "$tmp/wrk.out" >&2; exit 1; }
  t1="$(ticks_of $pids)"; m1="$(machine_busy_ticks)"; w1="$(date +%s.%N)"
  line="$(sed -n 's/^WRK_RESULT //p' "$tmp/wrk.out")"
  [ -n "$line" ] || { echo "wrk printed no result:" >&2; cat "$tmp/wrk.out" >&2; exit 1; }
  echo "$name $c $record $(python3 -c "import sys; w = float(sys.argv[3]) - float(sys.argv[2]); \
print(round((int(sys.argv[5]) - int(sys.argv[4])) / int(sys.argv[1]) / w, 2), \
round((int(sys.argv[7]) - int(sys.argv[6])) / int(sys.argv[1]) / w, 2))" "$hz" "$w0" "$w1" "$t0" "$t1" "$m0" "$m1") $line" \
    >> "$tmp/results"
  [ "$record" = yes ] && echo "  $name, $c connections: $(grep -o '"requests": [0-9]*' <<< "$line" | cut -d' ' -f2) requests" || true
}

echo "warm-up: ${warmup} s per target at 16 connections (not recorded)"
for name in nginx health meta upload; do measure "$name" 16 "$warmup" no; done
echo "measuring: ${secs} s per run, wrk -t2 --latency, connections: $conns"
for c in $conns; do
  for name in nginx health meta upload; do measure "$name" "$c" "$secs" yes; done
done

# --- checks: acknowledged uploads are in the catalog, the audit log holds every request and verifies ----------------
api -o "$tmp/bench-up.json" "$SERVER_URL/api/v1/datasets/bench-up"
curl -sS --fail-with-body --cacert "$cert" -H "Authorization: Bearer $ADMIN_TOKEN" -o "$tmp/checkpoint" \
  "$SERVER_URL/api/v1/audit/checkpoint"
curl -sS --fail-with-body --cacert "$cert" -o "$tmp/vkey" "$SERVER_URL/api/v1/audit/key"
WARDEN_NO_BUILD=1 ./warden audit verify --log "$data/audit/log" --checkpoint "$tmp/checkpoint" \
  --key-file "$tmp/vkey" > "$tmp/verify.out"

python3 - "$tmp/results" "$tmp/bench-up.json" "$tmp/checkpoint" "$tmp/verify.out" <<'PY'
import json, sys
rows = []
for line in open(sys.argv[1]):
    name, conns, record, server_cores, machine_cores, result = line.split(" ", 5)
    r = json.loads(result)
    r.update(name=name, conns=int(conns), record=record == "yes", server_cores=float(server_cores),
             machine_cores=float(machine_cores))
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    r["errors"] = r["connect"] + r["read"] + r["write"] + r["timeout"] + r["non2xx"]
    rows.append(r)

labels = {"meta": "GET metadata (session, grant, audited)", "upload": "PUT 1 KiB upload (sealed, audited)",
          "health": "GET health (no auth, audited) - peer", "nginx": "nginx static, TLS - peer"}
print()
print(f"| {'route':40s} | conns | req/s  | p50 ms | p99 ms | max ms | errors | CPU: server | server CPU/req "
      f"| CPU: machine |")
print(f"|{'-' * 42}|-------|--------|--------|--------|--------|--------|-------------|----------------|--------------|")
for r in rows:
    if not r["record"]:
        continue
    per_request = r["server_cores"] * r["duration_us"] / r["requests"]
    print(f"| {labels[r['name']]:40s} | {r['conns']:5d} | {r['rps']:6.0f} | {r['p50_us'] / 1000:6.2f} | "
          f"{r['p99_us'] / 1000:6.2f} | {r['max_us'] / 1000:6.1f} | {r['errors']:6d} | {r['server_cores']:6.2f} cores"
          f" | {per_request:9.0f} us | {r['machine_cores']:5.2f} cores |")
print("CPU: cores busy on average during the run (of 2): the server's JVM (nginx: master + workers), also per request,"
      " and the whole machine (server, wrk, anything else).")

failures = []
for r in rows:
    if r["errors"]:
        failures.append(f"{r['name']} at {r['conns']} connections: {r['errors']} errors (connect {r['connect']}, "
                        f"read {r['read']}, write {r['write']}, timeout {r['timeout']}, non-2xx {r['non2xx']})")
for name in ("meta", "upload"):
    for r in rows:
        if r["name"] == name and r["record"]:
            met = r["rps"] >= 5000 and r["p99_us"] < 20000
            print(f"goal (>= 5000 req/s, p99 < 20 ms), {name} at {r['conns']} connections: "
                  f"{'met' if met else 'NOT met'} ({r['rps']:.0f} req/s, p99 {r['p99_us'] / 1000:.1f} ms)")

# every upload wrk counted as answered 2xx must be a version (wrk may also leave a few in flight at the end,
# which the server completes: those are versions wrk did not count, so >=)
acked = sum(r["requests"] - r["non2xx"] for r in rows if r["name"] == "upload")
versions = len(json.load(open(sys.argv[2]))["versions"])
print(f"uploads acknowledged by wrk: {acked}; versions in the catalog: {versions}")
if versions < acked:
    failures.append(f"only {versions} versions for {acked} acknowledged uploads")
sent = sum(r["requests"] for r in rows)
size = int(open(sys.argv[3]).read().split("\n")[1])
print(f"requests sent by wrk to the server: {sum(r['requests'] for r in rows if r['name'] != 'nginx')}; "
      f"audit log entries: {size}; {open(sys.argv[4]).read().strip()}")
if size < sent - sum(r["requests"] for r in rows if r["name"] == "nginx"):
    failures.append("the audit log has fewer entries than requests answered")
if failures:
    print("FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
PY
