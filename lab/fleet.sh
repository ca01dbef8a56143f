# The incident fleet: every container carries the label fleettop.lab=1 so that `down` removes
# only what the lab made. Sourced by lab.sh.

LAB_LABEL=fleettop.lab=1
COMPOSE_PROJECT=lab-shop

# Containers mount the lab's files from the state directory, not from the checkout: the lab
# outlives the checkout it was started from (a CI machine keeps the engine's state, not the
# directory it cloned into). Copied in place, so running containers see updates.
LAB_FILES="$LAB_STATE_DIR/files"
PAYLOAD="$LAB_FILES/payload"
COMPOSE_FILE="$LAB_FILES/shop.yml"
SUPERVISOR_CONF="$LAB_FILES/supervisord.conf"

install_lab_files() {
  mkdir -p "$PAYLOAD"
  cp -rT "$LAB_DIR/payload" "$PAYLOAD"
  cp "$LAB_DIR/compose/shop.yml" "$COMPOSE_FILE"
  cp "$LAB_DIR/supervisor/supervisord.conf" "$SUPERVISOR_CONF"
}

# A container whose bind-mounted files are gone (made by an older lab from a deleted checkout)
# cannot be repaired by a restart: it is made again.
has_missing_mounts() {
  local source
  while read -r source; do
    [ -z "$source" ] || [ -e "$source" ] || return 0
  done < <(docker container inspect -f '{{range .Mounts}}{{println .Source}}{{end}}' "$1" 2>/dev/null)
  return 1
}

# lab_run NAME ARGS...: `docker run -d` unless a container of that name exists already.
# A container with a restart policy that is down is started again: when dockerd is killed (a
# session ends, a machine is snapshotted), a loop can come back as "Exited (0)", which no policy
# restarts. Incidents meant to stay down (no policy: the OOM kill) are left as they are.
lab_run() {
  local name=$1; shift
  local current
  if has_missing_mounts "$name"; then
    docker rm -f "$name" >/dev/null && echo "   removed $name: its mounted files are gone"
  fi
  if current=$(docker container inspect -f '{{.State.Status}} {{.HostConfig.RestartPolicy.Name}}' "$name" 2>/dev/null); then
    if [ "${current% *}" = exited ] && [ "${current#* }" != no ]; then
      docker start "$name" >/dev/null && echo "   restarted $name"
    fi
    return 0
  fi
  docker run -d --name "$name" --label "$LAB_LABEL" "$@" >/dev/null \
    || die "could not start $name"
  echo "   started $name"
}

# Containers that run the host's python3 / supervisord from its read-only /usr.
PYHOST=(-v /usr:/usr:ro -v "$PAYLOAD:/lab:ro")
BASIC=(--network none -v "$PAYLOAD:/lab:ro")
GATEWAY_PORT=${GATEWAY_PORT:-18092}
UPLOADS_DIR="$LAB_STATE_DIR/uploads"

