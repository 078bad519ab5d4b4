#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what smartgoals needs on Debian 12 (only what is missing) and builds it in ./build.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make libcli11-dev libsqlitecpp-dev libfmt-dev doctest-dev nlohmann-json3-dev
          libsqlite3-dev libutf8proc-dev sqlite3 bsdutils
          chromium poppler-utils fonts-dejavu-core miller python3
          mandoc bash-completion zsh fish tmux dpkg-dev file clang libclang-rt-14-dev)

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
cmake -S . -B "$build_dir" -DSMARTGOALS_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)" >&2
