#!/bin/sh
# Runs a command inside a private D-Bus session whose Secret Service takes
# every call and never answers, as on a desktop with no unlocked login keyring
# and no prompter:
#   with-silent-keyring.sh <bizy-silent-secret-service> <command> [arguments...]
# HOME and XDG_* point into a temporary directory that is removed afterwards;
# the command's exit code is returned.
set -eu

# The private session bus and the throwaway HOME come from with-session-bus.sh,
# which runs this script again inside them.
if [ "${BIZY_IN_PRIVATE_SESSION:-}" != 1 ]; then
    exec "$(dirname "$0")/with-session-bus.sh" "$0" "$@"
fi

# Inside the session bus: the silent service must own org.freedesktop.secrets
# before the command starts, or the bus would start gnome-keyring for the name.
service=$1
shift
"$service" &
service_pid=$!
owned=false
tries=0
while [ "$tries" -lt 200 ]; do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
        grep -q 'boolean true'; then
        owned=true
        break
    fi
    kill -0 "$service_pid" 2>/dev/null || break
    tries=$((tries + 1))
    sleep 0.1
done
if [ "$owned" != true ]; then
    echo "with-silent-keyring.sh: $service did not take org.freedesktop.secrets" >&2
    kill "$service_pid" 2>/dev/null || true
    exit 1
fi

status=0
"$@" || status=$?
kill "$service_pid" 2>/dev/null || true
wait "$service_pid" 2>/dev/null || true
exit "$status"
