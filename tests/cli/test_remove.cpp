// SPDX-License-Identifier: MIT
// Removal and correction (SPEC §6.1): every kind of record can be corrected or removed, what is
// removed is gone from the file once it leaves the undo history, and an older export's import
// does not bring it back.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <iterator>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// Every byte of the database and whatever SQLite keeps beside it (-wal, -shm, -journal).
std::string raw_bytes(const Sandbox& s) {
    std::string bytes;
    for (const auto& entry : fs::directory_iterator(s.db.parent_path())) {
        if (entry.path().filename().string().rfind(s.db.filename().string(), 0) == 0) {
            std::ifstream in(entry.path(), std::ios::binary);
            bytes += std::string(std::istreambuf_iterator<char>(in), {});
        }
    }
    return bytes;
}

Json exported(const Sandbox& s, const std::string& table) {
    return Json::parse(s.ok({"export", table, "--format", "json"}));
}

std::string write_file(const Sandbox& s, const std::string& name, const std::string& content) {
    const auto path = (s.dir / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace

TEST_CASE("goal remove takes a goal with its completions, and the totals with them") {
    Sandbox s;
    s.ok({"goal", "add", "Walk", "--every-week", "--times", "2"});
    s.ok({"goal", "add", "Typo gaol"});
    s.ok({"goal", "done", "1"});
    s.ok({"goal", "done", "1", "--note", "Round the pond"});
    s.ok({"goal", "done", "2"});
    const auto before = Json::parse(s.ok({"review", "--week", "this", "--format", "json"}));
    const auto r = s.run({"goal", "remove", "2"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "Removed goal #2 \"Typo gaol\" and its 1 completion."));
    CHECK(exported(s, "goals").size() == 1);
    CHECK(exported(s, "completions").size() == 2);
    const auto after = Json::parse(s.ok({"review", "--week", "this", "--format", "json"}));
    CHECK(after.dump().find("Typo") == std::string::npos);
    CHECK(after != before);
    CHECK(s.ok({"goal", "list"}).find("Typo") == std::string::npos);

    check_refused(s, {"goal", "remove", "2"}, "there is no goal #2");
    check_refused(s, {"goal", "remove", "99"}, "there is no goal #99");
    check_refused(s, {"goal", "remove", "abc"}, "abc");
    check_refused(s, {"goal", "remove", "01"}, "01");
    check_refused(s, {"goal", "remove"}, "id");
    // An id is never given again, even after a removal.
    CHECK(s.ok({"goal", "add", "Read"}) == "3\n");
}

TEST_CASE("goal remove-completion takes back one completion, and rule 1 decides again") {
    Sandbox s;
    s.ok({"goal", "add", "Call my sister", "--times", "2"});
    s.ok({"goal", "done", "1", "--date", "2026-11-17"});
    s.ok({"goal", "done", "1", "--note", "twice by mistake"});
    CHECK(contains(s.ok({"goal", "show", "1"}), "achieved 2026-11-19"));
    const auto r = s.run({"goal", "remove-completion", "2"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "Removed completion #2 of goal #1 (2026-11-19, \"twice by mistake\"). "
                          "It is open again."));
    const auto shown = s.ok({"goal", "show", "1"});
    CHECK(contains(shown, "Status:      open"));
    CHECK(contains(shown, "#1  2026-11-17"));
    CHECK_FALSE(contains(shown, "twice by mistake"));

    // A weekly goal's week is no longer achieved when it falls below the target.
    s.ok({"goal", "add", "Walk", "--every-week"});
    s.ok({"goal", "done", "2"});
    CHECK(contains(s.ok({"goal", "list"}), "[x] Walk"));
    CHECK(Json::parse(s.ok({"export", "weeks", "--format", "json"})).back()["goals_done"] == 1);
    CHECK(contains(s.run({"goal", "reopen", "2"}).err, "'smartgoals goal remove-completion ID'"));
    s.ok({"goal", "remove-completion", "3"});
    CHECK(contains(s.ok({"goal", "list"}), "[ ] Walk"));
    CHECK(Json::parse(s.ok({"export", "weeks", "--format", "json"})).back()["goals_done"] == 0);

    check_refused(s, {"goal", "remove-completion", "3"}, "there is no completion #3");
    check_refused(s, {"goal", "remove-completion", "0"}, "0");
    check_refused(s, {"goal", "remove-completion", "+1"}, "+1");
}

TEST_CASE("checkin edit corrects a rating, words or day; checkin remove takes one away") {
    Sandbox s; // today is Thursday 2026-11-19
    s.ok({"checkin", "--rating", "6", "--note", "Steady"});
    s.ok({"checkin", "--rating", "6", "--note", "Steady"}); // twice by mistake
    CHECK(contains(s.ok({"checkin", "list", "--week", "this"}), "#2"));

    auto r = s.run({"checkin", "edit", "1", "--rating", "8", "--note", "Better than I thought"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "Changed check-in #1 (2026-11-19, about the week of 11-16 to 11-22)."));
    auto rows = exported(s, "checkins");
    CHECK(rows[0]["rating"] == 8);
    CHECK(rows[0]["note"] == "Better than I thought");

    // Monday 2026-11-16 is about the week before (the meeting boundary, SPEC §4.1).
    r = s.run({"checkin", "edit", "1", "--date", "2026-11-16"});
    CHECK(contains(r.err, "about the week of 11-09 to 11-15"));
    CHECK(contains(s.ok({"checkin", "list", "--week", "last"}), "#1  2026-11-16"));
    CHECK(exported(s, "checkins")[0]["week"] == "2026-11-09");
    const auto weeks = Json::parse(s.ok({"export", "weeks", "--format", "json"}));
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[0]["checkins"] == 1);
    CHECK(weeks[1]["checkins"] == 1);

    r = s.run({"checkin", "remove", "2"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "Removed check-in #2 of 2026-11-19."));
    CHECK(exported(s, "checkins").size() == 1);
    CHECK(contains(s.ok({"checkin", "list", "--week", "this"}), "No check-in about that week."));

    check_refused(s, {"checkin", "edit", "1"}, "needs something to change");
    check_refused(s, {"checkin", "edit", "1", "--rating", "11"}, "--rating: 11 is out of range");
    check_refused(s, {"checkin", "edit", "1", "--rating", "07"}, "07");
    check_refused(s, {"checkin", "edit", "1", "--date", "2026-11-20"}, "in the future");
    check_refused(s, {"checkin", "edit", "1", "--date", "someday"}, "someday");
    check_refused(s, {"checkin", "edit", "2", "--rating", "5"}, "there is no check-in #2");
    check_refused(s, {"checkin", "remove", "2"}, "there is no check-in #2");
    // A check-in keeps a rating or its words.
    s.ok({"checkin", "--note", "Only words", "--date", "2026-11-10"});
    check_refused(s, {"checkin", "edit", "3", "--note", ""}, "needs its words");
}

TEST_CASE("urge-log edit corrects any field; urge-log remove takes one away") {
    Sandbox s;
    s.ok({"urge-log", "--intensity", "6", "--at", "2026-11-18 21:30", "--trigger", "payday",
          "--strategy", "delay", "--rode-out", "--note", "kept busy"});
    s.ok({"urge-log", "--intensity", "6", "--at", "2026-11-18 21:30"}); // twice by mistake

    auto r = s.run(
        {"urge-log",         "edit",       "1",        "--intensity", "8",           "--at",
         "2026-11-12 07:15", "--strategy", "call Sam", "--strategy",  "walk",        "--acted",
         "--trigger",        "",           "--where",  "at home",     "--next-time", "call first",
         "--duration",       "20"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "Changed urge #1 (2026-11-12 07:15)."));
    const auto urge = exported(s, "urges")[0];
    CHECK(urge["intensity"] == 8);
    CHECK(urge["at"] == "2026-11-12T07:15");
    CHECK(urge["strategy"] == Json::array({"call Sam", "walk"}));
    CHECK(urge["outcome"] == "acted");
    CHECK(urge["trigger"].is_null());
    CHECK(urge["where"] == "at home");
    CHECK(urge["note"] == "kept busy"); // not given, so kept
    CHECK(urge["next_time"] == "call first");
    CHECK(urge["duration_min"] == 20);
    // The weekly rollup follows the urge to its new week.
    const auto weeks = Json::parse(s.ok({"export", "weeks", "--format", "json"}));
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[0]["urges"] == 1);
    CHECK(weeks[1]["urges"] == 1);
    s.ok({"urge-log", "edit", "1", "--strategy", ""});
    CHECK(exported(s, "urges")[0]["strategy"] == Json::array());

    r = s.run({"urge-log", "remove", "2"});
    CHECK(contains(r.err, "Removed urge #2 (2026-11-18 21:30)."));
    CHECK(exported(s, "urges").size() == 1);

    check_refused(s, {"urge-log", "edit", "1"}, "needs something to change");
    check_refused(s, {"urge-log", "edit", "1", "--intensity", "0"}, "--intensity: 0");
    check_refused(s, {"urge-log", "edit", "1", "--duration", "5000"}, "--duration: 5000");
    check_refused(s, {"urge-log", "edit", "1", "--at", "25:00"}, "--at: '25:00' is not a time");
    check_refused(s, {"urge-log", "edit", "1", "--at", "2026-11-20 10:00"}, "in the future");
    check_refused(s, {"urge-log", "edit", "1", "--strategy", "a;b"}, "holds a ';'");
    check_refused(s, {"urge-log", "edit", "1", "--rode-out", "--acted"}, "--acted");
    check_refused(s, {"urge-log", "edit", "2", "--intensity", "3"}, "there is no urge #2");
    check_refused(s, {"urge-log", "remove", "2"}, "there is no urge #2");
}

