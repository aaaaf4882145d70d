#!/bin/sh
# Runs a command inside a private D-Bus session with a throwaway, unlocked
# gnome-keyring, so keychain tests never touch a real keyring:
#   with-keyring.sh <command> [arguments...]
# HOME and XDG_* point into a temporary directory that is removed afterwards;
# the command's exit code is returned.
set -eu

if [ "${BIZY_IN_KEYRING_SESSION:-}" != 1 ]; then
    command -v dbus-run-session >/dev/null || { echo "with-keyring.sh: dbus-run-session missing" >&2; exit 1; }
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/bizy-keyring.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT INT TERM
    mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
    chmod 700 "$scratch/runtime"
    status=0
    HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
        XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" \
        BIZY_IN_KEYRING_SESSION=1 dbus-run-session -- "$0" "$@" || status=$?
    exit "$status"
fi

# Inside the session bus: start the secrets component and unlock the login
# keyring, which it creates. The password must not be empty: with an empty one
# gnome-keyring 42 creates no login collection and asks a (headless) prompter.
daemon_env=$(printf 'bizy-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)
for assignment in $daemon_env; do
    export "$assignment"
done
exec "$@"
