// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using Json = nlohmann::json;

TEST_CASE("urge-log records every field of SMART's Urge Log") {
    Sandbox s;
    const auto r = s.run({"urge-log",
                          "--intensity",
                          "7",
                          "--duration",
                          "25",
                          "--at",
                          "2026-11-18 21:30",
                          "--trigger",
                          "  Payday ",
                          "--where",
                          "home, alone",
                          "--strategy",
                          "delay",
                          "--strategy",
                          "distract",
                          "--rode-out",
                          "--note",
                          "Walked it off; felt proud",
                          "--next-time",
                          "Leave the card at home"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err == "Logged urge #1 (2026-11-18 21:30).\n");
    const auto urges = Json::parse(s.ok({"export", "urges", "--format", "json"}));
    REQUIRE(urges.size() == 1);
    const auto& u = urges[0];
    CHECK(u["at"] == "2026-11-18T21:30");
    CHECK(u["date"] == "2026-11-18");
    CHECK(u["week"] == "2026-11-16");
    CHECK(u["intensity"] == 7);
    CHECK(u["duration_min"] == 25);
    CHECK(u["trigger"] == "Payday");
    CHECK(u["where"] == "home, alone");
    CHECK(u["strategy"] == Json::array({"delay", "distract"}));
    CHECK(u["outcome"] == "rode-out");
    CHECK(u["note"] == "Walked it off; felt proud");
    CHECK(u["next_time"] == "Leave the card at home");
    CHECK(contains(s.ok({"export", "urges"}), ",Payday,\"home, alone\",delay;distract,rode-out,"));
}

TEST_CASE("urge-log defaults to now, takes HH:MM for today, and only --intensity is needed") {
    Sandbox s;
    s.ok({"urge-log", "--intensity", "4"});
    s.ok({"urge-log", "--intensity", "5", "--at", "00:00", "--acted"});
    const auto urges = Json::parse(s.ok({"export", "urges", "--format", "json"}));
    CHECK(urges[0]["date"] == "2026-11-19");
    CHECK(urges[0]["duration_min"].is_null());
    CHECK(urges[0]["outcome"].is_null());
    CHECK(urges[0]["strategy"].empty());
    CHECK(urges[1]["at"] == "2026-11-19T00:00");
    CHECK(urges[1]["outcome"] == "acted");
}

TEST_CASE("on a day given with --today, any time of that day can be logged, whatever the clock") {
    // The sandbox pins today to 2026-11-19, a day that is not the clock's: late in that day is
    // not yet to come, however early the clock's time of day is.
    Sandbox s;
    s.ok({"urge-log", "--intensity", "5", "--at", "23:59"});
    s.ok({"--today", "2026-11-18", "urge-log", "--intensity", "6", "--at", "2026-11-18 23:58"});
    const auto urges = Json::parse(s.ok({"export", "urges", "--format", "json"}));
    REQUIRE(urges.size() == 2);
    CHECK(urges[0]["at"] == "2026-11-19T23:59");
    CHECK(urges[1]["at"] == "2026-11-18T23:58");
    check_refused(s, {"urge-log", "--intensity", "5", "--at", "2026-11-20 00:00"},
                  "--at: 2026-11-20 00:00 is in the future");
}

TEST_CASE("urge-log rejects what cannot be right, and writes nothing") {
    Sandbox s;
    s.ok({"urge-log", "--intensity", "4", "--at", "2026-11-10 10:00"});
    const std::vector<std::pair<std::vector<std::string>, std::string>> bad{
        {{"urge-log", "--intensity", "0"}, "--intensity: 0 is out of range; use 1 to 10"},
        {{"urge-log", "--intensity", "11"}, "--intensity: 11 is out of range"},
        {{"urge-log", "--intensity", "strong"}, "--intensity"},
        {{"urge-log", "--trigger", "payday"}, "--intensity 1-10 is needed"},
        {{"urge-log"}, "urge-log needs --intensity 1-10"},
        {{"urge-log", "--intensity", "5", "--duration", "-5"},
         "--duration: -5 minutes is out of range"},
        {{"urge-log", "--intensity", "5", "--duration", "5000"}, "--duration: 5000 minutes"},
        {{"urge-log", "--intensity", "5", "--at", "2026-02-30 10:00"},
         "--at: '2026-02-30 10:00' is not a time"},
        {{"urge-log", "--intensity", "5", "--at", "2026-11-18 25:00"}, "is not a time"},
        {{"urge-log", "--intensity", "5", "--at", "yesterday"}, "is not a time"},
        {{"urge-log", "--intensity", "5", "--at", "2026-11-20 08:00"},
         "--at: 2026-11-20 08:00 is in the future"},
        {{"urge-log", "--intensity", "5", "--rode-out", "--acted"},
         "--rode-out and --acted cannot be given together"},
        {{"urge-log", "--intensity", "5", "--strategy", " "}, "--strategy is empty"},
        {{"urge-log", "list", "--week", "soon"}, "--week: 'soon' is not a week"},
    };
    for (const auto& [args, message] : bad) {
        check_refused(s, args, message);
    }
}

TEST_CASE("on a terminal, urge-log asks for each field in turn, offering DEADS") {
    Sandbox s;
    s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
    const auto r = s.run_on_terminal(
        {"urge-log"},
        "2026-11-18 7:00\n2026-11-18 19:45\n\n12\n6\n15\nA text from an old friend\n"
        "at the bus stop\ndistract, Delay\nr\nNervous, then relieved\nPut music on sooner\n");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "deny, delay, escape, avoid, accept, attack, distract, substitute"));
    CHECK(contains(r.out, "is not a time"));                     // 7:00 asked again
    CHECK(contains(r.out, "Please type a number from 1 to 10")); // 12 asked again
    const auto u = Json::parse(s.ok({"export", "urges", "--format", "json"}))[0];
    CHECK(u["at"] == "2026-11-18T19:45");
    CHECK(u["intensity"] == 6);
    CHECK(u["duration_min"] == 15);
    CHECK(u["trigger"] == "A text from an old friend");
    CHECK(u["where"] == "at the bus stop");
    CHECK(u["strategy"] == Json::array({"distract", "Delay"}));
    CHECK(u["outcome"] == "rode-out");
    CHECK(u["note"] == "Nervous, then relieved");
    CHECK(u["next_time"] == "Put music on sooner");
}

