#!/usr/bin/env bash
# Photograph a whole evening in the group room (tests/ui/test_a_day_in_the_group_room.py) in real
# X windows: Xvfb, Qt's xcb platform, ImageMagick's `import` at each step. Writes
# docs/screenshots/day-*.png. Needs xvfb and imagemagick (Debian), and the README's venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$PWD/docs/screenshots"
mkdir -p "$out"
display=":${SHOOT_DISPLAY:-71}"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
DISPLAY="$display" QT_QPA_PLATFORM=xcb FACILITATOR_DAY_SHOTS="$out" \
    .venv/bin/pytest -q -p no:cacheprovider tests/ui/test_a_day_in_the_group_room.py
for f in "$out"/day-*.png; do convert "$f" -resize 1200x1200\> "$f"; done
ls -la "$out"/day-*.png
