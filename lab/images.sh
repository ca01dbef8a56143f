# Builds the lab's only image locally (no registry is reachable): a busybox rootfs whose
# lib/lib64 point into /usr, so a container that bind-mounts the host's /usr read-only can run
# the host's python3 and supervisord. Sourced by lab.sh.

LAB_IMAGE=fleettop-lab/base:1

build_base_image() {
  if docker image inspect "$LAB_IMAGE" >/dev/null 2>&1; then
    ok "image $LAB_IMAGE present"
    return 0
  fi
  local busybox=/bin/busybox
  [ -x "$busybox" ] && "$busybox" --list >/dev/null 2>&1 || die "$busybox missing: apt-get install busybox-static"
  step "building $LAB_IMAGE from $busybox"
  local root
  root=$(mktemp -d)
  mkdir -p "$root"/{bin,etc,tmp,proc,sys,dev,run,var/log,root,app}
  chmod 1777 "$root/tmp"
  cp "$busybox" "$root/bin/busybox"
  local applet
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  ln -s usr/lib "$root/lib"
  ln -s usr/lib64 "$root/lib64"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/bin:/usr/local/bin:/usr/bin' \
    --change 'CMD ["sh"]' \
    --change 'LABEL fleettop.lab=1' \
    - "$LAB_IMAGE" >/dev/null || die "docker import of $LAB_IMAGE failed"
  rm -rf "$root"
  ok "image $LAB_IMAGE built"
}