TEST_CASE("urge-log list shows a week's urges, newest first, within 80 columns") {
    Sandbox s;
    s.ok({"urge-log", "--intensity", "3", "--at", "2026-11-16 08:00"});
    s.ok({"urge-log", "--intensity", "9", "--at", "2026-11-18 22:10", "--acted", "--trigger",
          std::string(120, 'w')});
    s.ok({"urge-log", "--intensity", "2", "--at", "2026-11-09 08:00"});
    const auto list = s.ok({"urge-log", "list"});
    CHECK(list.rfind("Urges in the week of 2026-11-16 to 2026-11-22\n", 0) == 0);
    CHECK(list.find("#2  2026-11-18 22:10  strength 9/10, acted on it") <
          list.find("#1  2026-11-16 08:00  strength 3/10"));
    CHECK_FALSE(contains(list, "#3"));
    std::istringstream lines(list);
    for (std::string line; std::getline(lines, line);) {
        CHECK(line.size() <= 80);
    }
    CHECK(contains(s.ok({"urge-log", "list", "--week", "last"}), "#3"));
}

TEST_CASE("the review has an urges section, urges in the trend, and totals that grow") {
    Sandbox s;
    s.ok({"urge-log", "--intensity", "6", "--duration", "20", "--trigger", "After work",
          "--strategy", "distract", "--rode-out", "--at", "2026-11-17 18:00"});
    s.ok({"urge-log", "--intensity", "8", "--duration", "10", "--trigger", "after WORK ",
          "--strategy", "Distract", "--strategy", "delay", "--acted", "--at", "2026-11-18 18:00"});
    s.ok({"urge-log", "--intensity", "2", "--at", "2026-11-10 18:00", "--rode-out"});
    const auto text = s.ok({"review", "--trend", "2"});
    CHECK(contains(text, "Urges (2)"));
    CHECK(contains(text, "Strength: average 7.0, highest 8. Time: 30 minutes"));
    CHECK(contains(text, "Rode it out 1 time, acted on it 1 time"));
    CHECK(
        contains(unwrapped(text),
                 "How you coped: distract 2 times (rode it out 1); delay 1 time (rode it out 0)"));
    CHECK(contains(text, "Most common triggers: After work (2)"));
    CHECK(contains(text, "Urges logged: 3   Ridden out: 2"));
    const auto json = Json::parse(s.ok({"review", "--format", "json", "--trend", "2"}));
    CHECK(json["urges"]["count"] == 2);
    CHECK(json["urges"]["avg_intensity"] == 7.0);
    CHECK(json["urges"]["strategies"][0]["strategy"] == "distract");
    CHECK(json["urges"]["strategies"][0]["rode_out"] == 1);
    CHECK(json["urges"]["triggers"][0]["count"] == 2);
    CHECK(json["trend"][0]["urges"] == 1);
    CHECK(json["trend"][1]["urges"] == 2);
    CHECK(json["totals"]["urges_ridden_out"] == 2);
    const auto weeks = Json::parse(s.ok({"export", "weeks", "--format", "json"}));
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[1]["urges"] == 2);
    CHECK(weeks[1]["avg_intensity"] == 7.0);
    CHECK(weeks[1]["urges_ridden_out"] == 1);
    CHECK(contains(s.ok({"review", "--week", "next"}), "No urges logged this week."));
}

