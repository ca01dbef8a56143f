#!/bin/sh
# Health check: the heartbeat file is younger than 15 seconds.
[ -f /tmp/heartbeat ] || exit 1
age=$(( $(date +%s) - $(stat -c %Y /tmp/heartbeat) ))
[ "$age" -lt 15 ] || { echo "heartbeat is ${age}s old"; exit 1; }
echo "heartbeat ${age}s ago"
