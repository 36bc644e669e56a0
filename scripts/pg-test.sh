#!/usr/bin/env bash
# Throwaway PostgreSQL for tests and CI.
#   scripts/pg-test.sh start [DIR]   start (or find running) a cluster in DIR; prints DATABASE_URL=...
#   scripts/pg-test.sh stop  [DIR]   stop it and delete DIR
#   scripts/pg-test.sh url   [DIR]   print the URL of the running cluster
# DIR defaults to $WAREBENCH_PG_DIR or /tmp/warebench-pg-test. Idempotent: start twice = one cluster.
set -euo pipefail

cmd="${1:-}"
dir="${2:-${WAREBENCH_PG_DIR:-/tmp/warebench-pg-test}}"
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
db="warebench"

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

is_running() {
  [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

url() {
  echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/$db"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  if is_running; then
    echo "DATABASE_URL=$(url)"
    return 0
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then chown postgres: "$dir"; fi
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local attempt port
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    echo "$port" >"$dir/port.tmp" && mv "$dir/port.tmp" "$dir/port"
    if as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB" \
      >/dev/null 2>&1; then
      break
    fi
    if [ "$attempt" = 5 ]; then tail -n 30 "$dir/postgres.log" >&2; exit 1; fi
  done
  for _ in $(seq 1 100); do
    if as_pg "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q; then break; fi
    sleep 0.1
  done
  if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$db'" postgres | grep -q 1; then
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
  fi
  echo "DATABASE_URL=$(url)"
}

stop() {
  if is_running; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  url) is_running && url ;;
  *) echo "usage: $0 start|stop|url [DIR]" >&2; exit 2 ;;
esac
