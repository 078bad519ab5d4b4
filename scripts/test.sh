#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole test suite: a warnings-as-errors build and an AddressSanitizer + UBSan build,
# each running every unit and end-to-end test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)"

scripts/setup.sh build-sanitize -DCMAKE_BUILD_TYPE=Debug -DSMARTGOALS_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"
