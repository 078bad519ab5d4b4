// SPDX-License-Identifier: MIT
// The guided flows on a real pseudo-terminal, each prompt answered as it appears.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using Json = nlohmann::json;

namespace {

constexpr const char* k_stopped = "smartgoals: stopped; nothing was recorded";

// For every step that types an answer: the walk up to that question, then Ctrl-C or Ctrl-D
// there instead. Each stops with exit 2, says nothing was recorded, and leaves the database's
// bytes as they were.
void check_stops_at_each_question(const Sandbox& s, const std::vector<std::string>& args,
                                  const std::vector<Step>& walk) {
    const auto before = s.state();
    for (std::size_t i = 0; i < walk.size(); ++i) {
        if (walk[i].send.empty()) {
            continue; // text shown, not a question
        }
        for (const std::string key : {"\x03", "\x04"}) {
            std::vector<Step> steps(walk.begin(), walk.begin() + static_cast<long>(i));
            steps.push_back({walk[i].wait_for, key});
            INFO("stopped with ", key == "\x03" ? "Ctrl-C" : "Ctrl-D", " at '", walk[i].wait_for,
                 "'");
            const auto r = s.converse(args, steps);
            INFO("the terminal showed:\n", r.out);
            CHECK(r.code == 2);
            CHECK(contains(r.out.substr(r.out.rfind(walk[i].wait_for)), k_stopped));
            CHECK(s.state() == before);
        }
    }
}

Json exported(const Sandbox& s, const std::string& table) {
    return Json::parse(s.ok({"export", table, "--format", "json"}));
}

} // namespace

TEST_CASE("guided checkin: Ctrl-C or Ctrl-D at each question records nothing") {
    Sandbox s;
    s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
    s.ok({"goal", "add", "Call my sister"});
    s.ok({"goal", "add", "Walk", "--every-week", "--times", "3"});
    s.ok({"checkin", "--rating", "6", "--note", "first", "--date", "2026-11-17"});
    const std::vector<Step> walk = {
        {"Check-in on 2026-11-19, about the week of 11-16 to 11-22.", ""},
        {"That week already has a check-in, on 2026-11-17, rated 6/10: first.", ""},
        {"Change it rather than add a second? y = change it (Enter), n = add another [y/n] ",
         "n\n"},
        {"How have the last seven days been, from 1 to 10? (Enter to skip) ", "8\n"},
        {"A few words about them, successes and challenges (Enter to skip): ", "Good\n"},
        {"#1 Call my sister  [y/n/s] ", "y\n"},
        {"#2 Walk (weekly, 0/3 so far)  [y/n/s] ", "y\n"},
        {"Goals for the seven days ahead (the week of 11-16 to 11-22)", ""},
        {"  > ", "Read\n"},
        {"  > ", "\n"},
    };
    check_stops_at_each_question(s, {"checkin"}, walk);

    // The same answers, not stopped, do record: what the stops left out.
    const auto r = s.converse({"checkin"}, walk);
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Checked in about the week of 11-16 to 11-22."));
    CHECK(contains(r.out, "1 goal achieved: Call my sister."));
    CHECK(contains(r.out, "1 weekly goal moved on: Walk 1/3."));
    CHECK(contains(r.out, "Added 1 goal for the week of 11-16 to 11-22."));
    CHECK(exported(s, "checkins").size() == 2);
    CHECK(exported(s, "goals").size() == 3);
}

