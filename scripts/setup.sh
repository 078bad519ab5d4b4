#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what smartgoals needs on Debian 12 (only what is missing) and builds it.
#   scripts/setup.sh [BUILD_DIR] [CMAKE_ARGS...]          the program alone, in ./build
#   scripts/setup.sh --tests [BUILD_DIR] [CMAKE_ARGS...]  also what the tests need, and the tests
set -euo pipefail
cd "$(dirname "$0")/.."

tests=0
if [ "${1:-}" = "--tests" ]; then
    tests=1
    shift
fi

# Building and running: a compiler, CMake and the libraries smartgoals links.
packages=(cmake g++ make libcli11-dev libsqlitecpp-dev libfmt-dev nlohmann-json3-dev
          libsqlite3-dev libutf8proc-dev libsodium-dev libkeyutils-dev)
# Only the tests: their framework, the programs they check the output with (sqlite3, Miller,
# Python, Chromium, the shells, mandoc), terminals (script, tmux), packaging and fuzzing.
if [ "$tests" -eq 1 ]; then
    packages+=(doctest-dev sqlite3 bsdutils chromium poppler-utils fonts-dejavu-core miller
               python3 mandoc bash-completion zsh fish tmux dpkg-dev file clang
               libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

build_dir="${1:-build}"
shift || true
if [ "$tests" -eq 1 ]; then
    cmake -S . -B "$build_dir" -DSMARTGOALS_WERROR=ON -DBUILD_TESTING=ON "$@" >/dev/null
    cmake --build "$build_dir" -j "$(nproc)" >&2
else
    cmake -S . -B "$build_dir" -DSMARTGOALS_WERROR=ON -DBUILD_TESTING=OFF "$@" >/dev/null
    cmake --build "$build_dir" -j "$(nproc)" --target smartgoals >&2
fi
