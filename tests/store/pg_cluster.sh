#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `pg_cluster.sh start DIR [PORT]` runs initdb into
# DIR and starts a server that listens only on a Unix socket in DIR (no TCP); `pg_cluster.sh stop
# DIR` stops it and removes DIR. Run as root (CI containers), the server runs as the postgres user,
# since PostgreSQL refuses root. Without the server binaries (Debian's postgresql) it says so and
# exits 0: the PostgreSQL tests then skip themselves, naming the reason.
set -euo pipefail
action=${1:?usage: pg_cluster.sh start|stop DIR [PORT]}
dir=${2:?usage: pg_cluster.sh start|stop DIR [PORT]}
port=${3:-5432}

bindir=""
for candidate in "$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir || true)" /usr/lib/postgresql/*/bin; do
  if [[ -n "$candidate" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then bindir=$candidate; fi
done

as_server() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    if [[ -z "$bindir" ]]; then
      echo "pg_cluster: no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql;" \
           "the PostgreSQL tests will be skipped"
      exit 0
    fi
    if [[ -d "$dir" ]]; then as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; fi
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    # C locale: text sorts byte by byte, as in SQLite; trust on the private socket only.
    as_server "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log"; exit 1; }
    as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port -c fsync=off -c max_connections=200" start >/dev/null ||
      { cat "$dir/server.log"; exit 1; }
    # Root and the postgres user both connect as the cluster's superuser "postgres".
    echo "pg_cluster: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on socket $dir port $port"
    ;;
  stop)
    if [[ -n "$bindir" && -d "$dir/data" ]]; then
      # immediate: no shutdown checkpoint, the cluster is thrown away; then at most 10 s for the
      # server to go before it is killed.
      pid=$(head -1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      for _ in $(seq 20); do [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg_cluster.sh start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