TEST_CASE("guided checkin: goals ahead take xN, weekly and @area, and a bad line is asked again") {
    Sandbox s;
    s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
    s.ok({"goal", "add", "Call my sister"});
    const auto r = s.converse(
        {"checkin"},
        {
            {"Check-in on 2026-11-19, about the week of 11-16 to 11-22.", ""},
            {"How have the last seven days been, from 1 to 10?", "7\n"},
            {"A few words about them", "Steady\n"},
            {"#1 Call my sister  [y/n/s] ", "s\n"},
            {"Goals for the seven days ahead (the week of 11-16 to 11-22)", ""},
            {"  > ", "Walk ×3 weekly @balance\n"},
            {"  > ", "Swim @sea\n"},
            {"'@sea' is not one of SMART's four points: @motivation, @urges, @thoughts, @balance; "
             "type it again, or an empty line to finish.",
             ""},
            {"  > ", "Read x2\n"},
            {"  > ", "\n"},
        });
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Checked in about the week of 11-16 to 11-22."));
    CHECK(contains(r.out, "Added 2 goals for the week of 11-16 to 11-22."));
    const auto goals = exported(s, "goals");
    REQUIRE(goals.size() == 3);
    CHECK(goals[0]["status"] == "open"); // skipped
    CHECK(goals[1]["text"] == "Walk");
    CHECK(goals[1]["kind"] == "weekly");
    CHECK(goals[1]["target"] == 3);
    CHECK(goals[1]["area"] == "balance");
    CHECK(goals[1]["week"] == "2026-11-16");
    CHECK(goals[2]["text"] == "Read");
    CHECK(goals[2]["kind"] == "once");
    CHECK(goals[2]["target"] == 2);
    CHECK(goals[2]["area"].is_null());
    const auto checkins = exported(s, "checkins");
    REQUIRE(checkins.size() == 1);
    CHECK(checkins[0]["rating"] == 7);
    CHECK(checkins[0]["note"] == "Steady");
}

TEST_CASE("guided checkin: a week that has a check-in can have it changed, or a second") {
    const std::vector<std::string> first = {"checkin", "--rating", "6",         "--note",
                                            "first",   "--date",   "2026-11-17"};
    const Step already{"That week already has a check-in, on 2026-11-17, rated 6/10: first.", ""};
    const std::string change_it =
        "Change it rather than add a second? y = change it (Enter), n = add another [y/n] ";

    SUBCASE("y changes it; Enter keeps its words") {
        Sandbox s;
        s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
        s.ok(first);
        const auto r = s.converse(
            {"checkin"},
            {already,
             {change_it, "y\n"},
             {"How have the last seven days been, from 1 to 10? (Enter keeps what it says) ",
              "9\n"},
             {"A few words about them, successes and challenges (Enter keeps what it says): ",
              "\n"},
             {"  > ", "\n"}});
        INFO(r.out);
        CHECK(r.code == 0);
        CHECK(contains(r.out, "Changed the check-in about the week of 11-16 to 11-22."));
        const auto checkins = exported(s, "checkins");
        REQUIRE(checkins.size() == 1);
        CHECK(checkins[0]["rating"] == 9);
        CHECK(checkins[0]["note"] == "first");
        CHECK(checkins[0]["week"] == "2026-11-16");
    }
    SUBCASE("n adds a second") {
        Sandbox s;
        s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
        s.ok(first);
        const auto r =
            s.converse({"checkin"}, {already,
                                     {change_it, "n\n"},
                                     {"How have the last seven days been, from 1 to 10? (Enter to "
                                      "skip) ",
                                      "4\n"},
                                     {"A few words about them", "second\n"},
                                     {"  > ", "\n"}});
        INFO(r.out);
        CHECK(r.code == 0);
        CHECK(contains(r.out, "Checked in about the week of 11-16 to 11-22."));
        const auto checkins = exported(s, "checkins");
        REQUIRE(checkins.size() == 2);
        CHECK(checkins[0]["rating"] == 6);
        CHECK(checkins[0]["note"] == "first");
        CHECK(checkins[1]["rating"] == 4);
        CHECK(checkins[1]["note"] == "second");
        CHECK(checkins[1]["date"] == "2026-11-19");
        CHECK(checkins[1]["week"] == "2026-11-16");
    }
}

