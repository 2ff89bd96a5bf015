# Sourced by ./run-tests (like bin/env.sh): a private PostgreSQL cluster for the server's tests, from Debian's
# postgresql package (installed when missing and we may: root with apt-get). Nothing system-wide is started: the
# cluster lives in a directory of its own, listens on 127.0.0.1 at a free port, and is stopped by warden_stop_postgres.
# Exports WARDEN_TEST_POSTGRES_URL=postgresql://warden:PASSWORD@127.0.0.1:PORT/warden_test.

warden_postgres_bin() { # prints the bin directory of the newest installed PostgreSQL server
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

warden_find_postgres() {
  if ! warden_postgres_bin >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ "${WARDEN_POSTGRES_NO_INSTALL:-}" != 1 ]; then
      echo "warden: PostgreSQL not found; installing Debian's postgresql package" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; } || true
    fi
  fi
  WARDEN_POSTGRES_BIN="$(warden_postgres_bin)" || { echo "warden: PostgreSQL is not installed" >&2; return 1; }
}

# warden_start_postgres DIR: makes (or reuses) a cluster in DIR and starts it. PostgreSQL refuses to run as root:
# as root the cluster belongs to the 'postgres' user the package creates.
warden_start_postgres() {
  local dir="$1" as=() port password
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
    echo "$password" > "$dir/password"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/password"
    "${as[@]}" "$WARDEN_POSTGRES_BIN/initdb" -D "$dir/data" -U warden --pwfile="$dir/password" \
      --auth=scram-sha-256 -E UTF8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  password="$(cat "$dir/password")"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "${as[@]}" "$WARDEN_POSTGRES_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$password" "$WARDEN_POSTGRES_BIN/psql" -h 127.0.0.1 -p "$port" -U warden -d postgres -q \
    -c "DROP DATABASE IF EXISTS warden_test" -c "CREATE DATABASE warden_test" >/dev/null
  WARDEN_POSTGRES_DIR="$dir"
  export WARDEN_TEST_POSTGRES_URL="postgresql://warden:$password@127.0.0.1:$port/warden_test"
}

warden_stop_postgres() {
  [ -n "${WARDEN_POSTGRES_DIR:-}" ] || return 0
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$WARDEN_POSTGRES_BIN/pg_ctl" -D "$WARDEN_POSTGRES_DIR/data" -m fast stop >/dev/null 2>&1 || true
}