TEST_CASE("cbc edit changes an item; cbc delete removes a whole comparison") {
    Sandbox s;
    s.ok({"cbc", "new", "Drinking"});
    s.ok({"cbc", "add", "1", "bu", "Helps me relax", "--term", "short", "--weight", "3"});
    s.ok({"cbc", "new", "Gaming", "--activity"});
    s.ok({"cbc", "add", "2", "cu", "Late nights"});

    auto r = s.run({"cbc", "edit", "1", "1", "--quadrant", "cn", "--text", "Evenings feel long",
                    "--term", "none", "--weight", "5"});
    CHECK(r.code == 0);
    CHECK(contains(r.err, "Changed item #1 of \"Drinking\""));
    const auto items = exported(s, "cbc");
    CHECK(items[0]["quadrant"] == "costs-of-not-using");
    CHECK(items[0]["text"] == "Evenings feel long");
    CHECK(items[0]["term"].is_null());
    CHECK(items[0]["weight"] == 5);

    r = s.run({"cbc", "delete", "2"});
    CHECK(contains(r.err, "Deleted comparison #2 \"Gaming\" and its 1 item."));
    CHECK(contains(s.ok({"cbc", "list"}), "Drinking"));
    CHECK_FALSE(contains(s.ok({"cbc", "list"}), "Gaming"));
    CHECK(exported(s, "cbc").size() == 1);

    check_refused(s, {"cbc", "edit", "1", "1"}, "needs something to change");
    check_refused(s, {"cbc", "edit", "1", "1", "--quadrant", "up"}, "'up' is not a quadrant");
    check_refused(s, {"cbc", "edit", "1", "1", "--term", "medium"}, "'medium' is not a term");
    check_refused(s, {"cbc", "edit", "1", "1", "--weight", "6"}, "--weight: 6 is out of range");
    check_refused(s, {"cbc", "edit", "1", "1", "--text", " "}, "--text");
    check_refused(s, {"cbc", "edit", "1", "2", "--weight", "2"}, "comparison #1 has no item #2");
    check_refused(s, {"cbc", "edit", "2", "2", "--weight", "2"}, "there is no comparison #2");
    check_refused(s, {"cbc", "delete", "2"}, "there is no comparison #2");
}