fleet_up() {
  step "starting the incident fleet"
  # 1. restart loops: the command is missing (exit 127, "sh: python: not found")
  for i in 1 2 3; do
    lab_run "lab-agent-$i" "${BASIC[@]}" --restart always "$LAB_IMAGE" \
      sh -c "echo 'agent $i: starting'; python /app/main.py"
  done
  # 2. runtime pip install that cannot build psutil, exit 1, in a loop
  lab_run lab-pip-worker "${BASIC[@]}" --restart always "$LAB_IMAGE" sh /lab/pip-install.sh
  # 3. port conflict with the host process on 127.0.0.1:$LAB_PORT
  lab_run lab-api-port --network host "${PYHOST[@]}" --restart on-failure "$LAB_IMAGE" \
    python3 -m http.server "$LAB_PORT" --bind 127.0.0.1
  # 4. exits 101 every 20 s yet reads "(healthy)": its health check cannot fail. (Docker marks
  #    a stopped container unhealthy, so the lie is only visible while it loops.)
  lab_run lab-qdrant "${BASIC[@]}" --restart always --health-cmd true --health-interval 1s "$LAB_IMAGE" \
    sh -c "echo 'qdrant: loading collections'; sleep 20; echo \"thread 'main' panicked at 'Failed to open storage: Permission denied (os error 13)'\" >&2; exit 101"
  # 6. zombies (no --init) and a CPU burner held to half a core
  lab_run lab-zombie-maker --network none "${PYHOST[@]}" --restart unless-stopped "$LAB_IMAGE" python3 /lab/zombies.py
  lab_run lab-cpu-burn "${BASIC[@]}" --restart unless-stopped --cpus 0.5 "$LAB_IMAGE" sh -c 'while :; do :; done'
  # 7. OOM-killed under a 16 MiB limit
  # The engine records an OOM kill only if containerd watches the cgroup by then: killed in the
  # first milliseconds, it was once a plain exit 137. So the allocation waits two seconds, and a
  # run whose kill went unrecorded is made again.
  if [ "$(docker container inspect -f '{{.State.Status}} {{.State.OOMKilled}}' lab-oom 2>/dev/null)" = "exited false" ]; then
    docker rm -f lab-oom >/dev/null && echo "   removed lab-oom: its OOM kill was not recorded"
  fi
  lab_run lab-oom "${BASIC[@]}" --memory 16m --memory-swap 16m "$LAB_IMAGE" \
    sh -c 'sleep 2; echo "indexer: loading everything into memory"; x=0123456789abcdef; while :; do x="$x$x"; done'
  # 8. supervisord with programs RUNNING, BACKOFF -> FATAL and EXITED
  lab_run lab-supervisor --network none "${PYHOST[@]}" --restart unless-stopped \
    -v "$SUPERVISOR_CONF:/etc/supervisord.conf:ro" "$LAB_IMAGE" \
    supervisord -c /etc/supervisord.conf
  # 9. healthy services, some with a real health check
  for svc in web metrics; do
    lab_run "lab-$svc" "${BASIC[@]}" --restart unless-stopped \
      --health-cmd 'wget -q -O /dev/null http://127.0.0.1:8080/' --health-interval 5s "$LAB_IMAGE" \
      httpd -f -v -p 127.0.0.1:8080 -h /lab/www
  done
  lab_run lab-cache "${BASIC[@]}" --restart unless-stopped \
    --health-cmd 'sh /lab/heartbeat-check.sh' --health-interval 5s "$LAB_IMAGE" sh /lab/heartbeat.sh cache
  for i in 1 2; do
    lab_run "lab-worker-$i" "${BASIC[@]}" --restart unless-stopped "$LAB_IMAGE" sh /lab/heartbeat.sh "worker-$i"
  done
  # 10. a Node gateway (EADDRINUSE) on a port an older gateway container still holds. The old one
  #     must hold it, but a starting engine starts both at once and either may win (the old one
  #     then loops, and reads Running): so the new one is stopped until the old one listens.
  docker stop lab-gateway >/dev/null 2>&1 || true
  lab_run lab-gateway-old --network host -v "$PAYLOAD:/lab:ro" --restart unless-stopped "$LAB_IMAGE" \
    httpd -f -p "127.0.0.1:$GATEWAY_PORT" -h /lab/www
  if [ "$(docker inspect -f '{{.State.Status}}' lab-gateway-old)" != running ] || ! listens "$GATEWAY_PORT"; then
    docker restart lab-gateway-old >/dev/null && listens "$GATEWAY_PORT" \
      || die "lab-gateway-old does not listen on 127.0.0.1:$GATEWAY_PORT (docker logs lab-gateway-old)"
    echo "   restarted lab-gateway-old"
  fi
  lab_run lab-gateway --network host "${PYHOST[@]}" --restart always -e "PORT=$GATEWAY_PORT" "$LAB_IMAGE" \
    node /lab/gateway.js
  # 11. a Python service whose dependency is not in the image (ModuleNotFoundError: aiohttp)
  lab_run lab-notifier --network none "${PYHOST[@]}" --restart always "$LAB_IMAGE" python3 /lab/notifier.py
  # 12. a volume owned by root, written by uid 1000: permission denied
  mkdir -p "$UPLOADS_DIR" && chown 0:0 "$UPLOADS_DIR" && chmod 0755 "$UPLOADS_DIR"
  lab_run lab-uploads "${BASIC[@]}" --restart always --user 1000:1000 -v "$UPLOADS_DIR:/data" "$LAB_IMAGE" \
    sh -c 'echo "uploads: storing files in /data"; echo probe >/data/.write-test'
  # 13. a container whose log tries to set the title, write the clipboard (OSC 52) and clear the
  #     screen: fleettop must show the text with none of it taking effect
  lab_run lab-escapes "${BASIC[@]}" --restart unless-stopped "$LAB_IMAGE" sh -c \
    'while :; do printf "\033]0;pwned\007title set\n\033]52;c;ZXZpbA==\007clipboard written\n\033[2J\033[Hscreen cleared\n"; sleep 5; done'
  compose_up
}

# 5. db never becomes healthy: api (needs it healthy) and worker (needs api) stay Created.
compose_up() {
  local compose=(docker-compose -p "$COMPOSE_PROJECT" -f "$COMPOSE_FILE")
  local existing db_state
  # fleettop reads depends_on from the file named in the labels: a project made from a file
  # that is gone is made again from the state directory's copy.
  local made_from
  made_from=$(docker inspect -f '{{index .Config.Labels "com.docker.compose.project.config_files"}}' "${COMPOSE_PROJECT}_db_1" 2>/dev/null || true)
  if [ -n "$made_from" ] && [ ! -e "$made_from" ]; then
    step "re-creating $COMPOSE_PROJECT: its compose file $made_from is gone"
    docker rm -f $(docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT") >/dev/null
  fi
  existing=$(docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT" | wc -l)
  if [ "$existing" -lt 3 ]; then
    step "creating compose project $COMPOSE_PROJECT"
    "${compose[@]}" up --no-start db api worker >/dev/null 2>&1 || die "docker-compose could not create $COMPOSE_PROJECT"
  fi
  db_state=$(docker inspect -f '{{.State.Status}}' "${COMPOSE_PROJECT}_db_1" 2>/dev/null || echo missing)
  if [ "$db_state" = running ]; then
    ok "compose project $COMPOSE_PROJECT present"
    return 0
  fi
  step "starting compose project $COMPOSE_PROJECT (db will never be healthy)"
  # Expected to fail once db turns unhealthy: that failure is the incident.
  if "${compose[@]}" up -d db api worker >/dev/null 2>&1; then
    die "$COMPOSE_PROJECT came up healthy: the blocked-dependency incident did not happen"
  fi
  echo "   $COMPOSE_PROJECT: db unhealthy, api and worker left Created (as intended)"
}

fleet_down() {
  step "removing the lab's containers"
  local ids
  ids=$(docker ps -aq --filter "label=$LAB_LABEL")
  [ -z "$ids" ] || docker rm -f $ids >/dev/null
  docker-compose -p "$COMPOSE_PROJECT" -f "$COMPOSE_FILE" down --remove-orphans >/dev/null 2>&1 || true
}

fleet_status() {
  docker ps -a --filter "label=$LAB_LABEL" --format 'table {{.Names}}\t{{.Status}}'
}
