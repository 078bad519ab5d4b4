// SPDX-License-Identifier: MIT
// The text review (`smartgoals review`) as a member reads it, through the real binary. Checks
// look for a section by the start of its title and for words in its items, not at columns, so
// that the layout and the wrapping may change.
#include "harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Section {
    std::string title;
    std::vector<std::string> items; // each item's lines joined, its indent removed
};

struct ReviewText {
    std::string heading;
    std::vector<Section> sections;
};

// The review's heading line, then its sections: a title line, then its items (indented).
ReviewText parse_review(const std::string& out) {
    ReviewText review;
    std::istringstream lines(unwrapped(out));
    std::getline(lines, review.heading);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) {
            continue;
        }
        if (line.rfind("  ", 0) == 0) {
            REQUIRE_MESSAGE(!review.sections.empty(), "an item before any section: ", line);
            review.sections.back().items.push_back(line.substr(2));
        } else {
            review.sections.push_back({line, {}});
        }
    }
    return review;
}

// The one section whose title starts with `title`; fails the test if there is none.
const Section& section(const ReviewText& review, const std::string& title) {
    const Section* found = nullptr;
    for (const auto& s : review.sections) {
        if (s.title.rfind(title, 0) == 0) {
            REQUIRE_MESSAGE(found == nullptr, "two sections titled ", title);
            found = &s;
        }
    }
    REQUIRE_MESSAGE(found != nullptr, "no section titled ", title);
    return *found;
}

bool has_section(const ReviewText& review, const std::string& title) {
    for (const auto& s : review.sections) {
        if (s.title.rfind(title, 0) == 0) {
            return true;
        }
    }
    return false;
}

// The item holding `needle`, or "" if none does.
std::string item(const Section& s, const std::string& needle) {
    for (const auto& i : s.items) {
        if (contains(i, needle)) {
            return i;
        }
    }
    return {};
}

bool anywhere(const ReviewText& review, const std::string& needle) {
    for (const auto& s : review.sections) {
        if (!item(s, needle).empty()) {
            return true;
        }
    }
    return false;
}

// A trend row as its words, without the bars: {"2026-11-02", "7.0", "1", "3"}.
std::vector<std::string> words(const std::string& row) {
    std::vector<std::string> out;
    std::istringstream in(row);
    for (std::string w; in >> w;) {
        if (w.rfind("▇", 0) != 0) {
            out.push_back(w);
        }
    }
    return out;
}

// A total from the closing section of totals ("So far" in the current week, "By the end of
// that week" in a past one), e.g. total(review, "Goals achieved").
int total(const ReviewText& review, const std::string& name) {
    std::string all;
    const bool now = has_section(review, "So far");
    for (const auto& i : section(review, now ? "So far" : "By the end of that week").items) {
        all += i + "\n";
    }
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(all, m, std::regex(name + ": (\\d+)")), "no total ", name,
                    " in ", all);
    return std::stoi(m[1]);
}

ReviewText review(const Sandbox& s, std::vector<std::string> args) {
    args.insert(args.begin(), "review");
    return parse_review(s.ok(args));
}

