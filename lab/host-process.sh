# The "old host process" of the port-conflict incident: a Python web server on a loopback port
# that the lab container lab-api-port then fails to bind. Sourced by lab.sh.

LAB_PORT=${LAB_PORT:-18091}
HOLDER_PIDFILE="$LAB_STATE_DIR/port-holder.pid"

port_holder_pid() {
  local pid
  pid=$(cat "$HOLDER_PIDFILE" 2>/dev/null)
  if [ -z "$pid" ] || ! tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q "http.server $LAB_PORT"; then
    # Its pid file gone (a lab state folder removed by hand) but the holder still alive: adopt it,
    # or a second one would fail to bind and the pid file would name the wrong process.
    pid=$(pgrep -o -f "http.server $LAB_PORT --bind 127.0.0.1") || return 1
    mkdir -p "$LAB_STATE_DIR" && echo "$pid" >"$HOLDER_PIDFILE"
  fi
  echo "$pid"
}

start_host_port_holder() {
  if pid=$(port_holder_pid); then
    ok "host process $pid holds 127.0.0.1:$LAB_PORT"
    return 0
  fi
  mkdir -p "$LAB_STATE_DIR"
  # After an engine restart lab-api-port may have taken the port first: the incident needs the
  # host process to hold it, so the container is stopped here and started again by fleet_up.
  docker stop lab-api-port >/dev/null 2>&1 || true
  step "starting host process on 127.0.0.1:$LAB_PORT"
  setsid nohup /usr/bin/python3 -m http.server "$LAB_PORT" --bind 127.0.0.1 \
    --directory "$PAYLOAD/www" >>"$LAB_STATE_DIR/port-holder.log" 2>&1 </dev/null &
  echo $! >"$HOLDER_PIDFILE"
  listens "$LAB_PORT" || die "host process did not listen on 127.0.0.1:$LAB_PORT (log: $LAB_STATE_DIR/port-holder.log)"
  ok "host process $! holds 127.0.0.1:$LAB_PORT"
}

stop_host_port_holder() {
  local pid
  if pid=$(port_holder_pid); then
    kill "$pid" && ok "stopped host process $pid"
  fi
  rm -f "$HOLDER_PIDFILE"
}

host_port_holder_status() {
  local pid
  if pid=$(port_holder_pid); then
    echo "host process $pid listens on 127.0.0.1:$LAB_PORT"
  else
    echo "host process on 127.0.0.1:$LAB_PORT: not running"
  fi
}
