// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/rules.hpp>
#include <smartgoals/store.hpp>
#include <smartgoals/urges.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>
#include <vector>

namespace smartgoals {

struct TrendWeek {
    Week week;
    std::optional<int> avg_rating_tenths;
    int checkins = 0;
    int goals_achieved = 0;
    int urges = 0;
};

// A goal as the review shows it: where it stands in the week, and, for one rolling over, the
// whole weeks it has been carried as every format states them.
struct ReviewGoal {
    const Goal* goal;
    Placement at;
    int carried_weeks = 0;
};
// The one classification of a week's goals that every renderer uses (rules 2 to 4).
struct ReviewGoals {
    std::vector<ReviewGoal> achieved;     // once goals done in W, weekly instances achieved
    std::vector<ReviewGoal> rolling_over; // once goals open in the current week, or that rolled
                                          // over from a past one into the next
    std::vector<ReviewGoal> let_go;       // once goals let go in W
    std::vector<ReviewGoal> weekly;       // every weekly instance of W
};

// The weekly review of SPEC §6, as data; renderers turn it into text or JSON.
struct Review {
    Date today;
    std::unique_ptr<History> history; // owned, so the pointers below stay valid when moved
    WeekSummary summary;
    ReviewGoals goals;
    UrgeSummary urges;             // the reviewed week's urges
    std::vector<const Goal*> plan; // the seven days ahead
    std::vector<TrendWeek> trend;  // oldest first, ending with the reviewed week
    Totals totals;
    std::string owner; // the member's name (the `name` setting), for the heading; may be empty
    std::vector<std::string> values; // the first k_values_in_review of the Hierarchy of Values
    std::vector<Abc> abcs;           // the week's ABCs, oldest first

    Week week() const { return summary.week; }
    bool is_current() const;
    bool is_future() const { return week().start > today; }
};

// How many goals a list of the review shows before "and N more" (SPEC §6); JSON has them all.
inline constexpr std::size_t k_review_listed = 20;

// Loads only the window the review shows (the trend weeks, the week and the one after it).
// With `listed` (a review for reading, which lists that many goals), the goals carried into
// the window from before it are counted, and only those it lists are loaded.
Review build_review(Store& store, Week week, Date today, int trend_weeks,
                    std::optional<std::size_t> listed = std::nullopt);
// The same from data already loaded (the pure part, for tests).
Review build_review(History history, Week week, Date today, int trend_weeks, Totals totals);

// The review laid out for reading: the same sections, in the same words, for every format.
// Items are plain text (a member's words unescaped); each renderer escapes for its format.
// Within an item, k_field_break parts what a terminal sets apart with spaces and a page, where
// spaces run together, with a visible mark (a check-in's date, rating and note).
inline constexpr char k_field_break = '\x1f';
// `item` with each field break written as `between`.
std::string with_field_breaks(std::string_view item, std::string_view between);
struct ReviewSection {
    std::string title;
    std::string mark; // "✓", "→", "·" or "" before each item
    std::vector<std::string> items;
    std::string when_empty; // shown when there are no items; empty leaves the section out
};
// One line of the summary a printed review opens with: a number for the week beside the total
// to date; either may be empty where it has no meaning (no average of all ratings, say).
struct SummaryRow {
    std::string label;
    std::string week;
    std::string to_date;
};
struct ReviewDocument {
    std::string heading;
    std::string values; // "What matters to me: …", opening the review; empty without values
    // At a glance, for the documents a member hands on (HTML, Markdown): column headings, then
    // the rows. They hold the numbers of the sections below and of `totals`, which they replace.
    std::string summary_week, summary_to_date;
    std::vector<SummaryRow> summary;
    std::vector<ReviewSection> sections; // before the trend
    std::vector<TrendWeek> trend;
    ReviewSection totals;               // the totals that only grow, as the terminal shows them
    std::vector<ReviewSection> closing; // the seven days ahead
};
ReviewDocument layout_review(const Review& review);

struct TextStyle {
    bool color = false;
    int width = 80;     // columns to wrap to (SPEC §6.4)
    bool plain = false; // for screen readers: no marks, no bars, every number in words
};
void render_text(const Review& review, std::ostream& out, TextStyle style);
nlohmann::ordered_json render_json(const Review& review);
void render_markdown(const Review& review, std::ostream& out);
// A self-contained page; the trend is drawn as inline SVG bar charts with their numbers.
void render_html(const Review& review, std::ostream& out);

// 73 -> "7.3"
std::string format_tenths(int tenths);

// "rolled over from the week of 2026-11-09 (2 weeks)"
std::string rolled_over_note(Week planned, int weeks);
// The same, written at the end of `line`: a list of thousands of goals carried has one on
// each line.
void append_rolled_over_note(std::string& line, Week planned, int weeks);

} // namespace smartgoals
