#!/usr/bin/env bash
# Installs every Debian 12 package Bizy needs to build, run, test and package.
# Idempotent and quick when everything is already there.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config clang-format git
    # Qt 6 and friends
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    qt6-charts-dev libqt6opengl6-dev # the dashboard's charts (Qt6Charts' CMake files need Qt6OpenGL's)
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev libqt6svg6 qtkeychain-qt6-dev libgl-dev
    libqt6dbus6 # reminders through the desktop's notification service (Qt6::DBus, in qt6-base-dev)
    # libraries
    libspdlog-dev libfmt-dev libsodium-dev libcrypt-dev libssl-dev
    # what the tests and benchmarks run against
    postgresql xvfb xauth gnome-keyring dbus dbus-x11 imagemagick wrk
    # the accessibility check reads the real window over AT-SPI and types with xdotool
    at-spi2-core python3-pyatspi xdotool
    # a real SMTP server for the password reset tests (aiosmtpd)
    python3-aiosmtpd
    tzdata # the quick-add and dashboard tests read times in Europe/Berlin and Asia/Tokyo
    # packaging
    dpkg-dev file desktop-file-utils appstream systemd
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo=()
if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
