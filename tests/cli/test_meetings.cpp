// SPDX-License-Identifier: MIT
// A month of meetings on Mondays (SPEC §4.1): check-ins on the meeting day, the evening before
// and mid-week, and what every review, list and export says about them.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using Json = nlohmann::json;

namespace {

// Runs a command on `day`, quietly, requiring success; returns stdout.
std::string on(const Sandbox& s, const std::string& day, std::vector<std::string> args) {
    args.insert(args.begin(), {"-q", "--today", day});
    return s.ok(args);
}

std::string review_on(const Sandbox& s, const std::string& day,
                      std::vector<std::string> args = {}) {
    args.insert(args.begin(), "review");
    return unwrapped(on(s, day, args));
}

// A month of Monday meetings: goals set on 11-02; check-ins on the meeting day 11-09, the
// Sunday evening 11-15 before the next one, and mid-week on Wednesday 11-18.
void a_month_of_meetings(const Sandbox& s) {
    s.ok({"-q", "config", "set", "week-start", "mon"});
    on(s, "2026-11-02", {"goal", "add", "Call my sister"});
    on(s, "2026-11-02", {"goal", "add", "Walk", "--every-week", "--times", "2"});
    on(s, "2026-11-04", {"goal", "done", "2"});
    on(s, "2026-11-06", {"goal", "done", "2"});
    on(s, "2026-11-09", {"checkin", "--rating", "7", "--note", "A good week"});
    on(s, "2026-11-15", {"checkin", "--rating", "5", "--note", "Harder"});
    on(s, "2026-11-15", {"goal", "done", "1"});
    on(s, "2026-11-18", {"checkin", "--rating", "8", "--note", "Midweek"});
}

} // namespace

TEST_CASE("on the meeting day, review shows the week just ended, with the meeting's check-in") {
    Sandbox s;
    a_month_of_meetings(s);
    const auto first = review_on(s, "2026-11-09");
    CHECK(contains(first, "Week of 2026-11-02 to 2026-11-08 (the week just ended)"));
    CHECK(contains(first, "2026-11-09  rated 7/10  A good week"));
    CHECK(contains(first, "#2 Walk (weekly, 2/2)"));
    CHECK(contains(first, "Rolled over into the next week (1)"));
    CHECK(contains(first, "#1 Call my sister — rolled over from the week of 2026-11-02 (1 week)"));
    CHECK(contains(first, "The seven days ahead (2026-11-09 to 2026-11-15)"));
    // The past week speaks in the past tense.
    CHECK(contains(first, "2/2 that week, achieved"));
    CHECK(contains(first, "No urges logged that week."));
    CHECK_FALSE(contains(first, "yet"));
    CHECK(contains(first, "By the end of that week (to 2026-11-08)"));

    // The evening before the next meeting counts in the week it is about, as does the goal
    // done then.
    const auto second = review_on(s, "2026-11-16");
    CHECK(contains(second, "Week of 2026-11-09 to 2026-11-15 (the week just ended)"));
    CHECK(contains(second, "2026-11-15  rated 5/10  Harder"));
    CHECK_FALSE(contains(second, "2026-11-09  rated"));
    CHECK(contains(second, "#1 Call my sister (after 1 week rolling over)"));
    CHECK(contains(second, "#2 Walk 0/2 that week"));

    // --week this still shows the current week, and points back at the week just ended.
    const auto now = s.run({"--today", "2026-11-16", "review", "--week", "this"});
    CHECK(contains(now.out, "Week of 2026-11-16 to 2026-11-22 (this week)"));
    CHECK(contains(now.err, "A new week began today: 'smartgoals review' shows the week just "
                            "ended."));
    // Mid-week, review is the current week; a mid-week check-in counts in it.
    const auto mid = review_on(s, "2026-11-18");
    CHECK(contains(mid, "Week of 2026-11-16 to 2026-11-22 (this week)"));
    CHECK(contains(mid, "2026-11-18  rated 8/10  Midweek"));
    // Weeks checked in: one for each week talked about.
    CHECK(contains(review_on(s, "2026-11-23"), "Weeks checked in: 3"));
}

