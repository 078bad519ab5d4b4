// SPDX-License-Identifier: MIT
#include "goal_steps.hpp"

#include <smartgoals/review.hpp>
#include <smartgoals/rules.hpp>
#include <smartgoals/text_width.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <sstream>

using namespace smartgoals;

namespace {

Date d(const char* text) {
    return *parse_date(text);
}

Store sample_store() {
    auto store = Store::in_memory();
    Goal carried{.text = "Find a volunteer role",
                 .planned = d("2026-11-03"),
                 .created = "2026-11-03T19:00:00"};
    Goal achieved{.text = "Call my sister",
                  .area = Area::balance,
                  .planned = d("2026-11-17"),
                  .created = "2026-11-17T19:00:00"};
    Goal walk{.text = "Walk",
              .kind = Kind::weekly,
              .target = 3,
              .planned = d("2026-11-03"),
              .created = "2026-11-03T19:00:00"};
    store.add_goal(carried);
    store.add_goal(achieved);
    store.add_goal(walk);
    Completion c{.goal_id = achieved.id, .date = d("2026-11-19")};
    test::record(store, c);
    for (const char* day : {"2026-11-10", "2026-11-11", "2026-11-12", "2026-11-18"}) {
        Completion w{.goal_id = walk.id, .date = d(day)};
        test::record(store, w);
    }
    Checkin k{.uuid = "k1",
              .date = d("2026-11-20"),
              .rating = 7,
              .note = "A steady week",
              .created = "2026-11-20T19:00:00"};
    store.add_checkin(k);
    return store;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The rendered text with wrapped items joined back into one line each.
std::string unwrapped(std::string text) {
    for (auto pos = text.find("\n    "); pos != std::string::npos; pos = text.find("\n    ")) {
        text.replace(pos, 5, " ");
    }
    return text;
}

} // namespace

TEST_CASE("the review of a week shows what was achieved, what rolls over and the week ahead") {
    auto store = sample_store();
    const auto review = build_review(store, Week{d("2026-11-16")}, d("2026-11-22"), 3);
    std::ostringstream text;
    render_text(review, text, TextStyle{});
    const auto out = unwrapped(text.str());
    for (const auto& line : split_lines(text.str())) {
        CHECK(display_width(line) <= 80);
    }
    CHECK(out.find("Week of 2026-11-16 to 2026-11-22 (this week)") != std::string::npos);
    CHECK(out.find("rated 7/10  A steady week") != std::string::npos);
    CHECK(out.find("Goals achieved (1)") != std::string::npos);
    CHECK(out.find("#2 Call my sister [balance]") != std::string::npos);
    CHECK(
        out.find("#1 Find a volunteer role — rolled over from the week of 2026-11-02 (2 weeks)") !=
        std::string::npos);
    CHECK(out.find("#3 Walk 1/3 this week") != std::string::npos);
    CHECK(out.find("The seven days ahead (2026-11-23 to 2026-11-29)") != std::string::npos);
    CHECK(out.find("rolled over from the week of 2026-11-02 (3 weeks)") != std::string::npos);
    CHECK(out.find("Goals achieved: 2   Weeks checked in: 1   Check-ins: 1") != std::string::npos);
    CHECK(out.find("\x1b[") == std::string::npos); // no colour unless asked
    for (const char* word : {"fail", "missed", "streak", "relapse", "overdue"}) {
        CHECK_MESSAGE(lower(out).find(word) == std::string::npos, word);
    }
    std::ostringstream coloured;
    render_text(review, coloured, TextStyle{.color = true});
    CHECK(coloured.str().find("\x1b[1m") != std::string::npos);
}

TEST_CASE("text wraps at spaces by display width, breaking only words longer than a line") {
    CHECK(wrap_to_width("one two three", 7) == std::vector<std::string>{"one two", "three"});
    CHECK(wrap_to_width("友達友達 ab", 8) == std::vector<std::string>{"友達友達", "ab"});
    CHECK(wrap_to_width("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
    CHECK(wrap_to_width("", 10) == std::vector<std::string>{""});
    CHECK(display_width("e\u0301te\u0301") == 3); // combining accents take no column
    CHECK(display_width("ab友達") == 6);          // ASCII and wide characters side by side
    CHECK(display_width("a\tb\x7f") == 2);        // control characters take no column
    CHECK(display_width("\xff"
                        "ab") == 3); // a byte that is not UTF-8 takes one
    CHECK(truncate_to_width("abcdef", 4) == "abc…");
}

TEST_CASE("the trend covers N weeks ending with the reviewed one") {
    auto store = sample_store();
    const auto review = build_review(store, Week{d("2026-11-16")}, d("2026-11-22"), 3);
    REQUIRE(review.trend.size() == 3);
    CHECK(review.trend[0].week.start == d("2026-11-02"));
    CHECK(review.trend[1].goals_achieved == 1); // the weekly walk, three times
    CHECK(review.trend[2].goals_achieved == 1);
    CHECK(review.trend[2].avg_rating_tenths == 70);
    CHECK(build_review(store, Week{d("2026-11-16")}, d("2026-11-22"), 0).trend.empty());
}

TEST_CASE("a past week lists what rolled over into the next one") {
    auto store = sample_store();
    const auto review = build_review(store, Week{d("2026-11-09")}, d("2026-11-22"), 0);
    std::ostringstream text;
    render_text(review, text, TextStyle{});
    CHECK(text.str().find("Rolled over into the next week (1)") != std::string::npos);
    CHECK(unwrapped(text.str()).find("rolled over from the week of 2026-11-02 (2 weeks)") !=
          std::string::npos);
    CHECK(review.totals.as_of == d("2026-11-15"));
    CHECK(review.totals.goals_achieved == 1);
    // The JSON of the same review says the same number of weeks.
    const auto json = render_json(review);
    REQUIRE(json["rolling_over"].size() == 1);
    CHECK(json["rolling_over"][0]["carried_weeks"] == 2);
}

TEST_CASE("the JSON review has a stable shape") {
    auto store = sample_store();
    const auto json = render_json(build_review(store, Week{d("2026-11-16")}, d("2026-11-22"), 2));
    CHECK(json["week"]["start"] == "2026-11-16");
    CHECK(json["week"]["current"] == true);
    CHECK(json["checkins"][0]["rating"] == 7);
    CHECK(json["achieved"].size() == 1);
    CHECK(json["achieved"][0]["text"] == "Call my sister");
    CHECK(json["rolling_over"][0]["carried_weeks"] == 2);
    CHECK(json["weekly"][0]["progress"] == 1);
    CHECK(json["weekly"][0]["achieved"] == false);
    CHECK(json["trend"].size() == 2);
    CHECK(json["trend"][1]["avg_rating"] == 7.0);
    CHECK(json["totals"]["goals_achieved"] == 2);
    CHECK(json["ahead"]["goals"].size() == 2);
    CHECK(json["ahead"]["goals"][0]["carried_weeks"] == 3);
    CHECK(json["ahead"]["goals"][1]["carried_weeks"].is_null());
}
