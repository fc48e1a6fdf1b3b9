#!/bin/sh
# Screenshots of the runner driven by real key presses (xdotool) in a real X window under Xvfb.
#
#   Xvfb :61 -screen 0 1400x900x24 &
#   DISPLAY=:61 .venv/bin/python docs/tools/open_runner_for_keys.py > /tmp/runner.ids &
#   DISPLAY=:61 sh docs/tools/shoot_runner_keys.sh /tmp/runner.ids [OUT_DIR]
#
# Needs xdotool, x11-apps (xwd) and netpbm. The demo facilitator's password is "demo".
set -e
ids=$1
out=${2:-docs/screenshots}
runner=$(awk '/^runner/ {print $2}' "$ids")
main=$(awk '/^main/ {print $2}' "$ids")
shot() { xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$out/$1"; echo "saved $out/$1"; }
keys() { for k in "$@"; do xdotool key --delay 200 "$k"; sleep 0.4; done; }

xdotool windowfocus --sync "$runner"; sleep 1
shot runner-start.png                      # the focus is on the session, not in Players
keys space n n n; sleep 2                  # start, then on to the role play
shot runner-role-play.png
xdotool windowfocus --sync "$main"; keys ctrl+l      # the facilitator locks the screen (File > Lock)
xdotool windowfocus --sync "$runner"; sleep 1
keys space; sleep 1                        # a clicker's pause works through the lock
shot runner-locked.png
keys Return; xdotool type --delay 120 demo; keys Return; sleep 1   # unlock: focus back on the session
keys n s; sleep 3                          # next item, then skip one
keys End Return; sleep 2                   # end the session (the question's default: End session)
shot runner-ended.png
