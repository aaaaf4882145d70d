#!/usr/bin/env bash
# Quick start: installs what is missing, builds the desktop app and starts it
# on its local store. Arguments go to bizy (try --verbose or --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh --target bizy
exec build/app/bizy "$@"
