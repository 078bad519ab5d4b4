// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using Json = nlohmann::json;

TEST_CASE("checkin with options records the rating and words") {
    Sandbox s;
    auto r = s.run({"checkin", "--rating", "7", "--note", "A steady week, went to the art group"});
    CHECK(r.code == 0);
    CHECK(r.err == "Checked in about the week of 11-16 to 11-22.\n");
    s.ok({"checkin", "--note", "Just words", "--date", "2026-11-10"});
    const auto rows = Json::parse(s.ok({"export", "checkins", "--format", "json"}));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["rating"] == 7);
    CHECK(rows[0]["date"] == "2026-11-19");
    CHECK(rows[0]["week"] == "2026-11-16");
    CHECK(rows[1]["rating"].is_null());
    CHECK(rows[1]["week"] == "2026-11-09");
}

TEST_CASE("checkin with no options and no terminal names the options to pass") {
    Sandbox s;
    const auto r = s.run({"checkin"});
    CHECK(r.code == 2);
    CHECK(r.err == "smartgoals: error: checkin needs --rating 1-10 and/or --note TEXT when it is "
                   "not run on a terminal\n");
}

TEST_CASE("on a terminal, checkin walks through the meeting rhythm") {
    Sandbox s;
    s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
    s.ok({"--today", "2026-11-10", "goal", "add", "Find a volunteer role"});
    s.ok({"goal", "add", "Call my sister"});
    s.ok({"goal", "add", "Walk", "--every-week"});
    // A rating out of range is asked again; then words; then each open goal; then new goals.
    const auto r = s.run_on_terminal(
        {"checkin"}, "11\n8\nBusy but good\nn\ny\ns\nGo to the art group\nLook at courses\n\n");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "How have the last seven days been, from 1 to 10?"));
    CHECK(contains(r.out, "Please type a number from 1 to 10"));
    CHECK(contains(r.out, "about the week of 11-16 to 11-22"));
    CHECK(contains(r.out, "#1 Find a volunteer role — rolled over from the week of 2026-11-09 "
                          "(1 week)  [y/n/s]"));
    CHECK(contains(r.out, "#3 Walk (weekly, 0/1 so far)  [y/n/s]"));
    CHECK(contains(r.out, "Goals for the seven days ahead (the week of 11-16 to 11-22)"));
    CHECK(contains(r.out, "1 goal achieved: Call my sister."));
    CHECK(contains(r.out, "Added 2 goals for the week of 11-16 to 11-22."));
    const auto list = s.ok({"goal", "list"});
    CHECK(contains(list, "#1 [ ] Find a volunteer role"));
    CHECK(contains(list, "#2 [x] Call my sister"));
    CHECK(contains(list, "#3 [ ] Walk  · weekly, 0/1 this week"));
    CHECK(contains(list, "#4 [ ] Go to the art group"));
    CHECK(contains(list, "#5 [ ] Look at courses"));
    const auto checkins = Json::parse(s.ok({"export", "checkins", "--format", "json"}));
    REQUIRE(checkins.size() == 1);
    CHECK(checkins[0]["rating"] == 8);
    CHECK(checkins[0]["note"] == "Busy but good");
}

TEST_CASE("on a terminal, skipping everything records nothing") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    const auto before = s.state();
    const auto r = s.run_on_terminal({"checkin"}, "\n\n\n\n");
    CHECK(r.code == 0);
    CHECK(contains(r.out, "no check-in was recorded"));
    CHECK(s.state() == before);
}

TEST_CASE("the guided check-in counts weekly completions as such in its summary") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "Walk", "--every-week", "--times", "3"});
    s.ok({"-q", "goal", "add", "Swim", "--every-week"});
    s.ok({"-q", "goal", "add", "Read two books", "--times", "2"});
    s.ok({"-q", "goal", "done", "1"});
    const auto r = s.run_on_terminal({"checkin"}, "7\n\ny\ny\ny\n\n");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "#1 Walk (weekly, 1/3 so far)  [y/n/s]"));
    CHECK(contains(r.out, "#3 Read two books (0/2)  [y/n/s]"));
    CHECK(contains(r.out, "1 goal moved on: Read two books 1/2."));
    CHECK(contains(r.out, "1 weekly goal achieved for the week: Swim 1/1."));
    CHECK(contains(r.out, "1 weekly goal moved on: Walk 2/3."));
    CHECK_FALSE(contains(r.out, "goals achieved"));
}

TEST_CASE("the guided check-in re-asks a goal line that gives times or an area twice, or no text") {
    Sandbox s;
    const auto r = s.run_on_terminal(
        {"checkin"}, "\n\nWalk x3 x4\nweekly\n@\nCall mum @balance @urges\nWalk x3\n\n");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "'x3' gives the times a second time"));
    CHECK(contains(r.out, "the goal's text is empty"));
    CHECK(contains(r.out, "'@' is not one of SMART's four points"));
    CHECK(contains(r.out, "'@balance' gives an area a second time"));
    CHECK(contains(r.out, "Added 1 goal for the week of 11-16 to 11-22."));
}

TEST_CASE("checkin list shows the check-ins about a week, or every one, each with its week") {
    Sandbox s;
    s.ok({"--today", "2026-11-09", "checkin", "--rating", "6", "--note", "A steady week"});
    s.ok({"--today", "2026-11-16", "checkin", "--rating", "8"});
    // On the meeting day (Monday), the week just ended, as the review.
    CHECK(s.ok({"--today", "2026-11-16", "checkin", "list"}) ==
          "Check-ins about the week of 2026-11-09 to 2026-11-15\n"
          "   #2  2026-11-16  about 11-09 to 11-15  rating 8/10\n");
    CHECK(s.ok({"checkin", "list", "--week", "2026-11-03"}) ==
          "Check-ins about the week of 2026-11-02 to 2026-11-08\n"
          "   #1  2026-11-09  about 11-02 to 11-08  rating 6/10\n"
          "       A steady week\n");
    CHECK(s.ok({"checkin", "list", "--week", "next"}) ==
          "Check-ins about the week of 2026-11-23 to 2026-11-29\n"
          "  No check-in about that week.\n");
    CHECK(s.ok({"checkin", "list", "--all"}) ==
          "Every check-in: 2\n"
          "   #2  2026-11-16  about 11-09 to 11-15  rating 8/10\n"
          "   #1  2026-11-09  about 11-02 to 11-08  rating 6/10\n"
          "       A steady week\n");
    check_refused(s, {"checkin", "list", "--all", "--week", "last"}, "--week", 2);
    check_refused(s, {"checkin", "list", "--week", "someday"}, "'someday' is not a week", 2);
}
