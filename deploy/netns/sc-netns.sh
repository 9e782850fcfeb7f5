#!/usr/bin/env bash
# A real multi-host SweepCluster network on one Linux machine: a database host (PostgreSQL, or Redis) and N silo hosts, each its own network
# namespace with its own address in 198.18.0.0/24 (the range set aside for benchmark networks), joined by a bridge that
# also gives the root namespace an address, so the CLI can run there. Needs root and iproute2 (`ip`).
#
#   sc-netns.sh up [SILOS]     build it (3 silo hosts by default); first removes anything an earlier run left behind
#   sc-netns.sh down           remove every namespace, veth and bridge this script makes (safe to run any time)
#   sc-netns.sh addr HOST      print HOST's address (root, db, silo1, silo2, ...)
#   sc-netns.sh exec HOST CMD  run CMD inside HOST's namespace (exec: CMD keeps the PID, so it can be killed by it)
#   sc-netns.sh status         list what exists
#
# Every name starts with the prefix "sc-" so a rerun finds leftovers. `up` is idempotent and cleans up after itself if
# any step fails. Traffic stays between these namespaces: nothing is routed anywhere else.
set -euo pipefail

readonly PREFIX="sc-"
readonly BRIDGE="${PREFIX}br0"
readonly SUBNET_PREFIX="198.18.0"   # /24; .1 is the root namespace, .10 the database, .11 and up the silos
readonly MASK=24
readonly ROOT_HOST=1
readonly DB_HOST=10
readonly FIRST_SILO_HOST=11
readonly DEFAULT_SILOS=3
readonly MAX_SILOS=9

die() { echo "sc-netns: $*" >&2; exit 2; }

need_root() {
  [ "$(id -u)" -eq 0 ] || die "needs root (network namespaces): run it with sudo"
  command -v ip >/dev/null || die "needs iproute2 ('ip'): apt-get install iproute2"
}

# The host part of HOST's address.
host_number() {
  case "$1" in
    root) echo "$ROOT_HOST" ;;
    db) echo "$DB_HOST" ;;
    silo[1-9]) echo $((FIRST_SILO_HOST + ${1#silo} - 1)) ;;
    *) die "unknown host '$1' (root, db, silo1..silo$MAX_SILOS)" ;;
  esac
}

addr() { echo "$SUBNET_PREFIX.$(host_number "$1")"; }

# Removes everything with our prefix; never fails.
down() {
  local ns link
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^${PREFIX}" || true); do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true   # processes left inside it
    ip netns delete "$ns" 2>/dev/null || true
  done
  if command -v iptables >/dev/null; then
    while iptables -D FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null; do :; done
  fi
  for link in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep "^${PREFIX}" || true); do
    ip link delete "$link" 2>/dev/null || true
  done
}

add_host() {
  local host="$1" ns="${PREFIX}$1" veth="${PREFIX}$1-v"
  ip netns add "$ns"
  ip link add "$veth" type veth peer name eth0 netns "$ns"
  ip link set "$veth" master "$BRIDGE" up
  ip -n "$ns" addr add "$(addr "$host")/$MASK" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
}

up() {
  local silos="${1:-$DEFAULT_SILOS}" i
  [[ "$silos" =~ ^[1-9]$ ]] && [ "$silos" -le "$MAX_SILOS" ] || die "SILOS must be 1..$MAX_SILOS, got '$silos'"
  down
  trap 'echo "sc-netns: setup failed, removing what was made" >&2; down' ERR
  ip link add "$BRIDGE" type bridge
  ip addr add "$(addr root)/$MASK" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  add_host db
  for i in $(seq 1 "$silos"); do add_host "silo$i"; done
  # Bridged frames must not be filtered by a host firewall (br_netfilter): allow our bridge only.
  if [ -e /proc/sys/net/bridge/bridge-nf-call-iptables ] && command -v iptables >/dev/null; then
    iptables -C FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT 2>/dev/null || iptables -I FORWARD -i "$BRIDGE" -o "$BRIDGE" -j ACCEPT
  fi
  trap - ERR
  echo "sc-netns: up: root $(addr root), db $(addr db), $(for i in $(seq 1 "$silos"); do printf 'silo%s %s ' "$i" "$(addr "silo$i")"; done)"
}

status() {
  ip netns list | grep "^${PREFIX}" || echo "(no ${PREFIX} namespaces)"
  ip -br addr show "$BRIDGE" 2>/dev/null || echo "(no $BRIDGE bridge)"
}

command="${1:-}"
shift || true
case "$command" in
  up) need_root; up "$@" ;;
  down) need_root; down; echo "sc-netns: down" ;;
  addr) [ $# -eq 1 ] || die "usage: addr HOST"; addr "$1" ;;
  exec)
    need_root
    [ $# -ge 2 ] || die "usage: exec HOST COMMAND [ARGS...]"
    host="$1"; shift
    host_number "$host" >/dev/null
    [ "$host" != root ] || exec "$@"
    exec ip netns exec "${PREFIX}${host}" "$@"
    ;;
  status) status ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