TEST_CASE("an edit that changes nothing says so, and leaves nothing for undo to take back") {
    Sandbox s;
    s.ok({"checkin", "--rating", "5", "--note", "Steady"});
    s.ok({"urge-log", "--intensity", "3"});
    s.ok({"cbc", "new", "Drinking"});
    s.ok({"cbc", "add", "1", "bu", "Helps me relax"});
    s.ok({"goal", "add", "Call Sam"});
    const auto list = s.ok({"undo", "--list"});
    const std::vector<std::pair<std::vector<std::string>, std::string>> same = {
        {{"checkin", "edit", "1", "--rating", "5", "--note", "Steady"}, "Check-in #1"},
        {{"urge-log", "edit", "1", "--intensity", "3", "--trigger", ""}, "Urge #1"},
        {{"cbc", "edit", "1", "1", "--quadrant", "bu"}, "Item #1"},
        {{"goal", "edit", "1", "--text", "Call Sam", "--times", "1"}, "Goal #1"},
    };
    for (const auto& [command, what] : same) {
        const auto before = s.state();
        const auto r = s.run(command);
        CHECK(r.code == 0);
        CHECK(contains(r.err, what + " already reads that way; nothing changed."));
        CHECK(s.state() == before);
    }
    CHECK(s.ok({"undo", "--list"}) == list);
    CHECK(contains(s.run({"undo"}).err, "Took back: smartgoals goal add \"Call Sam\""));
}

