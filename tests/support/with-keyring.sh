#!/bin/sh
# Runs a command inside a private D-Bus session with a throwaway, unlocked
# gnome-keyring, so keychain tests never touch a real keyring:
#   with-keyring.sh <command> [arguments...]
# HOME and XDG_* point into a temporary directory that is removed afterwards;
# the command's exit code is returned.
set -eu

# The private session bus and the throwaway HOME come from with-session-bus.sh,
# which runs this script again inside them.
if [ "${BIZY_IN_PRIVATE_SESSION:-}" != 1 ]; then
    exec "$(dirname "$0")/with-session-bus.sh" "$0" "$@"
fi

# Inside the session bus: start the secrets component and unlock the login
# keyring, which it creates. The password must not be empty: with an empty one
# gnome-keyring 42 creates no login collection and asks a (headless) prompter.
daemon_env=$(printf 'bizy-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)
for assignment in $daemon_env; do
    export "$assignment"
done
exec "$@"