// Three weeks of a member's records; today is Thursday 2026-11-19, in the week of 2026-11-16.
// Week of 2026-11-02: five goals set; #2 done, #3 let go, #4 (weekly, 3 times) done twice, #5
// (twice) done once, #1 never; a check-in rated 7; three urges; #6 planned for the next week.
// Week of 2026-11-09: #4 done three times, #5 done (it had rolled over); a check-in rated 5.
// This week: nothing yet but #7, planned for next week.
void three_weeks(const Sandbox& s) {
    const auto on = [&](const std::string& day, std::vector<std::string> args) {
        args.insert(args.begin(), {"-q", "--today", day});
        s.ok(args);
    };
    on("2026-11-03", {"goal", "add", "Find a volunteer role"});
    on("2026-11-03", {"goal", "add", "Call my sister", "--area", "balance"});
    on("2026-11-03", {"goal", "add", "Cut down coffee"});
    on("2026-11-03", {"goal", "add", "Walk", "--every-week", "--times", "3"});
    on("2026-11-03", {"goal", "add", "Go to a meeting", "--times", "2"});
    on("2026-11-05", {"goal", "done", "2"});
    on("2026-11-05", {"goal", "drop", "3"});
    on("2026-11-05", {"goal", "done", "4"});
    on("2026-11-06", {"goal", "done", "4"});
    on("2026-11-06", {"goal", "done", "5"});
    on("2026-11-06",
       {"checkin", "--rating", "7", "--note", "A steady week, went to the art group"});
    on("2026-11-06",
       {"urge-log", "--intensity", "6", "--duration", "10", "--trigger", "payday", "--strategy",
        "delay", "--strategy", "distract", "--rode-out", "--at", "2026-11-04 18:00"});
    on("2026-11-06", {"urge-log", "--intensity", "3", "--duration", "5", "--trigger", "payday",
                      "--strategy", "delay", "--acted", "--at", "2026-11-05 18:00"});
    on("2026-11-06", {"urge-log", "--intensity", "8", "--trigger", "a row", "--rode-out", "--at",
                      "2026-11-06 08:00"});
    on("2026-11-06", {"goal", "add", "Book the dentist", "--week", "next"});
    on("2026-11-12", {"goal", "done", "4", "--date", "2026-11-10"});
    on("2026-11-12", {"goal", "done", "4", "--date", "2026-11-11"});
    on("2026-11-12", {"goal", "done", "4"});
    on("2026-11-12", {"goal", "done", "5"});
    on("2026-11-12", {"checkin", "--rating", "5", "--note", "Harder, but I went"});
    on("2026-11-19", {"goal", "add", "Plan a day out", "--week", "next"});
}

} // namespace

TEST_CASE("the review of a past week: its dates, check-in, goals achieved, rolled over, let go") {
    Sandbox s;
    three_weeks(s);
    const auto r = review(s, {"--week", "2026-11-02"});
    CHECK(r.heading == "Week of 2026-11-02 to 2026-11-08");

    const auto checkin = item(section(r, "How the last seven days have been"), "2026-11-06");
    CHECK(contains(checkin, "rated 7/10"));
    CHECK(contains(checkin, "A steady week, went to the art group"));

    const auto& achieved = section(r, "Goals achieved");
    CHECK(achieved.title == "Goals achieved (1)");
    CHECK(achieved.items.size() == 1);
    CHECK(contains(item(achieved, "#2 "), "#2 Call my sister [balance]"));

    const auto& rolled = section(r, "Rolled over into the next week");
    CHECK(rolled.title == "Rolled over into the next week (2)");
    CHECK(contains(item(rolled, "#1 "),
                   "#1 Find a volunteer role — rolled over from the week of 2026-11-02 (1 week)"));
    // A goal done once of twice rolls over with its progress.
    CHECK(contains(item(rolled, "#5 "), "#5 Go to a meeting (1/2)"));
    CHECK(contains(item(rolled, "#5 "), "rolled over from the week of 2026-11-02 (1 week)"));

    const auto& let_go = section(r, "Let go");
    CHECK(let_go.title == "Let go (1)");
    CHECK(contains(item(let_go, "#3 "), "#3 Cut down coffee"));
    // A goal let go is not carried anywhere: not rolled over, not in the plan.
    CHECK(item(rolled, "#3 ").empty());
    CHECK(item(section(r, "The seven days ahead"), "#3 ").empty());
    // Nothing says a goal failed or was missed.
    CHECK_FALSE(contains(s.ok({"review", "--week", "2026-11-02"}), "fail"));
    CHECK_FALSE(contains(s.ok({"review", "--week", "2026-11-02"}), "miss"));
}

