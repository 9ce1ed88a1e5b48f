#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL cluster (Debian's postgresql), then remove it.
# Usage: scripts/with_postgres.sh COMMAND [ARGS...]   (DATABASE_URL is set for the command)
set -euo pipefail
bin_dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin_dir" ]; then
  echo "PostgreSQL is not installed: run scripts/apt_install.sh postgresql" >&2
  exit 1
fi
run_as=()
if [ "$(id -u)" -eq 0 ]; then run_as=(runuser -u postgres --); fi
work=$(mktemp -d /tmp/skillshub-pg.XXXXXX)
chmod 777 "$work"
port=${SKILLSHUB_PG_PORT:-54329}
cleanup() {
  "${run_as[@]}" "$bin_dir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${run_as[@]}" "$bin_dir/initdb" -D "$work/data" -U skillshub --auth=trust >/dev/null
"${run_as[@]}" "$bin_dir/pg_ctl" -D "$work/data" -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" -l "$work/log" -w start >/dev/null
"${run_as[@]}" "$bin_dir/createdb" -h 127.0.0.1 -p "$port" -U skillshub skillshub
export DATABASE_URL="postgres://skillshub@127.0.0.1:$port/skillshub"
"$@"