TEST_CASE("exports give each check-in the week it is about") {
    Sandbox s;
    a_month_of_meetings(s);
    const auto rows = Json::parse(on(s, "2026-11-23", {"export", "checkins", "--format", "json"}));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0]["date"] == "2026-11-09");
    CHECK(rows[0]["week"] == "2026-11-02");
    CHECK(rows[1]["date"] == "2026-11-15");
    CHECK(rows[1]["week"] == "2026-11-09");
    CHECK(rows[2]["date"] == "2026-11-18");
    CHECK(rows[2]["week"] == "2026-11-16");
    const auto csv = on(s, "2026-11-23", {"export", "checkins"});
    CHECK(contains(csv, ",2026-11-09,2026-11-02,7,A good week\r\n"));
    const auto weeks = Json::parse(on(s, "2026-11-23", {"export", "weeks", "--format", "json"}));
    REQUIRE(weeks.size() == 4);
    for (const auto& w : weeks) {
        CAPTURE(w.dump());
        CHECK(w["checkins"] == (w["week"] == "2026-11-23" ? 0 : 1));
    }
    CHECK(weeks[0]["avg_rating"] == 7.0);
    CHECK(weeks[1]["avg_rating"] == 5.0);
}

TEST_CASE("goal list --week shows a past week as it stood, and --all the progress to date") {
    Sandbox s;
    a_month_of_meetings(s);
    // Call my sister was done on 11-15: in the week of 11-02 it was open and rolled over.
    const auto then = on(s, "2026-11-23", {"goal", "list", "--week", "2026-11-02"});
    CHECK(contains(then, "#1 [ ] Call my sister"));
    CHECK_FALSE(contains(then, "done 2026-11-15"));
    CHECK(contains(then, "#2 [x] Walk  · weekly, 2/2 that week"));
    const auto done_week = on(s, "2026-11-23", {"goal", "list", "--week", "2026-11-09"});
    CHECK(contains(done_week, "#1 [x] Call my sister  · done 2026-11-15"));
    const auto all = on(s, "2026-11-23", {"goal", "list", "--all"});
    CHECK(contains(all, "#1 [x] Call my sister  · week of 2026-11-02  · done 2026-11-15"));
    // A goal planned ahead and partly done early shows that progress in --all.
    on(s, "2026-11-23", {"goal", "add", "Read two books", "--times", "2", "--week", "next"});
    on(s, "2026-11-23", {"goal", "done", "3"});
    CHECK(contains(on(s, "2026-11-23", {"goal", "list", "--all"}),
                   "#3 [ ] Read two books  · week of 2026-11-30  · 1/2"));
    // The review's JSON says what the text says about the same week.
    const auto json =
        Json::parse(on(s, "2026-11-23", {"review", "--week", "2026-11-02", "--format", "json"}));
    REQUIRE(json["rolling_over"].size() == 1);
    CHECK(json["rolling_over"][0]["status"] == "open");
    CHECK(json["rolling_over"][0]["closed"].is_null());
    CHECK(json["rolling_over"][0]["carried_weeks"] == 1);
    const auto week2 =
        Json::parse(on(s, "2026-11-23", {"review", "--week", "2026-11-09", "--format", "json"}));
    REQUIRE(week2["achieved"].size() == 1);
    CHECK(week2["achieved"][0]["carried_weeks"] == 1);
}

TEST_CASE("a weekly goal's new target applies from this week on (rule 9)") {
    Sandbox s;
    a_month_of_meetings(s);
    const auto said = s.run({"--today", "2026-11-18", "goal", "edit", "2", "--times", "3"});
    CHECK(said.code == 0);
    CHECK(contains(said.err, "From the week of 2026-11-16 on: 3 times a week; earlier weeks "
                             "keep theirs."));
    // The week it was achieved at 2 stays achieved.
    const auto earlier = review_on(s, "2026-11-23", {"--week", "2026-11-02"});
    CHECK(contains(earlier, "Goals achieved (1)"));
    CHECK(contains(earlier, "#2 Walk 2/2 that week, achieved"));
    CHECK(contains(review_on(s, "2026-11-23"), "#2 Walk 0/3 that week"));
    const auto list = on(s, "2026-11-23", {"goal", "list", "--week", "2026-11-02"});
    CHECK(contains(list, "#2 [x] Walk  · weekly, 2/2 that week"));
    // The earlier target travels in the JSON export and comes back on import.
    const auto exported = on(s, "2026-11-23", {"export", "--format", "json"});
    const auto doc = Json::parse(exported);
    REQUIRE(doc["goals"][1]["earlier_targets"].size() == 1);
    CHECK(doc["goals"][1]["earlier_targets"][0]["target"] == 2);
    CHECK(doc["goals"][1]["earlier_targets"][0]["until"] == "2026-11-18");
    Sandbox other;
    const auto file = other.dir / "export.json";
    {
        std::ofstream out(file);
        out << exported;
    }
    other.ok({"-q", "import", file.string()});
    CHECK(other.ok({"--today", "2026-11-23", "export", "--format", "json"}) == exported);
}