TEST_CASE("what is removed is gone from the file's bytes once it leaves the undo history") {
    const std::vector<std::vector<std::string>> added = {
        {"goal", "add", "Walk"},
        {"goal", "add", "zebra-goal-text"},
        {"goal", "done", "1", "--note", "zebra-completion-note"},
        {"checkin", "--rating", "4", "--note", "zebra-checkin-note"},
        {"urge-log", "--intensity", "4", "--trigger", "zebra-trigger", "--where", "zebra-where",
         "--strategy", "zebra-strategy", "--note", "zebra-felt", "--next-time", "zebra-next"},
        {"cbc", "new", "zebra-title"},
        {"cbc", "new", "Keep"},
        {"cbc", "add", "2", "bu", "zebra-item"},
    };
    const std::vector<std::vector<std::string>> removed = {
        {"goal", "remove", "2"},    {"goal", "remove-completion", "1"},
        {"checkin", "remove", "1"}, {"urge-log", "remove", "1"},
        {"cbc", "delete", "1"},     {"cbc", "remove", "2", "1"},
    };
    for (const bool clear : {true, false}) {
        CAPTURE(clear);
        Sandbox s;
        s.ok(added.front());
        // Another program holding the file open all along (a second terminal, a backup tool)
        // keeps SQLite from emptying the -wal when smartgoals closes: frames written before the
        // removal stay there unless smartgoals writes them back itself.
        const int holder =
            spawn_process({"/usr/bin/python3", "-c",
                           "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
                           "c.execute('SELECT count(*) FROM goals').fetchall(); time.sleep(120)",
                           s.db.string()},
                          s.env, s.dir);
        // It has the file open once its -shm exists.
        for (int i = 0; i < 200 && !fs::exists(s.db.string() + "-shm"); ++i) {
            ::usleep(10000);
        }
        for (const auto& command : added) {
            if (command != added.front()) {
                s.ok(command);
            }
        }
        REQUIRE(contains(raw_bytes(s), "zebra-goal-text"));
        for (const auto& command : removed) {
            s.ok(command);
        }
        // Still in the undo history, so that undo can bring it back.
        CHECK(contains(raw_bytes(s), "zebra-checkin-note"));
        if (clear) {
            CHECK(contains(s.run({"undo", "--clear"}).err, "Forgot 14 commands"));
        } else {
            // Fifty more commands push every one of them out of the undo history.
            for (int i = 0; i < 50; ++i) {
                s.ok({"config", "set", "name", i % 2 ? "Sam" : "Alex"});
            }
            CHECK_FALSE(contains(s.ok({"undo", "--list"}), "zebra"));
        }
        const auto bytes = raw_bytes(s);
        CHECK(bytes.size() > 4096);
        CHECK_FALSE(contains(bytes, "zebra"));
        CHECK(contains(bytes, "Walk")); // what was not removed is still there
        CHECK(contains(bytes, "Keep"));
        ::kill(holder, SIGKILL);
        ::waitpid(holder, nullptr, 0);
    }
}

