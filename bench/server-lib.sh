# Shared by bench/server-load.sh and bench/server-crash.sh (source after bench/lib.sh): start a Warden server on a
# data directory and find out where it listens, the benchmark users and datasets, free ports.

# server_start DATA LOG: starts `warden server` on DATA at a free port, in the background, its stdout (JSON logs) and
# stderr in LOG.out and LOG.err. Sets SERVER_PID (the JVM itself: the launcher execs it, so kill -9 hits the JVM),
# SERVER_URL and, on a first start, SERVER_BOOTSTRAP (empty on a restart). Waits up to 120 s for it to listen.
server_start() {
  local data="$1" log="$2" i
  # The keyring is passphrase-protected, as in production (Argon2id once at start, not per request).
  WARDEN_NO_BUILD=1 WARDEN_SERVER_PASSPHRASE="${WARDEN_SERVER_PASSPHRASE:-bench passphrase, not a secret}" \
    "$root/warden" server --data "$data" --port 0 >"$log.out" 2>"$log.err" &
  SERVER_PID=$!
  for i in $(seq 1200); do
    if grep -q 'listening on' "$log.err" 2>/dev/null && grep -q 'TLS certificate' "$log.err"; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "the server did not start:" >&2; cat "$log.err" >&2; return 1
    fi
    sleep 0.1
  done
  SERVER_URL="$(sed -n 's/.*listening on \(https:[^ ]*\).*/\1/p' "$log.err")"
  [ -n "$SERVER_URL" ] || { echo "the server did not say where it listens within 120 s:" >&2; cat "$log.err" >&2; return 1; }
  # the bootstrap line comes last; give it a moment after the URL
  sleep 0.2
  SERVER_BOOTSTRAP="$(sed -n 's/.*WARDEN_BOOTSTRAP=\([^ ]*\).*/\1/p' "$log.err")"
}

# server_stop: SIGTERM (a clean shutdown), then SIGKILL after 20 s; no-op when it is gone.
server_stop() {
  [ -n "${SERVER_PID:-}" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 200); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# server_setup DATA DATASET...: on a first start, the admin `root` (with TOTP), the steward `stew` and the datasets,
# through bench/warden_setup.py; sets URL, ADMIN_TOKEN and STEW_TOKEN.
server_setup() {
  local data="$1"; shift
  eval "$(python3 "$root/bench/warden_setup.py" "$SERVER_URL" "$data/tls/cert.pem" "$SERVER_BOOTSTRAP" "$@")"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# cpu_ticks PID: user + system CPU time of a process so far, in clock ticks (/proc/PID/stat fields 14 and 15).
cpu_ticks() {
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

# machine_busy_ticks: non-idle CPU ticks of the whole machine so far (/proc/stat), to show what else ran.
machine_busy_ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}
