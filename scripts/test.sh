#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole test suite: a warnings-as-errors build and an AddressSanitizer + UBSan build, each
# running every unit, end-to-end, browser, shell, package and reliability test through CTest;
# then the libFuzzer harnesses, built with clang, each for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."

# Optimised as a build is by default (-O2), without the debugging information, which a packager
# strips anyway and which makes compiling take about 40% longer.
scripts/setup.sh --tests build "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG"
ctest --test-dir build --output-on-failure -j "$(nproc)"

# Sanitizers given the ordinary way, in the compiler and linker flags, as a packager or a
# developer would; -DSMARTGOALS_SANITIZE=ON is the same build through the project's own option.
# halt_on_error makes any undefined behaviour fail its test, as -fno-sanitize-recover does there;
# the CLI tests pass these settings on to every smartgoals they start.
# Linked as a fixed-address executable (-no-pie): as a PIE the sanitized smartgoals carries about
# two million relative relocations (the sanitizers' data for every check), which the loader
# applies, page by page, in every one of the thousands of processes the tests start; without
# them a small command takes about 60% of the CPU time, the seeded storm of 250 commands 80%.
# No redzones around globals (asan-globals=0): nearly all of them are UBSan's records of its
# checks, about 50 MB at -O0, which AddressSanitizer would poison and LeakSanitizer scan in every
# process (a command took 270 ms, 110 ms of it the leak check's scan); indexing into our own
# arrays is still checked, by UBSan's bounds check. Line tables (-g1) are all the reports need.
# The package is built and checked from the first build only.
# Tests of many like rounds (seeded storms, kills, flipped bytes) run one round in four here;
# the first build runs them all. The damage fuzzer runs for 20 seconds here, 40 there.
# The end-to-end tests only start smartgoals and read what it says: the first build's run here
# on the sanitized smartgoals (SMARTGOALS_TEST_BINARY), rather than being compiled again.
scripts/setup.sh --tests build-sanitize -DCMAKE_BUILD_TYPE=Debug -DSMARTGOALS_SANITIZE=OFF \
    "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined --param=asan-globals=0" \
    -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined -no-pie" -DSMARTGOALS_DAMAGE_SECONDS=20 \
    -DSMARTGOALS_CLI_TESTS=OFF
export SMARTGOALS_TEST_SAMPLE=4 ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
SMARTGOALS_TEST_BINARY="$PWD/build-sanitize/smartgoals" \
    ctest --test-dir build --output-on-failure -j "$(nproc)" -R "^cli:"
ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)" -E "^package: "
unset SMARTGOALS_TEST_SAMPLE ASAN_OPTIONS UBSAN_OPTIONS

scripts/setup.sh --tests build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DSMARTGOALS_FUZZ=ON -DSMARTGOALS_WERROR=OFF \
    -DSMARTGOALS_FUZZ_SECONDS=15
ctest --test-dir build-fuzz --output-on-failure -j "$(nproc)"
