#!/usr/bin/env bash
# The lab: a real Docker Engine with a fleet in trouble, for the demo, the tests and the bench.
# Usage: npm run lab [up|down|status]
set -euo pipefail
LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

step() { printf '\033[36m::\033[0m %s\n' "$*"; }
ok() { printf '\033[32mok\033[0m %s\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }
# listens PORT: whether something accepts connections on 127.0.0.1:PORT within five seconds.
listens() {
  local i
  for i in $(seq 1 20); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}

source "$LAB_DIR/engine.sh"
source "$LAB_DIR/images.sh"
source "$LAB_DIR/host-process.sh"
source "$LAB_DIR/fleet.sh"

case "${1:-up}" in
  up)
    ensure_engine
    build_base_image
    install_lab_files
    start_host_port_holder
    fleet_up
    ok "lab is up: run 'npm start' to watch it"
    ;;
  down)
    engine_answers || die "no Docker Engine answers: nothing to take down"
    fleet_down
    stop_host_port_holder
    ok "lab is down"
    ;;
  status)
    engine_answers || die "no Docker Engine answers: run 'npm run lab up'"
    fleet_status
    host_port_holder_status
    ;;
  *)
    die "unknown subcommand '$1': use up, down or status"
    ;;
esac