TEST_CASE("days as people say them, wherever a day is asked for") {
    Sandbox s; // Thursday 2026-11-19
    s.ok({"-q", "goal", "add", "Walk"});
    s.ok({"-q", "goal", "done", "1", "--date", "yesterday"});
    s.ok({"-q", "checkin", "--rating", "6", "--date", "mon"});
    s.ok({"-q", "urge-log", "--intensity", "4", "--at", "tue 21:30"});
    const auto doc = Json::parse(s.ok({"export", "--format", "json"}));
    CHECK(doc["goals"][0]["completions"][0]["date"] == "2026-11-18");
    CHECK(doc["checkins"][0]["date"] == "2026-11-16");
    CHECK(doc["urges"][0]["at"] == "2026-11-17T21:30");
    CHECK(Json::parse(s.ok({"export", "checkins", "--format", "json", "--since", "monday",
                            "--until", "today"}))
              .size() == 1);
    CHECK(contains(s.ok({"goal", "list", "--week", "sun"}), "week of 2026-11-09 to 2026-11-15"));
    s.ok({"-q", "config", "set", "week-start", "Wed"});
    CHECK(s.ok({"config", "get", "week-start"}) == "wednesday\n");
    check_refused(s, {"goal", "done", "1", "--date", "tomorrow"}, "'tomorrow' is not a date");
    check_refused(s, {"config", "set", "week-start", "we"}, "'we' is not a day");
}

TEST_CASE("the urge summary gives minutes only when some urge had a duration") {
    Sandbox s;
    s.ok({"-q", "urge-log", "--intensity", "4"});
    CHECK_FALSE(contains(s.ok({"review"}), "Time:"));
    s.ok({"-q", "urge-log", "--intensity", "6", "--duration", "0"});
    CHECK(contains(s.ok({"review"}), "average 5.0, highest 6. Time: 0 minutes"));
}

TEST_CASE("a way of coping cannot hold a semicolon, which exports join them with") {
    Sandbox s;
    check_refused(s, {"urge-log", "--intensity", "5", "--strategy", "walk; call Sam"},
                  "--strategy: 'walk; call Sam' holds a ';'");
}

TEST_CASE("on the meeting day, a goal carried from long before is something to look back on") {
    Sandbox s;
    s.ok({"-q", "config", "set", "week-start", "mon"});
    on(s, "2026-11-16", {"goal", "add", "Planned this week"});
    auto now = s.run({"--today", "2026-11-16", "review", "--week", "this"});
    CHECK_FALSE(contains(now.err, "A new week began today"));
    on(s, "2025-03-03", {"goal", "add", "Carried since March 2025"});
    now = s.run({"--today", "2026-11-16", "review", "--week", "this"});
    CHECK(contains(now.err, "A new week began today"));
}

// A review for reading loads only the goals carried from before its window that it lists
// (SPEC §9); it must list the same ones, and count the same, as the JSON that has them all.
TEST_CASE("goals carried from long before: the same listed and counted as JSON has them") {
    Sandbox s;
    // 27 goals over 9 weeks of 2025, three a week, added out of week order, and within a week
    // later days first (a list orders by planned week, then by id); one goal this week.
    const std::vector<std::string> days = {
        "2025-01-08", "2025-02-05", "2025-03-05", "2025-01-29", "2025-02-26", "2025-01-22",
        "2025-02-19", "2025-01-15", "2025-02-12", "2025-01-07", "2025-02-04", "2025-03-04",
        "2025-01-28", "2025-02-25", "2025-01-21", "2025-02-18", "2025-01-14", "2025-02-11",
        "2025-01-06", "2025-02-03", "2025-03-03", "2025-01-27", "2025-02-24", "2025-01-20",
        "2025-02-17", "2025-01-13", "2025-02-10"};
    for (std::size_t i = 0; i < days.size(); ++i) {
        on(s, days[i], {"goal", "add", "Carried " + std::to_string(i + 1)});
    }
    on(s, "2026-11-16", {"goal", "add", "This week"});
    for (const auto* trend : {"8", "0"}) {
        CAPTURE(trend);
        const auto text = review_on(s, "2026-11-19", {"--trend", trend});
        const auto json =
            Json::parse(on(s, "2026-11-19", {"review", "--trend", trend, "--format", "json"}));
        REQUIRE(json["rolling_over"].size() == 28);
        CHECK(contains(text, "Still open: they roll over to next week if not done (28)"));
        CHECK(contains(text, "and 8 more: smartgoals goal list --week 2026-11-16"));
        CHECK(contains(text, "and 8 more: smartgoals goal list --week 2026-11-23"));
        // The text lists the JSON's first 20, in its order, in both lists.
        std::size_t at = 0;
        for (std::size_t i = 0; i < 20; ++i) {
            const auto id = json["rolling_over"][i]["id"].get<int>();
            at = text.find("#" + std::to_string(id) + " Carried", at);
            CHECK(at != std::string::npos);
        }
        const auto ahead = text.find("The seven days ahead");
        REQUIRE(ahead != std::string::npos);
        at = ahead;
        for (std::size_t i = 0; i < 20; ++i) {
            const auto id = json["ahead"]["goals"][i]["id"].get<int>();
            at = text.find("#" + std::to_string(id) + " Carried", at);
            CHECK(at != std::string::npos);
        }
    }
}