TEST_CASE("an older export's import does not bring back what was removed here") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    s.ok({"goal", "add", "Typo gaol"});
    s.ok({"goal", "done", "1", "--note", "Round the pond"});
    s.ok({"goal", "done", "2"}); // goes with its goal
    s.ok({"checkin", "--rating", "6"});
    s.ok({"urge-log", "--intensity", "5"});
    s.ok({"cbc", "new", "Drinking"});
    s.ok({"cbc", "add", "1", "bu", "Helps me relax"});
    const auto older = write_file(s, "older.json", s.ok({"export"}));

    s.ok({"goal", "remove", "2"});
    s.ok({"goal", "remove-completion", "1"});
    s.ok({"checkin", "remove", "1"});
    s.ok({"urge-log", "remove", "1"});
    s.ok({"cbc", "remove", "1", "1"});
    const auto before = s.ok({"export"});
    const auto document = Json::parse(before);
    CHECK(document["version"] == 2);
    REQUIRE(document["removed"].size() == 5);
    for (const auto& removed : document["removed"]) {
        CHECK(removed.size() == 2); // the uuid and the day, nothing else
        CHECK(removed["date"] == "2026-11-19");
    }
    CHECK(before.find("Typo") == std::string::npos);

    const auto r = s.run({"import", older});
    CHECK(r.code == 0);
    CHECK(
        contains(r.err, "goals        0 added, 1 already here, 1 removed here (not brought back)"));
    CHECK(contains(r.err, "completions  0 added, 0 already here, 2 removed here"));
    CHECK(contains(r.err, "check-ins    0 added, 0 already here, 1 removed here"));
    CHECK(contains(r.err, "urges        0 added, 0 already here, 1 removed here"));
    CHECK(contains(r.err, "items        0 added, 0 already here, 1 removed here"));
    CHECK(s.ok({"export"}) == before);

    // Moving machines carries the removals: the round trip is byte for byte.
    Sandbox fresh;
    const auto moved = fresh.run({"import", write_file(s, "all.json", before)});
    CHECK(contains(moved.err, "removals     5 added, 0 already here"));
    CHECK(fresh.ok({"export"}) == before);
    // ...and the older export does not bring them back there either.
    fresh.ok({"import", older});
    CHECK(fresh.ok({"export"}) == before);

    // A removal in the file never removes what is here.
    Sandbox other;
    other.ok({"import", older});
    const auto kept = other.run({"import", write_file(s, "all.json", before)});
    CHECK(contains(kept.err, "removals     0 added, 0 already here, 5 kept here"));
    CHECK(contains(other.ok({"goal", "list"}), "Typo gaol"));

    // Undo takes a removal back whole: the record returns, and is no longer remembered as
    // removed.
    s.ok({"undo"}); // the import changed nothing: undo takes back cbc remove
    const auto undone = Json::parse(s.ok({"export"}));
    CHECK(undone["removed"].size() == 4);
    CHECK(undone["cbc"][0]["items"].size() == 1);
}