TEST_CASE("a weekly goal's progress in each week, and its achieved week counted as achieved") {
    Sandbox s;
    three_weeks(s);
    auto r = review(s, {"--week", "2026-11-02"});
    const auto first = item(section(r, "Weekly goals"), "#4 Walk");
    CHECK(contains(first, "2/3"));
    CHECK_FALSE(contains(first, "achieved"));
    CHECK(item(section(r, "Goals achieved"), "#4 ").empty());

    r = review(s, {"--week", "2026-11-09"});
    CHECK(contains(item(section(r, "Weekly goals"), "#4 Walk"), "3/3"));
    CHECK(contains(item(section(r, "Weekly goals"), "#4 Walk"), "achieved"));
    CHECK(contains(item(section(r, "Goals achieved"), "#4 "), "#4 Walk (weekly, 3/3)"));

    // A new week starts fresh: nothing carried over, nothing reset to blame.
    r = review(s, {});
    CHECK(contains(item(section(r, "Weekly goals"), "#4 Walk"), "0/3"));
}

TEST_CASE("a goal that rolls over shows where it came from and for how long, week after week") {
    Sandbox s;
    three_weeks(s);
    // The next week: #1 rolls on; #5, carried a week, is achieved and says so.
    auto r = review(s, {"--week", "2026-11-09"});
    CHECK(contains(item(section(r, "Rolled over into the next week"), "#1 "),
                   "rolled over from the week of 2026-11-02"));
    CHECK(contains(item(section(r, "Goals achieved"), "#5 "),
                   "#5 Go to a meeting (after 1 week rolling over)"));
    CHECK(item(section(r, "Rolled over into the next week"), "#5 ").empty());

    // This week: still open, two weeks on; #6 (planned for last week) one week on.
    r = review(s, {});
    const auto& open = section(r, "Still open");
    CHECK(contains(item(open, "#1 "),
                   "#1 Find a volunteer role — rolled over from the week of 2026-11-02 (2 weeks)"));
    CHECK(contains(item(open, "#6 "),
                   "#6 Book the dentist — rolled over from the week of 2026-11-09 (1 week)"));
    CHECK(item(open, "#5 ").empty());

    // Done today, after two weeks of rolling over: achieved, and no longer carried.
    s.ok({"-q", "goal", "done", "1"});
    r = review(s, {});
    CHECK(contains(item(section(r, "Goals achieved"), "#1 "),
                   "#1 Find a volunteer role (after 2 weeks rolling over)"));
    CHECK(item(section(r, "Still open"), "#1 ").empty());
    CHECK(item(section(r, "The seven days ahead"), "#1 ").empty());
}

TEST_CASE("urges of the week: how many, how strong, how long, how they were met") {
    Sandbox s;
    three_weeks(s);
    auto r = review(s, {"--week", "2026-11-02"});
    const auto& urges = section(r, "Urges");
    CHECK(urges.title == "Urges (3)");
    // (6 + 3 + 8) / 3 = 5.67, shown to one decimal.
    const auto strength = item(urges, "average");
    CHECK(contains(strength, "average 5.7, highest 8"));
    CHECK(contains(strength, "15 minutes"));
    CHECK(contains(item(urges, "Rode it out"), "Rode it out 2 times, acted on it 1 time"));
    CHECK(contains(item(urges, "delay"), "delay 2 times (rode it out 1)"));
    CHECK(contains(item(urges, "distract"), "distract 1 time (rode it out 1)"));
    CHECK(contains(item(urges, "triggers"), "payday (2)"));
    CHECK(contains(item(urges, "triggers"), "a row (1)"));

    r = review(s, {"--week", "2026-11-09"});
    CHECK(section(r, "Urges").title == "Urges (0)");
    CHECK(contains(item(section(r, "Urges"), "No urges"), "No urges logged"));
}

