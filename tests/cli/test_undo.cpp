// SPDX-License-Identifier: MIT
// undo (SPEC §6.1): every command that changes data can be taken back, exactly.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// Everything a member could see of their data: the whole export (every record and setting),
// the weekly table, and the review with its totals and trend (the weekly rollup).
std::string everything(const Sandbox& s) {
    return s.ok({"export"}) + s.ok({"export", "weeks"}) +
           s.ok({"review", "--week", "this", "--format", "json"});
}

// A history with every kind of record, and `more.json`, an export from another database.
std::string fill(const Sandbox& s) {
    s.ok({"--today", "2026-11-09", "goal", "add", "Walk", "--every-week", "--times", "3"});
    s.ok({"--today", "2026-11-10", "goal", "done", "1", "--note", "Round the pond"});
    s.ok({"goal", "add", "Call my sister", "--times", "2"});
    s.ok({"checkin", "--rating", "6", "--note", "steady"});
    s.ok({"urge-log", "--intensity", "5", "--strategy", "delay", "--rode-out"});
    s.ok({"cbc", "new", "Drinking"});
    s.ok({"cbc", "add", "1", "bu", "Helps me relax", "--weight", "3"});
    s.ok({"values", "add", "My kids"});
    s.ok({"values", "add", "Music"});
    s.ok({"balance", "rate", "family=5"});
    s.ok({"abc", "new", "--event", "Row with my brother", "--urge", "1"});
    s.ok({"plan", "new", "Cut down", "--step", "No drinks at home", "--step", "Swim"});
    s.ok({"plan", "goal", "1", "2"});
    const auto file = (s.dir / "more.json").string();
    {
        Sandbox other;
        other.ok({"goal", "add", "Read", "--area", "balance"});
        other.ok({"goal", "done", "1", "--note", "a chapter"});
        other.ok({"urge-log", "--intensity", "3", "--acted"});
        other.ok({"values", "add", "Faith"});
        other.ok({"balance", "rate", "health=4"});
        other.ok({"abc", "new", "--event", "Friend called", "--urge", "1"});
        other.ok({"plan", "new", "Read more", "--step", "A chapter a night"});
        other.ok({"plan", "goal", "1", "1"});
        std::ofstream(file) << other.ok({"export"});
    }
    return file;
}

// Runs each command, then undo, and checks that everything is as it was before the command.
void check_each_undone(const Sandbox& s, const std::vector<std::vector<std::string>>& commands) {
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (!sampled_in(i)) {
            continue; // each command starts from the same data: undo put it back
        }
        const auto& command = commands[i];
        std::string joined;
        for (const auto& word : command) {
            joined += word + " ";
        }
        INFO(joined);
        const auto before = everything(s);
        s.ok(command);
        REQUIRE(everything(s) != before); // the command really changed something
        const auto r = s.run({"undo"});
        CHECK(r.code == 0);
        CHECK(contains(r.err, "Took back: smartgoals " + command.front()));
        CHECK(everything(s) == before);
    }
}

} // namespace

// In two halves, so that they run side by side.
TEST_CASE("each command that adds or changes data is taken back by undo, exactly") {
    Sandbox s;
    const auto file = fill(s);
    check_each_undone(s, {
                             {"goal", "add", "Typo goal"},
                             {"goal", "done", "2"},
                             {"goal", "done", "1", "--note", "Park"},
                             {"goal", "drop", "2"},
                             {"goal", "edit", "1", "--times", "2", "--text", "Walk far"},
                             {"goal", "edit", "2", "--area", "balance"},
                             {"goal", "edit", "2", "--week", "next"},
                             {"goal", "edit", "1", "--week", "-1"},
                             {"checkin", "--rating", "9"},
                             {"urge-log", "--intensity", "8", "--trigger", "payday", "--strategy",
                              "call a friend"},
                             {"cbc", "new", "Gaming", "--activity"},
                             {"cbc", "add", "1", "cn", "Boredom"},
                             {"cbc", "remove", "1", "1"},
                             {"cbc", "rename", "1", "Drinking at weekends"},
                             {"config", "set", "week-start", "wed"},
                             {"config", "set", "name", "Sam"},
                             {"import", file},
                         });
}