TEST_CASE("many goals rolling over: the longest carried first, then where the rest are") {
    Sandbox s;
    for (int i = 1; i <= 25; ++i) {
        on(s, i <= 3 ? "2026-10-26" : "2026-11-16", {"goal", "add", "Goal " + std::to_string(i)});
    }
    const auto text = review_on(s, "2026-11-19");
    CHECK(contains(text, "Still open: they roll over to next week if not done (25)"));
    CHECK(contains(text, "and 5 more: smartgoals goal list --week 2026-11-16"));
    CHECK(contains(text, "and 5 more: smartgoals goal list --week 2026-11-23"));
    // The three carried longest come first in both lists.
    const auto first = text.find("#1 Goal 1 — rolled over");
    REQUIRE(first != std::string::npos);
    CHECK(first < text.find("#4 Goal 4"));
    CHECK_FALSE(contains(text, "#25 Goal 25"));
    const auto json = Json::parse(on(s, "2026-11-19", {"review", "--format", "json"}));
    CHECK(json["rolling_over"].size() == 25);
    CHECK(json["ahead"]["goals"].size() == 25);
    CHECK(json["ahead"]["goals"][0]["carried_weeks"] == 4);
}

TEST_CASE("a new member's trend starts at their first week") {
    Sandbox s;
    s.ok({"-q", "goal", "add", "Walk"});
    const auto text = s.ok({"review"});
    CHECK(contains(text, "The last 1 week"));
    CHECK_FALSE(contains(text, "2026-11-09"));
    const auto json = Json::parse(s.ok({"review", "--format", "json"}));
    CHECK(json["trend"].size() == 1);
}

TEST_CASE(
    "the seven days ahead of a past week show the goals as they stood, with that week's target") {
    Sandbox s;
    on(s, "2026-11-02", {"goal", "add", "Walk", "--every-week", "--times", "2"});
    on(s, "2026-11-02", {"goal", "add", "Call my sister"});
    on(s, "2026-11-10", {"goal", "edit", "1", "--times", "3"});
    on(s, "2026-11-18", {"goal", "done", "2"});
    const auto text = review_on(s, "2026-11-23", {"--week", "2026-11-02"});
    CHECK(contains(text, "#1 Walk (every week, 3 times)")); // the target of the week of 11-09
    const auto json =
        Json::parse(on(s, "2026-11-23", {"review", "--week", "2026-11-02", "--format", "json"}));
    const auto& ahead = json["ahead"]["goals"];
    REQUIRE(ahead.size() == 2);
    // The goal carried longest comes first.
    CHECK(ahead[0]["text"] == "Call my sister");
    CHECK(ahead[0]["status"] == "open");
    CHECK(ahead[0]["closed"].is_null());
    CHECK(ahead[1]["text"] == "Walk");
    CHECK(ahead[1]["target"] == 3);
}

TEST_CASE("a check-in on the first day there is counts in that day's week everywhere") {
    Sandbox s("1900-01-01");
    s.ok({"-q", "checkin", "--rating", "5"});
    CHECK(contains(s.ok({"review"}), "1900-01-01  rated 5/10"));
    const auto weeks = Json::parse(s.ok({"export", "weeks", "--format", "json"}));
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0]["checkins"] == 1);
}

TEST_CASE("--since after --until names the days the words meant") {
    Sandbox s("2026-11-23"); // a Monday
    check_refused(s, {"export", "checkins", "--since", "mon", "--until", "sun"},
                  "--since mon (2026-11-23) is after --until sun (2026-11-22)");
}
