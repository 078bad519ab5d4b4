// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using Json = nlohmann::json;

TEST_CASE("goal add prints the id on stdout and a message on stderr") {
    Sandbox s;
    auto r = s.run({"goal", "add", "Call my sister", "--area", "balance"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err == "Added goal #1 for the week of 2026-11-16.\n");
    r = s.run({"-q", "goal", "add", "Walk"});
    CHECK(r.out == "2\n");
    CHECK(r.err.empty());
    r = s.run({"goal", "add", "--", "-1 coffee a day"});
    CHECK(r.out == "3\n");
    CHECK(contains(s.ok({"goal", "list"}), "#3 [ ] -1 coffee a day"));
    // Global options may also follow the subcommand.
    CHECK(s.run({"goal", "add", "Read", "--quiet"}).err.empty());
}

TEST_CASE("goal list sets each id to the right of four columns, and a longer one in full") {
    Sandbox s;
    s.ok({"goal", "add", "One"});
    // Ids are never reused: the next one follows the highest ever given.
    for (const char* highest : {"98", "998", "9998", "99998"}) {
        REQUIRE(run_process({"/usr/bin/sqlite3", s.db.string(),
                             std::string("UPDATE sqlite_sequence SET seq = ") + highest +
                                 " WHERE name = 'goals'"},
                            s.env, "", s.dir)
                    .code == 0);
        s.ok({"goal", "add", "Next"});
    }
    s.ok({"goal", "add", "Walk", "--every-week", "--times", "2"});
    CHECK(s.ok({"goal", "list"}) == "Goals for the week of 2026-11-16 to 2026-11-22\n"
                                    "  #1 [ ] One\n"
                                    " #99 [ ] Next\n"
                                    "#999 [ ] Next\n"
                                    "#9999 [ ] Next\n"
                                    "#99999 [ ] Next\n"
                                    "#100000 [ ] Walk  · weekly, 0/2 this week\n");
    CHECK(contains(s.ok({"--plain", "goal", "list"}), "\n#99999 open: Next\n"));
}

TEST_CASE("an open goal rolls over, marked with where it came from") {
    Sandbox s;
    s.ok({"--today", "2026-11-03", "goal", "add", "Find a volunteer role"});
    s.ok({"--today", "2026-11-03", "goal", "add", "Call my sister"});
    s.ok({"--today", "2026-11-05", "goal", "done", "2"});
    const auto list = s.ok({"goal", "list"});
    // Wrapped to 80 columns (SPEC §6.4), the rest under the goal's text.
    CHECK(list == "Goals for the week of 2026-11-16 to 2026-11-22\n"
                  "  #1 [ ] Find a volunteer role  · rolled over from the week of 2026-11-02 (2\n"
                  "         weeks)\n");
    CHECK(contains(s.ok({"goal", "list", "--week", "2026-11-02"}),
                   "#2 [x] Call my sister  · done 2026-11-05"));
    s.env["COLUMNS"] = "132"; // each goal on one line
    CHECK(contains(s.ok({"goal", "list", "--week", "-1"}), "(1 week)"));
}

TEST_CASE("goal done, and done again, and progress toward --times across weeks") {
    Sandbox s;
    s.ok({"--today", "2026-11-03", "goal", "add", "Go to a meeting", "--times", "3"});
    auto r = s.run({"goal", "done", "1", "--date", "2026-11-04", "--note", "Thursday group"});
    CHECK(r.err == "Recorded for goal #1: 1 of 3 so far.\n");
    s.ok({"goal", "done", "1", "--date", "2026-11-12"});
    CHECK(contains(s.ok({"goal", "list"}), "#1 [ ] Go to a meeting  · 2/3  · rolled over"));
    r = s.run({"goal", "done", "1"});
    CHECK(r.err == "Goal #1 achieved (3/3). Well done.\n");
    const auto state = s.state();
    r = s.run({"goal", "done", "1"});
    CHECK(r.code == 0);
    CHECK(r.err == "Goal #1 is already done (on 2026-11-19); nothing changed.\n");
    CHECK(s.state() == state);
    const auto completions = Json::parse(s.ok({"export", "completions", "--format", "json"}));
    CHECK(completions.size() == 3);
    CHECK(completions[0]["note"] == "Thursday group");
}

TEST_CASE("weekly goals start fresh each week") {
    Sandbox s;
    s.ok({"--today", "2026-11-10", "goal", "add", "Walk", "--every-week", "--times", "2"});
    s.ok({"goal", "done", "1", "--date", "2026-11-10"});
    s.ok({"goal", "done", "1", "--date", "2026-11-11"});
    s.ok({"goal", "done", "1", "--date", "2026-11-17"});
    CHECK(
        contains(s.ok({"goal", "list", "--week", "last"}), "#1 [x] Walk  · weekly, 2/2 that week"));
    CHECK(contains(s.ok({"goal", "list"}), "#1 [ ] Walk  · weekly, 1/2 this week"));
    CHECK(
        contains(s.ok({"goal", "list", "--week", "next"}), "#1 [ ] Walk  · weekly, 0/2 this week"));
    const auto r = s.run({"goal", "done", "1", "--date", "2026-11-02"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "before goal #1 began"));
}

TEST_CASE("a goal for next week can be done early, and shows in the week it was done") {
    Sandbox s;
    s.ok({"goal", "add", "Book the dentist", "--week", "next"});
    CHECK(contains(s.ok({"goal", "list", "--week", "next"}), "#1 [ ] Book the dentist"));
    s.ok({"goal", "done", "1"});
    CHECK(contains(s.ok({"goal", "list"}), "#1 [x] Book the dentist  · done 2026-11-19"));
    CHECK(contains(s.ok({"goal", "list", "--week", "next"}), "No goals for this week yet."));
}

TEST_CASE("let go, take back, and the conflicts between them") {
    Sandbox s;
    s.ok({"goal", "add", "Cut down coffee"});
    s.ok({"goal", "add", "Call my sister"});
    auto r = s.run({"goal", "drop", "1"});
    CHECK(r.code == 0);
    CHECK(contains(s.ok({"goal", "list"}), "#1 [-] Cut down coffee  · let go 2026-11-19"));
    auto state = s.state();
    r = s.run({"goal", "drop", "1"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "already let go; nothing changed"));
    r = s.run({"goal", "done", "1"});
    CHECK(r.code == 2);
    CHECK(r.err == "smartgoals: error: goal #1 was let go on 2026-11-19; take it back first with "
                   "'smartgoals goal reopen 1'\n");
    CHECK(s.state() == state);
    s.ok({"goal", "reopen", "1"});
    CHECK(contains(s.ok({"goal", "list"}), "#1 [ ] Cut down coffee"));

    s.ok({"goal", "done", "2"});
    state = s.state();
    r = s.run({"goal", "drop", "2"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "reopen it first"));
    CHECK(s.state() == state);
    r = s.run({"goal", "reopen", "1"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "already open; nothing changed"));
    // Reopening a done goal takes back the completion that closed it.
    s.ok({"goal", "reopen", "2"});
    CHECK(contains(s.ok({"goal", "list"}), "#2 [ ] Call my sister"));
    CHECK(Json::parse(s.ok({"export", "completions", "--format", "json"})).empty());
}

TEST_CASE("goal edit changes text, area and target, and re-applies the target") {
    Sandbox s;
    s.ok({"goal", "add", "Walk", "--times", "3"});
    s.ok({"goal", "done", "1"});
    s.ok({"goal", "done", "1"});
    auto r = s.run({"goal", "edit", "1", "--times", "2"});
    CHECK(r.err == "Changed goal #1. It is now achieved.\n");
    r = s.run(
        {"goal", "edit", "1", "--times", "4", "--text", "Walk to the shops", "--area", "balance"});
    CHECK(r.err == "Changed goal #1. It is open again.\n");
    const auto goals = Json::parse(s.ok({"export", "goals", "--format", "json"}));
    CHECK(goals[0]["text"] == "Walk to the shops");
    CHECK(goals[0]["area"] == "balance");
    CHECK(goals[0]["target"] == 4);
    CHECK(goals[0]["status"] == "open");
    s.ok({"goal", "edit", "1", "--area", "none"});
    CHECK(Json::parse(s.ok({"export", "goals", "--format", "json"}))[0]["area"].is_null());
}

TEST_CASE("changing week-start moves each goal to the week that holds its date") {
    Sandbox s("2026-11-22"); // a Sunday
    s.ok({"goal", "add", "Go to the art group"});
    CHECK(contains(s.ok({"goal", "list"}), "week of 2026-11-16"));
    s.ok({"config", "set", "week-start", "sunday"});
    const auto list = s.ok({"goal", "list"});
    CHECK(contains(list, "Goals for the week of 2026-11-22 to 2026-11-28"));
    CHECK(contains(list, "#1 [ ] Go to the art group\n"));
    CHECK(contains(s.ok({"goal", "list", "--all"}), "week of 2026-11-22"));
}

TEST_CASE("goal list --all shows every goal with its week") {
    Sandbox s;
    s.ok({"--today", "2026-10-01", "goal", "add", "Old goal"});
    s.ok({"goal", "add", "Walk", "--every-week"});
    const auto all = s.ok({"goal", "list", "--all"});
    CHECK(all == "  #1 [ ] Old goal  · week of 2026-09-28\n"
                 "  #2 [ ] Walk  · every week from 2026-11-16, 1 time  · 0/1 this week\n");
}

TEST_CASE("reopen after lowering the target takes back every completion that keeps it done") {
    Sandbox s;
    s.ok({"--today", "2026-11-16", "goal", "add", "Twice", "--times", "3"});
    for (const char* day : {"2026-11-16", "2026-11-17", "2026-11-18"}) {
        s.ok({"goal", "done", "1", "--date", day});
    }
    auto r = s.run({"goal", "edit", "1", "--times", "1"});
    CHECK(r.err == "Changed goal #1.\n");
    CHECK(contains(s.ok({"goal", "list"}), "#1 [x] Twice  · done 2026-11-16"));
    r = s.run({"goal", "reopen", "1"});
    CHECK(r.code == 0);
    CHECK(r.err == "Goal #1 is open again. Took back 3 completions (the latest first); it is at 0 "
                   "of 1.\n");
    CHECK(contains(s.ok({"goal", "list"}), "#1 [ ] Twice"));
    CHECK(Json::parse(s.ok({"export", "completions", "--format", "json"})).empty());
    r = s.run({"goal", "reopen", "1"});
    CHECK(r.err == "Goal #1 is already open; nothing changed.\n");
}

TEST_CASE("reopen of a goal done at its target takes back only the completion that reached it") {
    Sandbox s;
    s.ok({"--today", "2026-11-16", "goal", "add", "Meetings", "--times", "2"});
    s.ok({"goal", "done", "1", "--date", "2026-11-16"});
    s.ok({"goal", "done", "1", "--date", "2026-11-18", "--note", "evening group"});
    auto r = s.run({"goal", "reopen", "1"});
    CHECK(r.err == "Goal #1 is open again. Took back 1 completion (the latest first); it is at 1 "
                   "of 2.\n");
    const auto completions = Json::parse(s.ok({"export", "completions", "--format", "json"}));
    REQUIRE(completions.size() == 1);
    CHECK(completions[0]["date"] == "2026-11-16");
}

TEST_CASE("a write refused on a database that did not exist yet leaves no file behind") {
    Sandbox s;
    REQUIRE_FALSE(std::filesystem::exists(s.db));
    auto r = s.run({"goal", "done", "4"});
    CHECK(r.code == 2);
    CHECK(r.err == "smartgoals: error: there is no goal #4; 'smartgoals goal list --all' shows "
                   "them all\n");
    CHECK_FALSE(std::filesystem::exists(s.db));
    CHECK_FALSE(std::filesystem::exists(s.db.string() + "-wal"));
    r = s.run({"cbc", "add", "1", "bu", "Relaxing"});
    CHECK(r.code == 2);
    CHECK_FALSE(std::filesystem::exists(s.db));
}

TEST_CASE("goal show gives one goal in full: completions with their notes, earlier targets") {
    Sandbox s;
    s.ok({"--today", "2026-11-02", "goal", "add", "Walk", "--every-week", "--times", "3", "--area",
          "balance"});
    s.ok({"--today", "2026-11-03", "goal", "done", "1", "--note", "Round the pond"});
    s.ok({"--today", "2026-11-04", "goal", "done", "1"});
    s.ok({"--today", "2026-11-17", "goal", "edit", "1", "--times", "2"});
    s.ok({"--today", "2026-11-19", "goal", "done", "1"});
    auto full = s.ok({"goal", "show", "1"});
    // The time of day it was added is the clock's: the rest is fixed.
    const auto added = full.find("  Added:       2026-11-02 ");
    REQUIRE(added != std::string::npos);
    full.replace(added + 26, 5, "HH:MM");
    CHECK(full == "Goal #1: Walk\n"
                  "  Every week:  from the week of 2026-11-02\n"
                  "  Target:      3 times a week, the weeks of 2026-11-02 to 2026-11-09\n"
                  "               2 times a week, from the week of 2026-11-16\n"
                  "  Area:        balance\n"
                  "  Status:      open\n"
                  "  Added:       2026-11-02 HH:MM\n"
                  "Completions (3):\n"
                  "    #1  2026-11-03  week of 2026-11-02  Round the pond\n"
                  "    #2  2026-11-04  week of 2026-11-02\n"
                  "    #3  2026-11-19  week of 2026-11-16\n");

    s.ok({"goal", "add", "Phone my sister\x1b]0;x\x07", "--times", "2"});
    const auto once = s.ok({"goal", "show", "2"});
    CHECK(contains(once, "Goal #2: Phone my sister^[]0;x^G\n"));
    CHECK(contains(once, "  Planned:     the week of 2026-11-16 to 2026-11-22\n"));
    CHECK(contains(once, "  Times:       2 (0 so far)\n"));
    CHECK(contains(once, "  Area:        none\n"));
    CHECK(contains(once, "No completions yet.\n"));
    s.ok({"goal", "drop", "2"});
    CHECK(contains(s.ok({"goal", "show", "2"}), "  Status:      let go 2026-11-19\n"));

    check_refused(s, {"goal", "show", "9"}, "there is no goal #9", 2);
    check_refused(s, {"goal", "show", "x"}, "'x' is not an id", 2);
}

TEST_CASE("goal edit --week moves a goal to another planned week, and the weeks follow") {
    Sandbox s; // today is Thursday 2026-11-19
    s.ok({"goal", "add", "Walk"});
    const auto r = s.run({"goal", "edit", "1", "--week", "next"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "Changed goal #1. Now planned for the week of 2026-11-23."));
    CHECK(contains(s.ok({"goal", "list"}), "No goals for this week yet."));
    CHECK(contains(s.ok({"goal", "list", "--week", "next"}), "#1 [ ] Walk\n"));
    s.ok({"goal", "edit", "1", "--week", "-2"});
    CHECK(contains(s.ok({"goal", "list"}),
                   "#1 [ ] Walk  · rolled over from the week of 2026-11-02 (2 weeks)"));
    // A weekly goal's achieved weeks are counted from its new first week.
    s.ok({"--today", "2026-11-02", "goal", "add", "Swim", "--every-week"});
    s.ok({"--today", "2026-11-03", "goal", "done", "2"});
    s.ok({"goal", "done", "2"});
    const auto achieved = [&] {
        return Json::parse(s.ok({"review", "--format", "json"}))["totals"]["goals_achieved"];
    };
    CHECK(achieved() == 2);
    s.ok({"goal", "edit", "2", "--week", "this"});
    CHECK(achieved() == 1);
    s.ok({"undo"});
    CHECK(achieved() == 2);
    check_refused(s, {"goal", "edit", "1", "--week", "someday"}, "'someday' is not a week", 2);
    check_refused(s, {"goal", "edit", "1", "--week", "-9999"}, "outside the years 1900 to 9999", 2);
}
