// SPDX-License-Identifier: MIT
#include <smartgoals/review.hpp>

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace smartgoals {

bool Review::is_current() const {
    return week().contains(today);
}

std::string rolled_over_note(Week planned, int weeks) {
    std::string note;
    append_rolled_over_note(note, planned, weeks);
    return note;
}

void append_rolled_over_note(std::string& line, Week planned, int weeks) {
    line += "rolled over from the week of ";
    line += format_date(planned.start);
    line += " (";
    char count[16];
    line.append(count, std::to_chars(count, count + sizeof count, weeks).ptr);
    line += weeks == 1 ? " week)" : " weeks)";
}

std::string format_tenths(int tenths) {
    return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

namespace {

ReviewGoals classify(const Review& r) {
    ReviewGoals out;
    const Weekday ws = r.history->week_start;
    const bool past = !r.is_current() && !r.is_future();
    for (const auto& [goal, at] : r.summary.goals) {
        const ReviewGoal g{goal, at, at.carried_weeks};
        if (goal->kind == Kind::weekly) {
            out.weekly.push_back(g);
            if (at.done_here) {
                out.achieved.push_back(g);
            }
        } else if (at.done_here) {
            out.achieved.push_back(g);
        } else if (at.let_go_here) {
            out.let_go.push_back(g);
        } else if (at.rolls_over || r.is_future()) {
            // A past week's goal is counted as it arrives in the next week.
            const Week planned = planned_week(*goal, ws);
            out.rolling_over.push_back(
                {goal, at, past ? weeks_between(planned, r.week().plus(1)) : at.carried_weeks});
        }
    }
    // The longest carried first (SPEC §6: a long list stays readable from the top).
    std::stable_sort(
        out.rolling_over.begin(), out.rolling_over.end(),
        [](const ReviewGoal& a, const ReviewGoal& b) { return a.carried_weeks > b.carried_weeks; });
    return out;
}

// How many weeks the trend of `week` shows: at most `trend_weeks`, from the first week that
// holds a record; the reviewed week itself at least (none for --trend 0).
int trend_length(Week week, int trend_weeks, std::optional<Date> first_record, Weekday week_start) {
    if (trend_weeks <= 0 || !first_record) {
        return std::min(trend_weeks, 1);
    }
    const int since_first = weeks_between(week_containing(*first_record, week_start), week) + 1;
    return std::clamp(since_first, 1, trend_weeks);
}

} // namespace

Review build_review(History history, Week week, Date today, int trend_weeks, Totals totals) {
    Review review;
    review.today = today;
    review.history = std::make_unique<History>(std::move(history));
    review.summary = summarize(*review.history, week, today);
    review.goals = classify(review);
    review.urges = summarize_urges(review.summary.urges);
    review.plan = plan_ahead(*review.history, week, today);
    // The longest carried first (the earliest planned week), then in the order they were added.
    const Weekday ws = review.history->week_start;
    std::stable_sort(review.plan.begin(), review.plan.end(), [&](const Goal* a, const Goal* b) {
        const auto key = [&](const Goal* g) {
            return g->kind == Kind::once ? planned_week(*g, ws) : week.plus(1);
        };
        return key(a) < key(b);
    });
    for (int i = trend_weeks - 1; i >= 0; --i) {
        const auto summary = summarize(*review.history, week.plus(-i), today);
        review.trend.push_back({summary.week, summary.avg_rating_tenths,
                                static_cast<int>(summary.checkins.size()), summary.done,
                                static_cast<int>(summary.urges.size())});
    }
    review.totals = totals;
    return review;
}

Review build_review(Store& store, Week week, Date today, int trend_weeks,
                    std::optional<std::size_t> listed) {
    // The trend starts at the first week that holds any record (SPEC §4.1).
    trend_weeks = trend_length(week, trend_weeks, store.earliest_date(), store.week_start());
    const Date first = week.plus(-std::max(0, trend_weeks - 1)).start;
    const Date last = week.plus(1).end();
    auto totals = store.totals_through(week);
    totals.as_of = std::min(week.end(), today);
    // Every urge of the reviewed week is shown; the trend's earlier weeks need only a count.
    auto review = build_review(store.history_in_weeks(first, last, week.start, listed), week, today,
                               trend_weeks, totals);
    review.owner = store.setting("name").value_or("");
    review.abcs = store.abcs_between(week.start, week.end());
    for (auto& value : store.values(k_values_in_review)) {
        review.values.push_back(std::move(value.text));
    }
    const auto counts = store.urges_per_week(Week{first}, static_cast<int>(review.trend.size()));
    for (std::size_t i = 0; i < review.trend.size(); ++i) {
        review.trend[i].urges = counts[i];
    }
    return review;
}

} // namespace smartgoals
