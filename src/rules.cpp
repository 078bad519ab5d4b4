// SPDX-License-Identifier: MIT
#include <smartgoals/rules.hpp>

#include <algorithm>

namespace smartgoals {

OnceOutcome once_outcome(int target, const std::vector<Completion>& completions,
                         std::optional<Date> let_go) {
    OnceOutcome out;
    out.progress = static_cast<int>(completions.size());
    if (let_go) {
        out.status = Status::dropped;
        out.closed = let_go;
    } else if (target >= 1 && out.progress >= target) {
        out.status = Status::done;
        out.closed = completions[static_cast<std::size_t>(target - 1)].date;
    }
    return out;
}

Week planned_week(const Goal& goal, Weekday week_start) {
    return week_containing(goal.planned, week_start);
}

Goal settled(Goal goal) {
    if (goal.kind != Kind::once) {
        return goal;
    }
    const auto let_go_on = goal.status == Status::dropped ? goal.closed : std::nullopt;
    const auto outcome = once_outcome(goal.target, goal.completions, let_go_on);
    goal.status = outcome.status;
    goal.closed = outcome.closed;
    return goal;
}

namespace {

GoalChange unchanged(Goal goal, Answer answer) {
    return GoalChange{.answer = answer, .after = std::move(goal)};
}

void insert_in_order(std::vector<Completion>& completions, Completion completion) {
    const auto at =
        std::upper_bound(completions.begin(), completions.end(), completion,
                         [](const Completion& a, const Completion& b) { return a.date < b.date; });
    completions.insert(at, std::move(completion));
}

} // namespace

GoalChange record_completion(Goal goal, Completion completion, Weekday week_start) {
    if (goal.status == Status::dropped) {
        return unchanged(std::move(goal), Answer::conflicts);
    }
    if (goal.status == Status::done) {
        return unchanged(std::move(goal), Answer::unchanged);
    }
    if (goal.kind == Kind::weekly && completion.date < planned_week(goal, week_start).start) {
        return unchanged(std::move(goal), Answer::before_start);
    }
    completion.goal_id = goal.id;
    insert_in_order(goal.completions, completion);
    return GoalChange{.after = settled(std::move(goal)), .added = {std::move(completion)}};
}

GoalChange let_go(Goal goal, Date day) {
    if (goal.status == Status::dropped) {
        return unchanged(std::move(goal), Answer::unchanged);
    }
    if (goal.status == Status::done) {
        return unchanged(std::move(goal), Answer::conflicts);
    }
    goal.status = Status::dropped;
    goal.closed = day;
    return GoalChange{.after = std::move(goal)};
}

GoalChange reopen(Goal goal) {
    if (goal.status == Status::open) {
        return unchanged(std::move(goal), Answer::unchanged);
    }
    GoalChange change;
    if (goal.status == Status::dropped) {
        goal.status = Status::open;
        goal.closed.reset();
    } else {
        while (static_cast<int>(goal.completions.size()) >= goal.target) {
            change.taken_back.push_back(std::move(goal.completions.back()));
            goal.completions.pop_back();
        }
    }
    // A goal let go whose completions reach its target is done once it is taken back.
    change.after = settled(std::move(goal));
    return change;
}

int target_in(const Goal& goal, Week week, Weekday week_start) {
    for (const auto& earlier : goal.earlier_targets) {
        if (week < week_containing(earlier.until, week_start)) {
            return earlier.target;
        }
    }
    return goal.target;
}

GoalChange change_target(Goal goal, int target, Date today, Weekday week_start) {
    const Week from = week_containing(today, week_start);
    const Week planned = planned_week(goal, week_start);
    if (goal.kind == Kind::weekly && planned < from) {
        // Weeks before `from` keep what they had; an earlier entry ending later is replaced.
        const int before_from = target_in(goal, from.plus(-1), week_start);
        auto& earlier = goal.earlier_targets;
        std::erase_if(earlier, [&](const EarlierTarget& e) {
            return week_containing(e.until, week_start) > from;
        });
        if (earlier.empty() || week_containing(earlier.back().until, week_start) < from) {
            earlier.push_back({today, before_from});
        }
    } else {
        goal.earlier_targets.clear(); // every week of the goal is from `from` on
    }
    goal.target = target;
    // An entry that holds the same target as the span after it says nothing.
    auto& earlier = goal.earlier_targets;
    for (std::size_t i = earlier.size(); i-- > 0;) {
        const int next = i + 1 < earlier.size() ? earlier[i + 1].target : goal.target;
        if (earlier[i].target == next) {
            earlier.erase(earlier.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }
    return GoalChange{.after = settled(std::move(goal))};
}

namespace {

int completions_between(const Goal& goal, Date from, Date to) {
    return static_cast<int>(
        std::count_if(goal.completions.begin(), goal.completions.end(),
                      [&](const Completion& c) { return from <= c.date && c.date <= to; }));
}

Placement place_once(const Goal& goal, Week week, Date today, Week planned) {
    Placement at;
    const bool closed_here = goal.closed && week.contains(*goal.closed);
    at.active = closed_here || (planned <= week && (!goal.closed || *goal.closed >= week.start));
    if (!at.active) {
        return at;
    }
    at.carried = planned < week;
    at.carried_weeks = at.carried ? weeks_between(planned, week) : 0;
    at.done_here = closed_here && goal.status == Status::done;
    at.let_go_here = closed_here && goal.status == Status::dropped;
    at.rolls_over = week.start <= today && (!goal.closed || *goal.closed > week.end());
    at.progress =
        goal.completions_before +
        static_cast<int>(std::count_if(goal.completions.begin(), goal.completions.end(),
                                       [&](const Completion& c) { return c.date <= week.end(); }));
    at.target = goal.target;
    return at;
}

Placement place_weekly(const Goal& goal, Week week, Week planned, Weekday week_start) {
    Placement at;
    const bool let_go = goal.status == Status::dropped && goal.closed;
    at.active = planned <= week && (!let_go || week <= week_containing(*goal.closed, week_start));
    if (!at.active) {
        return at;
    }
    at.progress = completions_between(goal, week.start, week.end());
    at.target = target_in(goal, week, week_start);
    at.done_here = at.progress >= at.target;
    at.let_go_here = let_go && week.contains(*goal.closed);
    return at;
}

} // namespace

Placement place(const Goal& goal, Week week, Date today, Weekday week_start) {
    const Week planned = planned_week(goal, week_start);
    return goal.kind == Kind::once ? place_once(goal, week, today, planned)
                                   : place_weekly(goal, week, planned, week_start);
}

Status status_in(const Goal& goal, Week week) {
    return goal.closed && *goal.closed <= week.end() ? goal.status : Status::open;
}

std::vector<Week> weeks_achieved(const Goal& goal, Weekday week_start) {
    std::vector<Week> candidates;
    if (goal.kind == Kind::once) {
        if (goal.status == Status::done && goal.closed) {
            candidates.push_back(week_containing(*goal.closed, week_start));
        }
    } else {
        for (const auto& c : goal.completions) {
            const Week w = week_containing(c.date, week_start);
            if (candidates.empty() || candidates.back() != w) {
                candidates.push_back(w);
            }
        }
    }
    std::vector<Week> achieved;
    for (const Week w : candidates) {
        // Nothing in the rules of achievement depends on today; the week's end stands for it.
        if (place(goal, w, w.end(), week_start).done_here) {
            achieved.push_back(w);
        }
    }
    return achieved;
}

std::optional<int> carried_weeks(const Goal& goal, Date today, Weekday week_start) {
    if (goal.kind != Kind::once) {
        return std::nullopt;
    }
    const Week planned = week_containing(goal.planned, week_start);
    const Week until = week_containing(goal.closed ? *goal.closed : today, week_start);
    return std::max(0, weeks_between(planned, until));
}

std::optional<int> average_tenths(long long sum, long long count) {
    if (count <= 0) {
        return std::nullopt;
    }
    // Round half up in integers: floor((20 * sum + count) / (2 * count)) for non-negative sums.
    return static_cast<int>((20 * sum + count) / (2 * count));
}

WeekSummary summarize(const History& history, Week week, Date today) {
    WeekSummary summary{.week = week};
    long long rating_sum = 0, ratings = 0;
    for (const auto& checkin : history.checkins) {
        if (week.contains(checkin_week_day(checkin.date))) {
            summary.checkins.push_back(&checkin);
            if (checkin.rating) {
                rating_sum += *checkin.rating;
                ++ratings;
            }
        }
    }
    summary.avg_rating_tenths = average_tenths(rating_sum, ratings);
    for (const auto& urge : history.urges) {
        if (week.contains(urge.date)) {
            summary.urges.push_back(&urge);
        }
    }
    for (const auto& goal : history.goals) {
        const Placement at = place(goal, week, today, history.week_start);
        if (!at.active) {
            continue;
        }
        summary.goals.push_back({&goal, at});
        ++summary.active;
        summary.done += at.done_here ? 1 : 0;
        if (goal.kind == Kind::once) {
            summary.rolled_over += at.rolls_over ? 1 : 0;
            summary.let_go += at.let_go_here ? 1 : 0;
        }
    }
    return summary;
}

std::vector<WeekSummary> summarize_weeks(const History& history, Week first, Week last,
                                         Date today) {
    std::vector<WeekSummary> weeks;
    for (Week w = first; w <= last; w = w.plus(1)) {
        weeks.push_back(WeekSummary{.week = w});
    }
    if (weeks.empty()) {
        return weeks;
    }
    const Weekday ws = history.week_start;
    std::vector<std::pair<long long, long long>> ratings(weeks.size());
    for (const auto& checkin : history.checkins) {
        const int i = weeks_between(first, checkin_week(checkin.date, ws));
        if (i >= 0 && i < static_cast<int>(weeks.size())) {
            weeks[static_cast<std::size_t>(i)].checkins.push_back(&checkin);
            if (checkin.rating) {
                ratings[static_cast<std::size_t>(i)].first += *checkin.rating;
                ++ratings[static_cast<std::size_t>(i)].second;
            }
        }
    }
    for (const auto& urge : history.urges) {
        const int i = weeks_between(first, week_containing(urge.date, ws));
        if (i >= 0 && i < static_cast<int>(weeks.size())) {
            weeks[static_cast<std::size_t>(i)].urges.push_back(&urge);
        }
    }
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        weeks[i].avg_rating_tenths = average_tenths(ratings[i].first, ratings[i].second);
    }
    for (const auto& goal : history.goals) {
        // The only weeks a goal can be active in (rules 2 and 4).
        Week from = week_containing(goal.planned, ws), to = last;
        if (goal.closed) {
            to = week_containing(*goal.closed, ws);
            from = std::min(from, to);
        }
        from = std::max(from, first);
        to = std::min(to, last);
        for (Week w = from; w <= to; w = w.plus(1)) {
            const Placement at = place(goal, w, today, ws);
            if (!at.active) {
                continue;
            }
            auto& summary = weeks[static_cast<std::size_t>(weeks_between(first, w))];
            summary.goals.push_back({&goal, at});
            ++summary.active;
            summary.done += at.done_here ? 1 : 0;
            if (goal.kind == Kind::once) {
                summary.rolled_over += at.rolls_over ? 1 : 0;
                summary.let_go += at.let_go_here ? 1 : 0;
            }
        }
    }
    return weeks;
}

std::vector<const Goal*> plan_ahead(const History& history, Week week, Date today) {
    std::vector<const Goal*> plan;
    const Week next = week.plus(1);
    for (const auto& goal : history.goals) {
        if (!place(goal, next, today, history.week_start).active) {
            continue;
        }
        const bool open_at_end =
            goal.kind == Kind::weekly || !goal.closed || *goal.closed > week.end();
        if (open_at_end) {
            plan.push_back(&goal);
        }
    }
    return plan;
}

} // namespace smartgoals