TEST_CASE("the totals only grow: a week with nothing in it takes nothing away") {
    Sandbox s;
    three_weeks(s);
    const auto first = review(s, {"--week", "2026-11-02"});
    CHECK(section(first, "By the end").title == "By the end of that week (to 2026-11-08)");
    CHECK(total(first, "Goals achieved") == 1);
    CHECK(total(first, "Weeks checked in") == 1);
    CHECK(total(first, "Check-ins") == 1);
    CHECK(total(first, "Urges logged") == 3);
    CHECK(total(first, "Ridden out") == 2);

    const auto second = review(s, {"--week", "2026-11-09"});
    CHECK(total(second, "Goals achieved") == 3); // #2, then #5 and that week's Walk
    CHECK(total(second, "Weeks checked in") == 2);
    CHECK(total(second, "Check-ins") == 2);
    CHECK(total(second, "Urges logged") == 3);
    CHECK(total(second, "Ridden out") == 2);

    // This week nothing is done yet and an urge is acted on: every total stays or grows.
    s.ok({"-q", "urge-log", "--intensity", "9", "--acted", "--at", "2026-11-18 20:00"});
    const auto now = review(s, {});
    CHECK(section(now, "So far").title == "So far (to 2026-11-19)");
    for (const auto* name :
         {"Goals achieved", "Weeks checked in", "Check-ins", "Urges logged", "Ridden out"}) {
        INFO(name);
        CHECK(total(now, name) >= total(second, name));
    }
    CHECK(total(now, "Urges logged") == 4);
    CHECK(total(now, "Ridden out") == 2);
}

TEST_CASE("the plan for the seven days ahead holds what is open next week, and nothing closed") {
    Sandbox s;
    three_weeks(s);
    const auto r = review(s, {});
    const auto& plan = section(r, "The seven days ahead");
    CHECK(plan.title == "The seven days ahead (2026-11-23 to 2026-11-29)");
    CHECK(contains(item(plan, "#1 "), "rolled over from the week of 2026-11-02 (3 weeks)"));
    CHECK(contains(item(plan, "#4 "), "#4 Walk (every week, 3 times)"));
    CHECK(contains(item(plan, "#6 "), "rolled over from the week of 2026-11-09 (2 weeks)"));
    CHECK(contains(item(plan, "#7 "), "#7 Plan a day out"));
    CHECK(plan.items.size() == 4); // not #2 or #5 (done), nor #3 (let go)

    // Last week's plan was this week.
    CHECK(section(review(s, {"--week", "last"}), "The seven days ahead").title ==
          "The seven days ahead (2026-11-16 to 2026-11-22)");

    // With nothing planned, the review says how to plan.
    Sandbox empty;
    CHECK(item(section(review(empty, {}), "The seven days ahead"), "goal add") ==
          "No goals yet. Add one with: smartgoals goal add \"...\" --week 2026-11-23");
}

TEST_CASE("--week picks the week: this week by default, last, a date, an ISO week") {
    Sandbox s; // Thursday 2026-11-19
    three_weeks(s);
    CHECK(review(s, {}).heading == "Week of 2026-11-16 to 2026-11-22 (this week)");
    const auto last = s.ok({"review", "--week", "last"});
    CHECK(parse_review(last).heading == "Week of 2026-11-09 to 2026-11-15 (the week just ended)");
    CHECK(contains(item(section(parse_review(last), "How the last seven days"), "2026-11-12"),
                   "rated 5/10"));
    // Any date in a week, or its ISO name, shows the same review.
    CHECK(s.ok({"review", "--week", "2026-11-15"}) == last);
    CHECK(s.ok({"review", "--week", "2026-11-09"}) == last);
    CHECK(s.ok({"review", "--week", "2026-W46"}) == last);
    CHECK(s.ok({"review", "--week", "-1"}) == last);
    CHECK(review(s, {"--week", "2026-11-08"}).heading == "Week of 2026-11-02 to 2026-11-08");
    CHECK(review(s, {"--week", "next"}).heading == "Week of 2026-11-23 to 2026-11-29 (ahead)");
    // --today moves "this week".
    CHECK(parse_review(s.ok({"--today", "2026-11-12", "review"})).heading ==
          "Week of 2026-11-09 to 2026-11-15 (this week)");
    // Weeks follow week-start.
    s.ok({"-q", "config", "set", "week-start", "sunday"});
    CHECK(review(s, {"--week", "2026-11-19"}).heading ==
          "Week of 2026-11-15 to 2026-11-21 (this week)");
}

