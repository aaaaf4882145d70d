#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and runs
# every test suite. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BIZY_WERROR=1 scripts/build.sh
ctest --test-dir build --output-on-failure --timeout 900 "$@"
