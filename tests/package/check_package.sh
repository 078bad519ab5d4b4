#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs smartgoals with cmake --install and packages it with cpack -G DEB, then checks both
# from the outside: the files in their standard places, the binary stripped, the package's
# fields, and that the unpacked binary runs.
set -euo pipefail
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
for f in bin/smartgoals share/man/man1/smartgoals.1 \
         share/bash-completion/completions/smartgoals share/zsh/site-functions/_smartgoals \
         share/fish/vendor_completions.d/smartgoals.fish; do
    [ -f "$work/prefix/$f" ] || fail "cmake --install did not put $f in place"
done
[ "$("$work/prefix/bin/smartgoals" --version)" = "smartgoals $version" ] || fail "installed --version"
kind=$(file -b "$work/prefix/bin/smartgoals")
grep -q ", stripped" <<<"$kind" || fail "cmake --install left the binary unstripped: $kind"

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >/dev/null)
deb=$(ls "$work"/pkg/smartgoals_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack made no .deb"
[ "$(dpkg-deb -f "$deb" Package)" = smartgoals ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version"
depends=$(dpkg-deb -f "$deb" Depends)
# Every library comes shared from Debian (SPEC §10), so each is in Depends, as dpkg-shlibdeps
# computes it from the binary.
names=$(tr ',|' '\n\n' <<<"$depends" | awk '{ print $1 }')
for lib in libc6 libstdc++6 libfmt9 libsqlite3-0 libutf8proc2; do
    grep -Fqx "$lib" <<<"$names" || fail "Depends lacks $lib: $depends"
done
# Read whole first: grep -q stops at its match, and under pipefail the writer it leaves behind
# (SIGPIPE) would fail the check now and then.
description=$(dpkg-deb -f "$deb" Description)
grep -q "SMART Recovery" <<<"$description" || fail "description"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/smartgoals ./usr/share/man/man1/smartgoals.1 \
         ./usr/share/bash-completion/completions/smartgoals ./usr/share/zsh/site-functions/_smartgoals \
         ./usr/share/fish/vendor_completions.d/smartgoals.fish; do
    grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
dpkg-deb -x "$deb" "$work/unpacked"
out=$(SMARTGOALS_DB="$work/db/x.db" SMARTGOALS_TODAY=2026-11-19 "$work/unpacked/usr/bin/smartgoals" goal add "Walk")
[ "$out" = 1 ] || fail "the unpacked binary did not run"
echo "1 passed, 0 failed: $(basename "$deb") depends on $depends"
