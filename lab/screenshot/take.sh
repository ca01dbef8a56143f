#!/usr/bin/env bash
# Runs fleettop against the lab in tmux and renders the screen to screenshots/fleettop.png.
# Needs imagemagick (with its pango coder) and fonts-dejavu-core.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
session=fleettop-shot
tmux kill-session -t "$session" 2>/dev/null || true
tmux new-session -d -s "$session" -x 150 -y 34 "env -u CI ./dist/fleettop.js"
sleep "${SETTLE:-6}"
tmux send-keys -t "$session" j j j j j j
sleep 1
tmux capture-pane -t "$session" -e -p >/tmp/fleettop-shot.ansi
tmux kill-session -t "$session"
python3 lab/screenshot/ansi-to-pango.py </tmp/fleettop-shot.ansi >/tmp/fleettop-shot.pango
convert -background '#1e1e1e' "pango:$(cat /tmp/fleettop-shot.pango)" -bordercolor '#1e1e1e' -border 12 screenshots/fleettop.png
echo "wrote screenshots/fleettop.png"
