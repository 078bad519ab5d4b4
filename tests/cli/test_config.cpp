// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>

TEST_CASE("config list, get and set") {
    Sandbox s;
    CHECK(s.ok({"config", "list"}) == "name=\nweek-start=monday\nunlock-minutes=15\n");
    CHECK(s.ok({"config", "get", "week-start"}) == "monday\n");
    const auto r = s.run({"config", "set", "week-start", "Thursday"});
    CHECK(r.err == "week-start is now thursday.\n");
    s.ok({"config", "set", "name", "Sam"});
    CHECK(s.ok({"config", "list"}) == "name=Sam\nweek-start=thursday\nunlock-minutes=15\n");
    CHECK(s.ok({"config", "get", "name"}) == "Sam\n");
    CHECK(contains(s.ok({"goal", "list"}), "Goals for the week of 2026-11-19 to 2026-11-25"));
}
