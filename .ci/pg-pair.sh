#!/usr/bin/env bash
# A throwaway PostgreSQL 15 primary and streaming standby on loopback, for the failover drill (.ci/failover).
#
#   .ci/pg-pair.sh start DIR [sync|async]   install Debian's postgresql-15 if missing; initdb a primary in DIR/primary,
#                                           create the database "mentorbot", clone a standby with pg_basebackup -R into
#                                           DIR/standby, start both and wait until the standby streams. With "sync"
#                                           (the default) the primary then waits for the standby's flush before a commit
#                                           returns (synchronous_standby_names = '*'): a commit the bot saw is on both.
#                                           Ports go to DIR/ports.env (PRIMARY_PORT, STANDBY_PORT).
#   .ci/pg-pair.sh crash DIR                the primary dies: pg_ctl stop -m immediate (no shutdown checkpoint)
#   .ci/pg-pair.sh promote DIR              the standby becomes the primary (pg_ctl promote, waits until it accepts writes)
#   .ci/pg-pair.sh stop DIR                 stops whatever still runs (always exits 0)
#
# The servers run as the unprivileged "postgres" user when started by root (as .ci/run is), else as the caller.
# Not for production: trust authentication on loopback.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
die() { echo "pg-pair.sh: $*" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A port below the kernel's ephemeral range: a port inside it may be taken, between this check and the server's start,
# as the local end of any outgoing connection on the machine (a drill once failed so: the standby's port was in use).
free_port() {
  local p lo
  lo=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$lo" -gt 21000 ] || lo=32768
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % (lo - 20000)))
    answers "$p" || { echo "$p"; return 0; }
  done
  die "no free port found"
}

install_pg() {
  [ -x "$bin/pg_ctl" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL 15 is not installed in $bin and only root can install it"
  echo "pg-pair.sh: installing Debian's postgresql-15"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
  # the package's own cluster (5432) is not ours
  if [ -x /etc/init.d/postgresql ]; then /etc/init.d/postgresql stop >/dev/null 2>&1 || true; fi
}

psql_at() {
  local port=$1; shift
  as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XAtq -c "$@"
}

start() {
  local dir=$1 mode=${2:-sync}
  case "$mode" in sync|async) ;; *) die "mode must be sync or async, not $mode" ;; esac
  install_pg
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' user after installing the package"
    chown postgres "$dir"
  fi
  local p1 p2
  p1=$(free_port)
  p2=$(free_port)
  [ "$p1" != "$p2" ] || p2=$((p1 + 1))
  printf 'PRIMARY_PORT=%s\nSTANDBY_PORT=%s\nMODE=%s\n' "$p1" "$p2" "$mode" > "$dir/ports.env"

  as_pg "$bin/initdb" -D "$dir/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  cat >> "$dir/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $p1
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
fsync = on
synchronous_commit = on
max_connections = 100
logging_collector = off
EOF
  as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 60 start >/dev/null \
    || { cat "$dir/primary.log" >&2; die "the primary did not start"; }
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$p1" -U postgres mentorbot

  as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$p1" -U postgres -D "$dir/standby" -R -X stream -c fast \
    || die "pg_basebackup failed"
  echo "port = $p2" >> "$dir/standby/postgresql.conf"
  as_pg "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 start >/dev/null \
    || { cat "$dir/standby.log" >&2; die "the standby did not start"; }

  # only now: a synchronous primary without its standby would hold every commit, createdb's too
  if [ "$mode" = sync ]; then
    psql_at "$p1" "alter system set synchronous_standby_names = '*'" >/dev/null
    psql_at "$p1" "select pg_reload_conf()" >/dev/null
  fi
  local want=async
  [ "$mode" = sync ] && want=sync
  for _ in $(seq 1 150); do
    if [ "$(psql_at "$p1" "select sync_state from pg_stat_replication where state = 'streaming'" 2>/dev/null)" = "$want" ]; then
      echo "pg-pair.sh: primary 127.0.0.1:$p1, standby 127.0.0.1:$p2 streaming ($want) in $dir"
      return 0
    fi
    sleep 0.2
  done
  die "the standby did not stream ($want) within 30 s; see $dir/standby.log"
}

ports() {
  [ -f "$1/ports.env" ] || die "no $1/ports.env: was the pair started there?"
  # shellcheck disable=SC1091
  . "$1/ports.env"
}

crash() {
  local dir=$1
  as_pg "$bin/pg_ctl" -D "$dir/primary" stop -m immediate >/dev/null
}

promote() {
  local dir=$1
  ports "$dir"
  as_pg "$bin/pg_ctl" -D "$dir/standby" promote -w -t 60 >/dev/null
  for _ in $(seq 1 100); do
    [ "$(psql_at "$STANDBY_PORT" "select pg_is_in_recovery()" 2>/dev/null)" = f ] && return 0
    sleep 0.1
  done
  die "the standby was not promoted within 10 s"
}

stop() {
  local dir=$1
  for node in primary standby; do
    if [ -f "$dir/$node/postmaster.pid" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/$node" stop -m fast >/dev/null 2>&1 \
        || as_pg "$bin/pg_ctl" -D "$dir/$node" stop -m immediate >/dev/null 2>&1 || true
    fi
  done
  return 0
}

case "${1:-}" in
  start) [ $# -ge 2 ] || die "usage: $0 start DIR [sync|async]"; start "$2" "${3:-sync}" ;;
  crash) [ $# -eq 2 ] || die "usage: $0 crash DIR"; crash "$2" ;;
  promote) [ $# -eq 2 ] || die "usage: $0 promote DIR"; promote "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" || true ;;
  *) die "usage: $0 start DIR [sync|async] | crash DIR | promote DIR | stop DIR" ;;
esac
