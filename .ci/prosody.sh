#!/usr/bin/env bash
# A throwaway, loopback-only Prosody for the XMPP adapter tests (XMPP over WebSocket on 127.0.0.1:15280).
#
#   .ci/prosody.sh start DIR   install Debian's prosody if missing, write the test config into DIR,
#                              register bot/botpass, teacher1/t1pass, parent1/p1pass on school.localhost,
#                              start the server in the background and wait until port 15280 answers
#   .ci/prosody.sh stop DIR    stop the server started in DIR, whatever state it is in (always exits 0)
#
# Then: export MENTORBOT_TEST_PROSODY=ws://127.0.0.1:15280/xmpp-websocket
# Needs root (or sudo) for apt-get, chown and runuser. Not for production: no TLS, PLAIN allowed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
template="${PROSODY_TEST_CONFIG:-$here/../../shared/platforms/prosody-test.cfg.lua}"
domain="school.localhost"
http_port=15280

die() { echo "prosody.sh: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "needs root for: $*"; fi
}

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null
}

install_prosody() {
  command -v prosody >/dev/null && command -v prosodyctl >/dev/null && return 0
  echo "prosody.sh: installing Debian's prosody package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # "lua-unbound not found" printed later is harmless (no DNS lookups on loopback)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prosody >/dev/null
  # Where the package's own service started (no policy-rc.d), it runs /etc/prosody's config on *:5222; not ours.
  if [ -x /etc/init.d/prosody ]; then as_root /etc/init.d/prosody stop >/dev/null 2>&1 || true; fi
}

write_config() {
  local dir=$1
  if [ -f "$template" ]; then
    sed "s#PROSODY_DIR#$dir#g" "$template" > "$dir/prosody.cfg.lua"
  else
    # a fresh checkout without ../shared: the same test config, inline
    cat > "$dir/prosody.cfg.lua" <<EOF
pidfile = "$dir/prosody.pid"
data_path = "$dir/data"
admin_socket = "$dir/prosody.sock"
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { 15222 }
c2s_direct_tls_ports = { }
http_ports = { $http_port }
http_interfaces = { "127.0.0.1" }
https_ports = { }
https_interfaces = { }
log = { info = "$dir/prosody.log"; error = "$dir/prosody.err"; }
authentication = "internal_hashed"
storage = "internal"
allow_registration = false
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
consider_websocket_secure = true
consider_bosh_secure = true
modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; "carbons"; "mam"; "websocket"; "bosh"; "admin_shell"; "time"; "version"; }
modules_disabled = { "s2s"; "tls"; "posix"; }
VirtualHost "$domain"
Component "classes.$domain" "muc"
    modules_enabled = { "muc_mam" }
EOF
  fi
}

start() {
  local dir=$1
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if port_answers; then die "something already answers on 127.0.0.1:$http_port; stop it first"; fi
  install_prosody
  id prosody >/dev/null 2>&1 || die "no 'prosody' user after installing the package"
  mkdir -p "$dir/data" "$dir/certs"
  write_config "$dir"
  local cfg="$dir/prosody.cfg.lua"
  as_root chown -R prosody:prosody "$dir"
  # prosodyctl drops to the prosody user itself; accounts are written straight into data/
  for account in bot:botpass teacher1:t1pass parent1:p1pass; do
    as_root prosodyctl --config "$cfg" register "${account%%:*}" "$domain" "${account#*:}" >> "$dir/register.log" 2>&1 \
      || { cat "$dir/register.log" >&2; die "could not register ${account%%:*}@$domain"; }
  done
  # The shell writes its own pid, then becomes prosody (exec keeps the pid): that pid is the server's.
  # mod_posix is disabled, so Prosody itself does not write the pidfile.
  as_root runuser -u prosody -- sh -c 'echo $$ > "$1/prosody.pid"; exec prosody --config "$1/prosody.cfg.lua" -F' \
    sh "$dir" > "$dir/stdout.log" 2>&1 &
  echo $! > "$dir/runuser.pid"
  for _ in $(seq 1 150); do
    if port_answers; then
      echo "prosody.sh: Prosody $(cat "$dir/prosody.pid" 2>/dev/null) answers on 127.0.0.1:$http_port (data in $dir)"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/runuser.pid")" 2>/dev/null; then
      cat "$dir/stdout.log" "$dir/prosody.err" 2>/dev/null >&2 || true
      die "prosody exited during start"
    fi
    sleep 0.2
  done
  cat "$dir/stdout.log" "$dir/prosody.err" 2>/dev/null >&2 || true
  stop "$dir"
  die "prosody did not answer on 127.0.0.1:$http_port within 30 s"
}

stop_pid() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  as_root kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  as_root kill -KILL "$pid" 2>/dev/null || true
}

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  stop_pid "$(cat "$dir/prosody.pid" 2>/dev/null || true)"
  stop_pid "$(cat "$dir/runuser.pid" 2>/dev/null || true)"
  rm -f "$dir/prosody.pid" "$dir/runuser.pid"
  return 0
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: $0 start DIR"; start "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" || true ;;
  *) die "usage: $0 start DIR | stop DIR" ;;
esac