TEST_CASE("each command that removes or corrects data is taken back by undo, exactly") {
    Sandbox s;
    fill(s);
    check_each_undone(
        s,
        {
            {"goal", "remove", "2"},
            {"goal", "remove", "1"},
            {"goal", "remove-completion", "1"},
            {"checkin", "edit", "1", "--rating", "3", "--note", "calmer", "--date", "2026-11-12"},
            {"checkin", "remove", "1"},
            {"urge-log", "edit", "1", "--intensity", "9", "--at", "2026-11-10 08:00", "--strategy",
             "call Sam", "--acted", "--trigger", "payday"},
            {"urge-log", "remove", "1"},
            {"cbc", "edit", "1", "1", "--quadrant", "cn", "--term", "long", "--weight", "5",
             "--text", "Calm"},
            {"cbc", "delete", "1"},
            {"values", "add", "Health", "--position", "1"},
            {"values", "move", "2", "1"},
            {"values", "edit", "1", "Time with my kids"},
            {"values", "remove", "1"},
            {"balance", "rate", "family=7", "work=2"},
            {"balance", "areas", "--set", "family,work,music"},
            {"balance", "remove", "1"},
            {"abc", "new", "--event", "Payday", "--urge", "1"},
            {"abc", "edit", "1", "--effective", "A good meal instead", "--urge", ""},
            {"abc", "remove", "1"},
            {"plan", "new", "Sleep", "--step", "Phone off at ten"},
            {"plan", "goal", "1", "1"},
            {"plan", "edit", "1", "--step", "No drinks at home", "--confidence", "7"},
            {"plan", "remove", "1"},
        });
}

TEST_CASE("undo goes one further back each time, lists and forgets, and never reuses an id") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    s.ok({"goal", "add", "Read"});
    s.ok({"goal", "done", "1", "--note", "Round the pond"});
    s.ok({"goal", "list"}); // reads are not kept
    const auto list = s.ok({"undo", "--list"});
    CHECK(contains(list, "smartgoals goal done 1 --note \"Round the pond\"\n"));
    CHECK(list.find("goal done") < list.find("goal add Read"));
    CHECK(list.find("goal add Read") < list.find("goal add Walk"));
    CHECK(contains(s.run({"undo"}).err,
                   "Took back: smartgoals goal done 1 --note \"Round the pond\""));
    CHECK(contains(s.run({"undo"}).err, "Took back: smartgoals goal add Read"));
    CHECK(contains(s.ok({"goal", "list"}), "#1 [ ] Walk"));
    CHECK_FALSE(contains(s.ok({"goal", "list"}), "Read"));
    // An id given once is never given again.
    CHECK(s.ok({"goal", "add", "Swim"}) == "3\n");
    s.ok({"undo"});
    s.ok({"undo"});
    const auto nothing = s.run({"undo"});
    CHECK(nothing.code == 0);
    CHECK(contains(nothing.err, "Nothing to undo."));
    CHECK(s.ok({"export", "goals"}) ==
          "id,uuid,text,area,kind,target,week,status,created,closed,progress,carried_weeks\r\n");

    s.ok({"goal", "add", "Walk"});
    CHECK(contains(s.run({"undo", "--clear"}).err, "Forgot 1 command"));
    CHECK(contains(s.run({"undo"}).err, "Nothing to undo."));
    CHECK(contains(s.ok({"goal", "list"}), "Walk"));
    check_refused(s, {"undo", "--list", "--clear"}, "--clear", 2);
}

TEST_CASE("undo with no database makes none") {
    Sandbox s;
    for (const auto& command :
         std::vector<std::vector<std::string>>{{"undo"}, {"undo", "--clear"}, {"undo", "--list"}}) {
        const auto r = s.run(command);
        CHECK(r.code == 0);
        CHECK(contains(r.err, "Nothing to"));
        CHECK_FALSE(fs::exists(s.db));
        CHECK_FALSE(fs::exists(s.db.parent_path()));
    }
}

TEST_CASE("a failing command and a command that changes nothing leave nothing to undo") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    s.ok({"goal", "done", "1"});
    s.ok({"goal", "done", "1"}); // already done: nothing to do
    CHECK(s.run({"goal", "done", "7"}).code == 2);
    const auto list = s.ok({"undo", "--list"});
    CHECK(std::count(list.begin(), list.end(), '\n') == 2);
}
