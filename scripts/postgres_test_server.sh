#!/usr/bin/env bash
# A throw-away PostgreSQL server on 127.0.0.1 for trying the Postgres set-up by hand or
# benchmarking it (the tests start their own: tests/pipelines/conftest.py, postgres_server).
#   scripts/postgres_test_server.sh start DIR [PORT]   -> prints the dagster.yaml to use
#   scripts/postgres_test_server.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data folder}; port=${3:-55432}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "PostgreSQL server not installed: apt-get install -y postgresql" >&2; exit 1; }
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $cmd in
  start)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_server "$bindir/initdb" -D "$dir/data" -U dagster -A trust -E UTF8 >/dev/null
    as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" >/dev/null
    as_server "$bindir/createdb" -h 127.0.0.1 -p "$port" -U dagster dagster
    cat > "$dir/dagster.yaml" <<YAML
storage:
  postgres:
    postgres_db: {hostname: 127.0.0.1, port: $port, username: dagster, db_name: dagster,
                  scheme: postgresql+psycopg2}
telemetry: {enabled: false}
YAML
    echo "DAGSTER_HOME=$dir  (dagster.yaml written there)";;
  stop)
    as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2;;
esac
