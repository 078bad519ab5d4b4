#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Regenerates the golden files of tests/unit/golden from the built binary, for when a change to
# the output is intended. The tests themselves only compare; review the diff before committing.
# Usage: scripts/update-golden.sh [path/to/smartgoals]   (default: build/smartgoals)
set -euo pipefail
cd "$(dirname "$0")/.."

binary="$(realpath "${1:-build/smartgoals}")"
[ -x "$binary" ] || { echo "update-golden: no binary at $binary; build it first" >&2; exit 2; }
golden=tests/unit/golden
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The same comparisons as drinking() and the gaming one in tests/unit/test_cost_benefit.cpp,
# made in a fresh database so that their ids and dates match.
sg() { env -i PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=UTC HOME="$work" SMARTGOALS_DB="$work/golden.db" \
           "$binary" -q --color never "$@" >/dev/null; }
sg --today 2026-11-02 cbc new Drinking
sg --today 2026-11-02 cbc add 1 bu "Helps me relax after a long shift at the warehouse" \
    --term short --weight 3
sg --today 2026-11-02 cbc add 1 cu "Hangovers" --term short --weight 4
sg --today 2026-11-02 cbc add 1 cu "Arguments with my partner" --term long --weight 5
sg --today 2026-11-02 cbc add 1 bn "More money for the kids' holiday" --term long --weight 5
sg --today 2026-11-02 cbc add 1 bn "Sleep better"
sg --today 2026-11-02 cbc add 1 cn "Friends at the pub — 友達 — might drift away" --term long \
    --weight 2
sg --today 2026-11-10 cbc new "Gaming late at night" --activity
sg --today 2026-11-10 cbc add 2 cu "Tired at work" --term short

show() { env -i PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=UTC HOME="$work" SMARTGOALS_DB="$work/golden.db" \
             "$binary" --color never --today 2026-11-19 cbc show "$1"; }
show 1 >"$golden/cbc_substance.txt"
show 2 >"$golden/cbc_activity.txt"

# The blank worksheets that tests/unit/test_worksheet.cpp compares (no title: fixed 80 columns).
for kind in values abc balance; do
    env -i PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=UTC HOME="$work" SMARTGOALS_DB="$work/golden.db" \
        "$binary" --color never worksheet "$kind" >"$golden/worksheet_$kind.txt"
done

# The balance pie of tests/unit/test_toolbox.cpp, as a terminal of 80 columns and in plain text.
sg --today 2026-11-05 balance rate family=5 health=3
sg --today 2026-11-19 balance rate family=7 work=0 "home=10"
pie() { env -i PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=UTC HOME="$work" SMARTGOALS_DB="$work/golden.db" \
            COLUMNS=80 "$binary" --color never --today 2026-11-19 "$@" balance show; }
pie >"$golden/balance_show.txt"
pie --plain >"$golden/balance_show_plain.txt"

git --no-pager diff --stat -- "$golden"
echo "update-golden: wrote $golden; review the diff (git diff $golden) before committing" >&2
