# Makes sure a Docker Engine answers: reuses a running one, otherwise installs Debian's
# packages and starts dockerd in the background. Sourced by lab.sh.

LAB_PACKAGES=(docker.io docker-compose busybox-static supervisor tmux)
LAB_STATE_DIR=${LAB_STATE_DIR:-/var/lib/fleettop-lab}
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/fleettop-lab/dockerd.log}

engine_answers() {
  timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

install_missing_packages() {
  local missing=()
  for pkg in "${LAB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || die "installing packages needs root: run 'sudo npm run lab up'"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
    || die "apt-get update failed: check the machine's package sources"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# An earlier session's engine may have been killed: its pid files and sockets stay behind and
# make a new dockerd/containerd refuse to start.
clear_stale_engine_files() {
  local pidfile pid
  for pidfile in /var/run/docker.pid /run/docker/containerd/containerd.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile" 2>/dev/null)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then continue; fi
    rm -f "$pidfile"
  done
  pgrep -x dockerd >/dev/null || rm -f /var/run/docker.sock
}

# A dockerd that is shutting down (it stops every container first) neither answers nor lets a
# new one start: wait for it to finish, or report it as hung.
wait_for_exiting_dockerd() {
  local i pid
  for i in $(seq 1 45); do
    pid=$(pgrep -x dockerd | head -n 1) || return 0
    engine_answers && return 0
    [ "$i" -eq 1 ] && step "waiting for dockerd $pid to finish shutting down"
    sleep 1
  done
  die "dockerd $pid runs but does not answer: it may be hung; stop it (kill $pid) and run this again"
}

start_dockerd() {
  [ "$(id -u)" -eq 0 ] || die "starting dockerd needs root: run 'sudo npm run lab up'"
  wait_for_exiting_dockerd
  engine_answers && return 0
  clear_stale_engine_files
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  step "starting dockerd (log: $DOCKERD_LOG)"
  setsid nohup dockerd --bridge=none --iptables=false --ip-masq=false \
    >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local i
  for i in $(seq 1 60); do
    engine_answers && return 0
    sleep 1
  done
  tail -n 20 "$DOCKERD_LOG" >&2
  die "dockerd did not answer within 60 s (log above, full log in $DOCKERD_LOG)"
}

ensure_engine() {
  if engine_answers; then
    ok "engine answers: Docker $(docker version --format '{{.Server.Version}}')"
    install_missing_packages
    return 0
  fi
  install_missing_packages
  start_dockerd
  ok "engine started: Docker $(docker version --format '{{.Server.Version}}')"
}