TEST_CASE("the trend: one row per week, and --trend 0 leaves out the trend and only the trend") {
    Sandbox s;
    three_weeks(s);
    const auto with = review(s, {"--trend", "3"});
    const auto& trend = section(with, "The last 3 weeks");
    std::vector<std::vector<std::string>> rows;
    for (const auto& i : trend.items) {
        if (i.rfind("20", 0) == 0) {
            rows.push_back(words(i));
        }
    }
    REQUIRE(rows.size() == 3);
    // week, average rating, goals achieved, urges
    CHECK(rows[0] == std::vector<std::string>{"2026-11-02", "7.0", "1", "3"});
    CHECK(rows[1] == std::vector<std::string>{"2026-11-09", "5.0", "2", "0"});
    CHECK(rows[2] == std::vector<std::string>{"2026-11-16", "-", "0", "0"});

    // The trend starts at the first week with a record: three weeks ago, not eight.
    CHECK(has_section(review(s, {}), "The last 3 weeks"));
    CHECK(has_section(review(s, {"--trend", "2"}), "The last 2 weeks"));
    const auto without = review(s, {"--trend", "0"});
    CHECK_FALSE(has_section(without, "The last"));
    CHECK_FALSE(anywhere(without, "▇"));
    // Everything else is as it was.
    auto expected = with.sections;
    std::erase_if(expected, [](const Section& x) { return x.title.rfind("The last", 0) == 0; });
    REQUIRE(without.sections.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(without.sections[i].title == expected[i].title);
        CHECK(without.sections[i].items == expected[i].items);
    }
}

TEST_CASE("a bad --week or --trend: exit 2, one line naming it, and nothing written") {
    Sandbox s;
    for (const auto* week : {"funday", "2026-02-30", "2026-W54", "1899-12-31", "next week", "+1"}) {
        check_refused(s, {"review", "--week", week}, std::string("'") + week + "'");
    }
    check_refused(s, {"review", "--week"}, "--week");
    check_refused(s, {"review", "--trend", "-1"}, "--trend");
    check_refused(s, {"review", "--trend", "105"}, "--trend");
    check_refused(s, {"review", "--trend", "many"}, "--trend");
    // A read creates no file, even when it fails.
    CHECK_FALSE(fs::exists(s.db.parent_path()));

    // On an existing database, the bytes stay as they were (check_refused compares them).
    s.ok({"-q", "goal", "add", "Walk"});
    check_refused(s, {"review", "--week", "funday"}, "'funday'");
}

TEST_CASE("the review names its owner when the name setting is set") {
    Sandbox s;
    s.ok({"goal", "add", "Walk"});
    CHECK(s.ok({"review", "--week", "this"}).rfind("Week of 2026-11-16 to 2026-11-22", 0) == 0);
    CHECK(nlohmann::json::parse(s.ok({"review", "--format", "json"}))["name"].is_null());
    s.ok({"config", "set", "name", "Sam"});
    CHECK(s.ok({"review", "--week", "this"})
              .rfind("Sam: week of 2026-11-16 to 2026-11-22 (this week)\n", 0) == 0);
    CHECK(contains(s.ok({"review", "--format", "html"}), "<h1>Sam: week of 2026-11-16"));
    CHECK(contains(s.ok({"review", "--format", "markdown"}), "# Sam: week of 2026-11-16"));
    CHECK(nlohmann::json::parse(s.ok({"review", "--format", "json"}))["name"] == "Sam");
    // A name is shown, never obeyed.
    s.ok({"config", "set", "name", "Sam\x1b[2J"});
    CHECK(s.ok({"review", "--week", "this"}).rfind("Sam^[[2J: week of", 0) == 0);
}
