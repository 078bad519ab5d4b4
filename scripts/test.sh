#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole test suite: a warnings-as-errors build and an AddressSanitizer + UBSan build, each
# running every unit, end-to-end, browser, shell, package and reliability test through CTest;
# then the libFuzzer harnesses, built with clang, each for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --tests build
ctest --test-dir build --output-on-failure -j "$(nproc)"

# Sanitizers given the ordinary way, in the compiler and linker flags, as a packager or a
# developer would; -DSMARTGOALS_SANITIZE=ON is the same build through the project's own option.
# halt_on_error makes any undefined behaviour fail its test, as -fno-sanitize-recover does there.
# Linked as a fixed-address executable (-no-pie): as a PIE the sanitized smartgoals carries about
# two million relative relocations (the sanitizers' data for every check), which the loader
# applies, page by page, in every one of the thousands of processes the tests start; without
# them a small command takes about 60% of the CPU time, the seeded storm of 250 commands 80%.
# The code run and checked is the same.
scripts/setup.sh --tests build-sanitize -DCMAKE_BUILD_TYPE=Debug -DSMARTGOALS_SANITIZE=OFF \
    -DCMAKE_CXX_FLAGS=-fsanitize=address,undefined \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined -no-pie"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"

scripts/setup.sh --tests build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
    -DSMARTGOALS_FUZZ=ON -DSMARTGOALS_WERROR=OFF
ctest --test-dir build-fuzz --output-on-failure -j "$(nproc)"