TEST_CASE("guided checkin on the meeting day: about the week before, goals for the new one") {
    Sandbox s;                // today 2026-11-19, a Thursday
    s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
    s.ok({"config", "set", "week-start", "monday"});
    s.ok({"goal", "add", "Call my sister"});
    // The meeting on Monday 2026-11-23 is about the week that ended on Sunday.
    const auto r =
        s.converse({"--today", "2026-11-23", "checkin"},
                   {
                       {"Check-in on 2026-11-23, about the week of 11-16 to 11-22.", ""},
                       {"How have the last seven days been", "7\n"},
                       {"A few words about them", "\n"},
                       {"Your open goals in the week of 11-16 to 11-22.", ""},
                       {"#1 Call my sister  [y/n/s] ", "y\n"},
                       {"Goals for the seven days ahead (the week of 11-23 to 11-29)", ""},
                       {"  > ", "Go to the art group\n"},
                       {"  > ", "\n"},
                   });
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Checked in about the week of 11-16 to 11-22."));
    CHECK(contains(r.out, "1 goal achieved: Call my sister."));
    CHECK(contains(r.out, "Added 1 goal for the week of 11-23 to 11-29."));
    const auto completions = exported(s, "completions");
    REQUIRE(completions.size() == 1);
    CHECK(completions[0]["goal_id"] == 1);
    CHECK(completions[0]["date"] == "2026-11-22");
    const auto goals = exported(s, "goals");
    REQUIRE(goals.size() == 2);
    CHECK(goals[0]["status"] == "done");
    CHECK(goals[0]["week"] == "2026-11-16");
    CHECK(goals[1]["text"] == "Go to the art group");
    CHECK(goals[1]["week"] == "2026-11-23");
    const auto checkins = exported(s, "checkins");
    REQUIRE(checkins.size() == 1);
    CHECK(checkins[0]["date"] == "2026-11-23");
    CHECK(checkins[0]["week"] == "2026-11-16");
}

TEST_CASE("guided urge-log: Ctrl-C or Ctrl-D at each question records nothing") {
    Sandbox s;
    s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
    s.ok({"urge-log", "--intensity", "3", "--at", "2026-11-16 08:00"});
    const std::vector<Step> walk = {
        {"Urge log. Only the strength is needed; press Enter to skip any other question.", ""},
        {"When? (HH:MM today, or a day and time such as \"yesterday 21:30\"; Enter for now) ",
         "2026-11-18 19:45\n"},
        {"How strong was it, from 1 to 10? (needed) ", "6\n"},
        {"How long did it last, in minutes? ", "15\n"},
        {"What triggered it? ", "A text\n"},
        {"Who was there, and where were you? ", "Alone\n"},
        {"What did you do to cope? (ways separated by commas) ", "distract\n"},
        {"Did it pass? r = I rode it out, a = I acted on it (Enter to skip) ", "r\n"},
        {"How did you feel, during and after? ", "Relieved\n"},
        {"Ideas for next time? ", "Music\n"},
    };
    check_stops_at_each_question(s, {"urge-log"}, walk);

    const auto r = s.converse({"urge-log"}, walk);
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Logged urge #2 (2026-11-18 19:45)."));
    CHECK(exported(s, "urges").size() == 2);
}

TEST_CASE("guided urge-log: a missing strength, a semicolon and a bad ending are asked again") {
    Sandbox s;
    s.env["COLUMNS"] = "200"; // the flow, not the width (test_for_people.cpp)
    const std::string strength = "How strong was it, from 1 to 10? (needed) ";
    const std::string coping = "What did you do to cope? (ways separated by commas) ";
    const std::string passed = "Did it pass? r = I rode it out, a = I acted on it (Enter to skip) ";
    const auto r = s.converse(
        {"urge-log"},
        {
            {"When? (HH:MM today", "2026-11-18 19:45\n"},
            {strength, "\n"},
            {"The strength is the one answer the log needs: a number from 1 to 10.", ""},
            {strength, "6\n"},
            {"How long did it last, in minutes? ", "15\n"},
            {"What triggered it? ", "A text from an old friend\n"},
            {"Who was there, and where were you? ", "at the bus stop\n"},
            {"Ways to cope (DEADS): deny, delay, escape, avoid, accept, attack, distract, "
             "substitute",
             ""},
            {coping, "distract; delay\n"},
            {"a way to cope: 'distract; delay' holds a ';', which exports use to join ways of "
             "coping; give each way on its own",
             ""},
            {coping, "distract, Delay\n"},
            {passed, "x\n"},
            {"'x' is not r or a; r = it passed, a = I acted on it, or Enter to skip", ""},
            {passed, "r\n"},
            {"How did you feel, during and after? ", "Nervous, then relieved\n"},
            {"Ideas for next time? ", "Put music on sooner\n"},
        });
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Logged urge #1 (2026-11-18 19:45)."));
    const auto urges = exported(s, "urges");
    REQUIRE(urges.size() == 1);
    const auto& u = urges[0];
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
