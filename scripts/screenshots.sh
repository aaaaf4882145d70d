#!/usr/bin/env bash
# Takes the README's screenshots of the main screens (docs/screenshots/) from the
# real app under Xvfb, on a store filled with scripts/sample-data.py: the task
# list, a goal with its tasks, the dashboard, the task editor and the quick-add
# preview. Keys are typed with xdotool, as a user would. Needs a build
# (scripts/build.sh) and Debian's xvfb, xdotool, imagemagick and dbus.
#   scripts/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
# A private session bus of its own, so nothing on the desktop's bus answers.
if [[ -z ${BIZY_SCREENSHOT_BUS:-} ]]; then
    BIZY_SCREENSHOT_BUS=1 exec dbus-run-session -- "$0" "$@"
fi
out=${1:-docs/screenshots}
bizy=build/app/bizy
[[ -x $bizy ]] || { echo "screenshots: build first (scripts/build.sh)" >&2; exit 1; }
for tool in Xvfb xdotool import dbus-run-session; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/bizy-screenshots.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$out" "$scratch/home" "$scratch/config" "$scratch/data" "$scratch/cache"
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data
export XDG_CACHE_HOME=$scratch/cache LANGUAGE=en LANG=C.UTF-8 LC_ALL=C.UTF-8
# No reminders: a notification would cover the window.
mkdir -p "$XDG_CONFIG_HOME/Bizy"
printf '[reminders]\nenabled=false\n' >"$XDG_CONFIG_HOME/Bizy/bizy.conf"
store=$scratch/tasks.sqlite
/usr/bin/python3 scripts/sample-data.py "$scratch/sample.json"
"$bizy" --import "$scratch/sample.json" --store "$store"

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x820x24 -nolisten tcp &
pids+=($!)
export DISPLAY=$display QT_QPA_PLATFORM=xcb
sleep 1

"$bizy" --store "$store" 2>/dev/null &
pids+=($!)
window=""
for _ in $(seq 50); do
    window=$(xdotool search --onlyvisible --name '^Bizy' 2>/dev/null | head -1) && [[ -n $window ]] && break
    sleep 0.2
done
[[ -n $window ]] || { echo "screenshots: the window did not come up" >&2; exit 1; }
xdotool windowmove "$window" 0 0 windowsize "$window" 1280 820 windowfocus --sync "$window"
sleep 2

shot() { # name: the whole screen (the window and any dialog over it)
    sleep 1
    import -window root "$out/$1.png"
    echo "screenshots: $out/$1.png"
}
keys() {
    xdotool key --clearmodifiers "$@"
    sleep 0.5
}

click() { # x y [clicks]: the left button at a point of the window
    xdotool mousemove --window "$window" "$1" "$2" click --repeat "${3:-1}" --delay 120 1
    sleep 0.5
}

# The task list: all open tasks (the status filter is the field after the search).
keys ctrl+2
keys ctrl+f Tab Down
keys ctrl+l
shot tasks
# Quick add, before Enter: what it understood, as chips.
xdotool type --delay 40 'Call Alice tomorrow 3pm p1 #sales @work +"Hold 10"'
shot quick-add
keys ctrl+a BackSpace
# The editor of the task on the list's fifth row.
click 400 224 2
shot editor
keys Escape
# A goal and its tasks: the quarterly goal under the third yearly one.
click 100 369
shot goals
keys ctrl+1
shot dashboard
