// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/model.hpp>

#include <optional>
#include <vector>

// The carry-forward rules of SPEC §5, as functions of data and dates: no clock, no storage.
// Each rule is decided in one place:
//   rule 1 (once goals: done, C, progress)          settled(), from once_outcome()
//   rules 2, 3 (active, rolls over, carried weeks)  place() for once goals
//   rule 4 (weekly instances, achieved)             place() for weekly goals
//   rule 5 (let go, reopen)                         let_go(), reopen()
//   rule 6 (already so; conflicts)                  record_completion(), let_go(), reopen()
//   rule 7 (P under the current week-start)         planned_week()
//   rule 8 (totals, counted per week)               summarize(), summarize_weeks() and
//                                                   weeks_achieved()
//   rule 9 (a weekly target per week)               target_in(), change_target()
//   rule 10 (views of a week as it stood)           place()
//   goal edit --times                               change_target()
// A command asks one of these what should change, the store writes it, the command says it.
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

// Rule 7: a goal's planned week P is the week that holds its stored date, under the
// week-start in force.
Week planned_week(const Goal& goal, Weekday week_start);

// Rule 1 applied: a once goal's stored status and C as its completions (all of them) and target
// give them; letting go is kept. A weekly goal is returned as it is.
Goal settled(Goal goal);

// What a command does to a goal (rules 1, 4, 5 and 6).
enum class Answer {
    changed,
    unchanged,    // already in the state asked for: changes nothing, exit 0 (rule 6)
    conflicts,    // done on a goal let go, or let go of a done one: reopen first (rule 6)
    before_start, // a weekly goal's completion dated before its first week (rule 4)
};
struct GoalChange {
    Answer answer = Answer::changed;
    Goal after;                         // the goal as it stands after the change
    std::vector<Completion> added;      // completions to record
    std::vector<Completion> taken_back; // completions to remove, latest first
};
// `goal done`: one completion. `goal` carries its completions as the rules need them: all of a
// once goal's; of a weekly goal's, at least those in the completion's week.
GoalChange record_completion(Goal goal, Completion completion, Weekday week_start);
// `goal drop`: let go on `day`.
GoalChange let_go(Goal goal, Date day);
// `goal reopen` (rule 5): a goal let go is open again as if never closed; a done once goal
// (with all its completions) loses completions, latest first, until its progress is below its
// target.
GoalChange reopen(Goal goal);
// `goal edit --times` on `today`: a once goal's one target, rule 1 re-applied; a weekly goal's
// target from the week holding `today` on, earlier weeks keeping theirs (rule 9).
GoalChange change_target(Goal goal, int target, Date today, Weekday week_start);
// The target of `goal` in `week`: a weekly goal's as it was set for that week (rule 9).
int target_in(const Goal& goal, Week week, Weekday week_start);

// Where a goal stands in week W, seen on `today`.
struct Placement {
    bool active = false;      // shown in W (rule 2; for weekly goals: has an instance in W)
    bool carried = false;     // once goal rolled over into W from its planned week P < W
    int carried_weeks = 0;    // whole weeks from P to W when carried
    bool done_here = false;   // once goal done in W; weekly instance achieved in W
    bool let_go_here = false; // let go in W
    bool rolls_over = false;  // once goal that rolls over from W into the next week (rule 3)
    int progress = 0;         // once: completions up to the end of W; weekly: completions in W
    int target = 1;           // the target in W (rule 9)
};
Placement place(const Goal& goal, Week week, Date today, Weekday week_start);

// Rule 10: a goal's status as it stood at the end of `week`: closed only when closed by then.
Status status_in(const Goal& goal, Week week);

// The weeks in which `goal` counts among the goals achieved, decided by place(): a once goal in
// the week of C when done, a weekly goal in each week whose instance reaches its target. Only the
// completions `goal` carries are seen, so a weekly goal loaded for some weeks answers for those.
std::vector<Week> weeks_achieved(const Goal& goal, Weekday week_start);

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
