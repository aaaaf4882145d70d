#!/usr/bin/env bash
# Configures and builds everything in ./build (one tree for the app, the server,
# the tests and the benchmarks). Extra arguments go to cmake --build.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake_args=(-S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release)
[[ -n "${CI:-}" || -n "${BIZY_WERROR:-}" ]] && cmake_args+=(-DBIZY_WERROR=ON)
[[ -n "${BIZY_SANITIZE:-}" ]] && cmake_args+=(-DBIZY_SANITIZE=ON)
cmake "${cmake_args[@]}" >/dev/null
cmake --build build "$@"
