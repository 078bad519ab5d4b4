// SPDX-License-Identifier: MIT
// nudge (SPEC §6.3): one kind line when a check-in is due, nothing otherwise, always exit 0.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace {

Result nudge(const Sandbox& s, const std::string& today) {
    return s.run({"--today", today, "nudge"});
}

} // namespace

TEST_CASE("nudge speaks on meeting day until the week just ended has its check-in") {
    Sandbox s; // week-start monday: 2026-11-23 is a meeting day
    s.ok({"--today", "2026-11-18", "goal", "add", "Walk"});
    auto r = nudge(s, "2026-11-23");
    CHECK(r.code == 0);
    CHECK(r.out == "Meeting day: how have the last seven days been? smartgoals checkin\n");
    CHECK(r.err.empty());
    CHECK(nudge(s, "2026-11-24").out.empty()); // not meeting day, and something five days ago

    // A check-in made at the meeting is about the week just ended (SPEC §4.1).
    s.ok({"--today", "2026-11-23", "checkin", "--rating", "6"});
    r = nudge(s, "2026-11-23");
    CHECK(r.code == 0);
    CHECK(r.out.empty());

    // With another meeting day, the nudge moves with it; the name is used when set.
    s.ok({"config", "set", "week-start", "wed"});
    s.ok({"config", "set", "name", "Sam"});
    CHECK(nudge(s, "2026-11-25").out.empty()); // Monday's check-in is about 11-18 to 11-24
    CHECK(nudge(s, "2026-12-02").out ==
          "Sam, meeting day: how have the last seven days been? smartgoals checkin\n");
}

TEST_CASE("nudge speaks after seven days with nothing written down, and only then") {
    Sandbox s;
    s.ok({"config", "set", "week-start", "sunday"});
    s.ok({"--today", "2026-11-10", "urge-log", "--intensity", "4"});
    CHECK(nudge(s, "2026-11-16").out.empty()); // six days
    const auto r = nudge(s, "2026-11-17");     // seven
    CHECK(r.code == 0);
    CHECK(r.out == "A week since anything was written down; whenever you like: smartgoals "
                   "checkin\n");
    for (const char* word : {"fail", "missed", "relapse", "streak", "overdue"}) {
        CHECK_FALSE(contains(r.out, word));
    }
    // Anything written down counts: a goal, a completion, a check-in, an urge.
    s.ok({"--today", "2026-11-17", "goal", "add", "Read"});
    CHECK(nudge(s, "2026-11-17").out.empty());
    s.ok({"--today", "2026-11-20", "goal", "done", "1"});
    CHECK(nudge(s, "2026-11-26").out.empty());
    CHECK_FALSE(nudge(s, "2026-11-27").out.empty());
    // So do SMART's other tools: a value, a balance rating, an ABC, a change plan.
    const std::vector<std::pair<std::string, std::vector<std::string>>> tools = {
        {"2026-12-01", {"values", "add", "My kids"}},
        {"2026-12-10", {"balance", "rate", "family=6"}},
        {"2026-12-19", {"abc", "new", "--event", "Payday"}},
        {"2026-12-29", {"plan", "new", "Cut down"}}};
    for (const auto& [day, command] : tools) {
        INFO(command.front());
        std::vector<std::string> args = {"--today", day};
        args.insert(args.end(), command.begin(), command.end());
        CHECK_FALSE(nudge(s, day).out.empty()); // more than seven days since the last
        s.ok(args);
        CHECK(nudge(s, day).out.empty());
    }
}

TEST_CASE("nudge is quiet and exits 0 with no database, an unreadable one, or a new member") {
    Sandbox s;
    auto r = nudge(s, "2026-11-23");
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK_FALSE(fs::exists(s.db)); // reading makes no file
    fs::create_directories(s.db.parent_path());
    std::ofstream(s.db) << "not a database at all, but somebody's notes";
    r = nudge(s, "2026-11-23");
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}
