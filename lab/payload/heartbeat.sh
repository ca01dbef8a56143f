#!/bin/sh
# A healthy worker: logs a line and touches a heartbeat file that its health check reads.
name=${1:-worker}
n=0
while :; do
  n=$((n + 1))
  touch /tmp/heartbeat
  echo "$name: processed batch $n"
  sleep 5
done