TEST_CASE("urge-log list --all shows every urge, newest first, whatever its week") {
    Sandbox s;
    s.ok({"urge-log", "--intensity", "4", "--at", "2026-10-05 08:00", "--trigger", "payday"});
    s.ok({"urge-log", "--intensity", "7", "--at", "2026-11-18 21:30", "--rode-out"});
    const auto all = s.ok({"urge-log", "list", "--all"});
    CHECK(all.rfind("Every urge logged: 2\n", 0) == 0);
    CHECK(contains(all, "#2  2026-11-18 21:30  strength 7/10, rode it out\n"));
    CHECK(contains(all, "#1  2026-10-05 08:00  strength 4/10\n       Trigger: payday\n"));
    CHECK(all.find("#2") < all.find("#1"));
    check_refused(s, {"urge-log", "list", "--all", "--week", "last"}, "--week", 2);
}

TEST_CASE("urge-log show gives one urge in full, every field of the Urge Log") {
    Sandbox s;
    s.ok({"urge-log",    "--intensity",    "6",          "--duration",
          "20",          "--trigger",      "after work", "--where",
          "home\x1b[2J", "--strategy",     "distract",   "--strategy",
          "delay",       "--rode-out",     "--note",     "Went for a walk instead",
          "--next-time", "Call Sam first", "--at",       "2026-11-18 21:30"});
    CHECK(s.ok({"urge-log", "show", "1"}) == "Urge #1\n"
                                             "  When:      2026-11-18 21:30\n"
                                             "  Strength:  6/10\n"
                                             "  How long:  20 min\n"
                                             "  Trigger:   after work\n"
                                             "  Who/where: home^[[2J\n"
                                             "  Coped by:  distract, delay\n"
                                             "  Then:      rode it out\n"
                                             "  Felt:      Went for a walk instead\n"
                                             "  Next time: Call Sam first\n");
    s.ok({"urge-log", "--intensity", "3", "--acted", "--at", "2026-11-18 08:00"});
    const auto bare = s.ok({"urge-log", "show", "2"});
    CHECK(contains(bare, "  How long:  -\n"));
    CHECK(contains(bare, "  Then:      acted on it\n"));
    check_refused(s, {"urge-log", "show", "9"}, "there is no urge #9", 2);
    check_refused(s, {"urge-log", "show", "01"}, "'01' is not an id", 2);
}
