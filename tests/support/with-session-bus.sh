#!/bin/sh
# Runs a command inside a private D-Bus session bus (and nothing else on it),
# so tests of D-Bus clients meet only the stand-ins they start themselves:
#   with-session-bus.sh <command> [arguments...]
# HOME and XDG_* point into a temporary directory that is removed afterwards;
# the command's exit code is returned.
set -eu

if [ "${BIZY_IN_PRIVATE_SESSION:-}" != 1 ]; then
    command -v dbus-run-session >/dev/null || { echo "with-session-bus.sh: dbus-run-session missing" >&2; exit 1; }
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/bizy-session.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT INT TERM
    mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    status=0
    HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
        XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" \
        BIZY_IN_PRIVATE_SESSION=1 dbus-run-session -- "$0" "$@" || status=$?
    exit "$status"
fi

exec "$@"
