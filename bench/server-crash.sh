#!/usr/bin/env bash
# Durability of `warden server` under SIGKILL. Starts a server on a fresh data directory (bootstrap admin with TOTP, a
# data steward, a dataset), then, ITERATIONS times:
#   1. 8 curl loops upload small distinct bodies (200-2000 random bytes) as new versions, concurrently; each records
#      every upload it saw acknowledged (HTTP 201) with the SHA-256 it sent and the server's answer; a ninth loop
#      fetches a signed audit checkpoint every 0.2 s and keeps the last one it got whole;
#   2. after a random 1-4 s, the server's JVM is killed with SIGKILL (kill -9: no shutdown hook, no flush);
#   3. the server is restarted on the same data directory, and bench/server_crash_check.py checks that every
#      acknowledged upload is listed and downloads with the SHA-256 sent, that every version in the catalog has its
#      sealed blob and downloads whole (nothing half-written is visible), and that every acknowledged upload has its
#      audit entry; then `warden audit verify` checks the audit log against the last checkpoint fetched before the kill,
#      and a new checkpoint fetched after the restart against it (--older: the log only grew).
# Exits non-zero at the first failure, saying what failed, and keeps the data directory for inspection.
# What a kill -9 cannot show: the loss of data still in the page cache (power loss); the server forces blobs, the
# database and the audit log to disk before it answers, which this does not test.
#
# Usage: bench/server-crash.sh [ITERATIONS=20]
cd "$(dirname "$0")/.."
. bench/lib.sh
. bench/server-lib.sh
iterations="${1:-20}"
workers=8
bench_tool curl curl
bench_tool python3 python3
bench_build

tmp="$(mktemp -d /tmp/warden-crash.XXXXXX)"
data="$tmp/data"
stop="$tmp/stop"
keep=""
cleanup() {
  touch "$stop"
  jobs -p | xargs -r kill 2>/dev/null || true
  wait 2>/dev/null || true
  server_stop
  if [ -n "$keep" ]; then echo "data kept for inspection: $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
fail() { keep=1; echo "FAILED (iteration $it): $*" >&2; exit 1; }

echo "machine: $(machine); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
it=0
server_start "$data" "$tmp/server"
server_setup "$data" crash
cert="$data/tls/cert.pem"
curl -sS --fail-with-body --cacert "$cert" -o "$tmp/vkey" "$SERVER_URL/api/v1/audit/key"

# upload_loop ITERATION WORKER: uploads until the stop file appears; acknowledged uploads go to acked-ITERATION-WORKER
upload_loop() {
  local it="$1" w="$2" n=0 code sha body="$tmp/body-$w" answer="$tmp/answer-$w"
  while [ ! -e "$stop" ]; do
    n=$((n + 1))
    head -c $((200 + (RANDOM % 1800))) /dev/urandom > "$body"
    sha="$(sha256sum "$body" | cut -d' ' -f1)"
    code="$(curl -sS --cacert "$cert" -o "$answer" -w '%{http_code}' -X PUT --data-binary @"$body" \
      -H "Authorization: Bearer $STEW_TOKEN" -H "Content-Type: application/octet-stream" \
      "$SERVER_URL/api/v1/datasets/crash/versions?file=i$it-w$w-$n&kind=protected" 2>/dev/null)" || code=000
    if [ "$code" = 201 ]; then
      echo "$sha $(cat "$answer")" >> "$tmp/acked-$it-$w"
    elif [ "$code" != 000 ]; then
      # the server answered something else than success while it was up: not a crash effect
      echo "$code $(head -c 300 "$answer")" >> "$tmp/refused-$it"
    else
      sleep 0.05 # the server is gone (killed): wait for the stop file
    fi
  done
}

# checkpoint_loop: the last whole signed checkpoint, renamed into place so a kill mid-download leaves the previous one
checkpoint_loop() {
  while [ ! -e "$stop" ]; do
    if curl -sS --fail --cacert "$cert" -H "Authorization: Bearer $ADMIN_TOKEN" -o "$tmp/checkpoint.part" \
      "$SERVER_URL/api/v1/audit/checkpoint" 2>/dev/null; then
      mv "$tmp/checkpoint.part" "$tmp/checkpoint.before"
    fi
    sleep 0.2
  done
}

checked=0
total_acked=0
for it in $(seq 1 "$iterations"); do
  rm -f "$stop" "$tmp/checkpoint.before"
  for w in $(seq 1 "$workers"); do upload_loop "$it" "$w" & done
  checkpoint_loop &
  delay="$(python3 -c 'import random; print(round(random.uniform(1, 4), 2))')"
  sleep "$delay"
  kill -9 "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  touch "$stop"
  wait # every loop ends within one request (the server is gone)
  [ -s "$tmp/checkpoint.before" ] || fail "no checkpoint was fetched before the kill"
  [ ! -e "$tmp/refused-$it" ] || fail "the server refused uploads while it was up: $(head -3 "$tmp/refused-$it")"
  acked_files=("$tmp"/acked-"$it"-*)
  acked="$(cat "${acked_files[@]}" 2>/dev/null | wc -l)"
  [ "$acked" -gt 0 ] || fail "no upload was acknowledged in ${delay} s"
  total_acked=$((total_acked + acked))

  server_start "$data" "$tmp/server" || fail "the server did not restart after the kill"
  [ -z "$SERVER_BOOTSTRAP" ] || fail "the restarted server offers a bootstrap credential: it lost its users"
  out="$(python3 bench/server_crash_check.py "$SERVER_URL" "$cert" "$STEW_TOKEN" crash "$data" "$checked" \
    "${acked_files[@]}")" || fail "$out"
  checked="${out##*CHECKED_UP_TO=}"
  curl -sS --fail-with-body --cacert "$cert" -H "Authorization: Bearer $ADMIN_TOKEN" -o "$tmp/checkpoint.after" \
    "$SERVER_URL/api/v1/audit/checkpoint" || fail "no checkpoint after the restart"
  WARDEN_NO_BUILD=1 ./warden audit verify --log "$data/audit/log" --checkpoint "$tmp/checkpoint.before" \
    --key-file "$tmp/vkey" > "$tmp/verify.out" 2>&1 \
    || fail "the audit log does not verify against the checkpoint fetched before the kill: $(cat "$tmp/verify.out")"
  WARDEN_NO_BUILD=1 ./warden audit verify --log "$data/audit/log" --checkpoint "$tmp/checkpoint.after" \
    --older "$tmp/checkpoint.before" --key-file "$tmp/vkey" > "$tmp/verify.out" 2>&1 \
    || fail "the checkpoint after the restart is not consistent with the one before: $(cat "$tmp/verify.out")"
  before="$(sed -n 2p "$tmp/checkpoint.before")"; after="$(sed -n 2p "$tmp/checkpoint.after")"
  echo "iteration $it/$iterations: killed after ${delay} s; ${out%%$'\t'*}; audit log verified (checkpoint" \
    "before the kill: $before entries, after the restart: $after, consistent)"
done
echo "PASSED: $iterations kills, $total_acked acknowledged uploads, all listed, downloadable and audited"
