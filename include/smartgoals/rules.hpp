// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/model.hpp>

#include <optional>
#include <vector>

// The carry-forward rules of SPEC §5, as functions of data and dates: no clock, no storage.
namespace smartgoals {

// Rule 1 for a once goal: its status, C and progress from its completions (sorted by date) and
// target. `let_go` is the stored date it was let go, which wins over completions.
struct OnceOutcome {
    Status status = Status::open;
    std::optional<Date> closed;
    int progress = 0;
};
OnceOutcome once_outcome(int target, const std::vector<Completion>& completions,
                         std::optional<Date> let_go);

// Where a goal stands in week W, seen on `today`.
struct Placement {
    bool active = false;      // shown in W (rule 2; for weekly goals: has an instance in W)
    bool carried = false;     // once goal rolled over into W from its planned week P < W
    int carried_weeks = 0;    // whole weeks from P to W when carried
    bool done_here = false;   // once goal done in W; weekly instance achieved in W
    bool let_go_here = false; // let go in W
    bool rolls_over = false;  // once goal that rolls over from W into the next week (rule 3)
    int progress = 0;         // once: completions up to the end of W; weekly: completions in W
};
Placement place(const Goal& goal, Week week, Date today, Weekday week_start);

// Export's `carried_weeks`: whole weeks from P to the week of C (this week while open), at least
// 0; nullopt for weekly goals.
std::optional<int> carried_weeks(const Goal& goal, Date today, Weekday week_start);

struct GoalInWeek {
    const Goal* goal;
    Placement at;
};

// A week as SPEC §7's `weeks` table counts it, with the goals behind the counts.
struct WeekSummary {
    Week week;
    std::vector<const Checkin*> checkins;
    std::vector<const Urge*> urges;
    std::vector<GoalInWeek> goals;        // every goal active in W
    int active = 0;                       // once goals active + weekly instances
    int done = 0;                         // once goals done in W + weekly instances achieved
    int rolled_over = 0;                  // once goals rolling over from W
    int let_go = 0;                       // once goals let go in W
    std::optional<int> avg_rating_tenths; // rounded half up to a tenth
};
// Pointers in the result refer into `history`, which must outlive it.
WeekSummary summarize(const History& history, Week week, Date today);

// The seven days ahead of W: goals still open at the end of W that are active in W + 1,
// and weekly goals with an instance in W + 1.
std::vector<const Goal*> plan_ahead(const History& history, Week week, Date today);

// The counts of `summarize` for every week from `first` to `last`, visiting each goal only in
// the weeks it can be active in (export's `weeks` table over a whole history).
std::vector<WeekSummary> summarize_weeks(const History& history, Week first, Week last, Date today);

// Rounded half up to tenths (7.25 -> 73); nullopt when count is 0.
std::optional<int> average_tenths(long long sum, long long count);

} // namespace smartgoals
