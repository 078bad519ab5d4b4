// SPDX-License-Identifier: MIT
#include <smartgoals/review.hpp>
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace smartgoals {

namespace {

std::string goal_label(const Goal& goal) {
    std::string label = fmt::format("#{} {}", goal.id, goal.text);
    if (goal.area) {
        label += fmt::format(" [{}]", to_string(*goal.area));
    }
    return label;
}

constexpr std::size_t k_listed = k_review_listed;

// A past week speaks in the past tense; only the current week says "yet" or "so far" (§4.1).
bool is_past(const Review& r) {
    return !r.is_current() && !r.is_future();
}
std::string_view that_week(const Review& r) {
    return is_past(r) ? "that week" : "this week";
}

// Keeps the first k_listed items and says where the rest are; `unlisted` more were never
// loaded (History::carried_not_loaded).
void shorten(std::vector<std::string>& items, Week week, std::size_t unlisted = 0) {
    if (items.size() + unlisted <= k_listed) {
        return;
    }
    const auto more = items.size() + unlisted - k_listed;
    items.resize(k_listed);
    items.push_back(
        fmt::format("and {} more: smartgoals goal list --week {}", more, format_date(week.start)));
}

std::string times(int n) {
    return fmt::format("{} time{}", n, n == 1 ? "" : "s");
}
std::string plural(int n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

ReviewSection checkins(const Review& r) {
    ReviewSection s{"How the last seven days have been",
                    "",
                    {},
                    r.is_future() ? "No check-ins yet."
                    : is_past(r)  ? "No check-in that week."
                                  : "No check-in this week yet."};
    for (const auto* c : r.summary.checkins) {
        std::string text = format_date(c->date) + k_field_break;
        text += c->rating ? fmt::format("rated {}/10", *c->rating) : "(no rating)";
        if (!c->note.empty()) {
            text += k_field_break + shown(c->note); // its own control bytes shown now, as ^_
        }
        s.items.push_back(text);
    }
    return s;
}

std::vector<ReviewSection> goals(const Review& r) {
    ReviewSection achieved{"", "✓", {}, is_past(r) ? "None that week." : "None yet this week."},
        rolling{"", "→", {}, ""}, let_go{"", "·", {}, ""}, weekly{"Weekly goals", "", {}, ""};
    const Weekday ws = r.history->week_start;
    const bool past = is_past(r);
    for (const auto& [goal, at, carried] : r.goals.weekly) {
        weekly.items.push_back(fmt::format(
            "{} {}/{} {}{}{}", goal_label(*goal), at.progress, at.target, that_week(r),
            at.done_here ? ", achieved" : "", at.let_go_here ? ", let go that week" : ""));
    }
    for (const auto& [goal, at, carried] : r.goals.achieved) {
        const Week planned = planned_week(*goal, ws);
        std::string note;
        if (goal->kind == Kind::weekly) {
            note = fmt::format(" (weekly, {}/{})", at.progress, at.target);
        } else if (planned > r.week()) {
            note = fmt::format(" (done early: planned for the week of {})",
                               format_date(planned.start));
        } else if (at.carried) {
            note = fmt::format(" (after {} rolling over)", plural(carried, "week"));
        }
        achieved.items.push_back(goal_label(*goal) + note);
    }
    for (const auto& [goal, at, carried] : r.goals.let_go) {
        let_go.items.push_back(goal_label(*goal));
    }
    // The current (or a future) week lists what is still open; a past week what rolled over,
    // described as the next week's goal list describes it.
    const auto unlisted = static_cast<std::size_t>(r.history->carried_not_loaded);
    for (const auto& [goal, at, carried] : r.goals.rolling_over) {
        if (rolling.items.size() > k_listed) {
            break; // the rest are counted below, not shown
        }
        std::string line = goal_label(*goal);
        if (goal->target > 1) {
            line += fmt::format(" ({}/{})", at.progress, goal->target);
        }
        if (past || at.carried) {
            line += " — " + rolled_over_note(planned_week(*goal, ws), carried);
        }
        rolling.items.push_back(line);
    }
    achieved.title = fmt::format("Goals achieved ({})", achieved.items.size());
    const auto rolling_count = r.goals.rolling_over.size() + unlisted;
    rolling.title = past ? fmt::format("Rolled over into the next week ({})", rolling_count)
                         : fmt::format("Still open: they roll over to next week if not done ({})",
                                       rolling_count);
    let_go.title = fmt::format("Let go ({})", let_go.items.size());
    // What rolls over is in the next week's list (past), or this week's (current).
    shorten(rolling.items, past ? r.week().plus(1) : r.week(),
            unlisted + r.goals.rolling_over.size() - rolling.items.size());
    return {achieved, rolling, let_go, weekly};
}

ReviewSection urges(const Review& r) {
    const auto& u = r.urges;
    ReviewSection s{fmt::format("Urges ({})", u.count),
                    "",
                    {},
                    fmt::format("No urges logged {}.", that_week(r))};
    if (u.count == 0) {
        return s;
    }
    // Minutes are said only when some urge was logged with how long it lasted.
    s.items.push_back(fmt::format(
        "Strength: average {}, highest {}{}", format_tenths(*u.avg_intensity_tenths),
        *u.highest_intensity,
        u.timed > 0 ? fmt::format(". Time: {}", plural(u.total_minutes, "minute")) : ""));
    s.items.push_back(
        fmt::format("Rode it out {}, acted on it {}", times(u.rode_out), times(u.acted)));
    if (!u.strategies.empty()) {
        std::vector<std::string> parts;
        for (const auto& st : u.strategies) {
            parts.push_back(
                fmt::format("{} {} (rode it out {})", st.strategy, times(st.used), st.rode_out));
        }
        s.items.push_back(fmt::format("How you coped: {}", fmt::join(parts, "; ")));
    }
    if (!u.triggers.empty()) {
        std::vector<std::string> parts;
        for (const auto& t : u.triggers) {
            parts.push_back(fmt::format("{} ({})", t.trigger, t.count));
        }
        s.items.push_back(fmt::format("Most common triggers: {}", fmt::join(parts, ", ")));
    }
    return s;
}

// The week's ABCs (SPEC §6.2): each by its effective new belief, or its event while the new
// belief is still to come; no section in a week without one.
ReviewSection abcs(const Review& r) {
    ReviewSection s{fmt::format("ABCs ({})", r.abcs.size()), "", {}, ""};
    for (const auto& a : r.abcs) {
        s.items.push_back(
            a.effective.empty()
                ? fmt::format("{}: {} (a new belief still to come)", format_date(a.date), a.event)
                : fmt::format("{}: {}", format_date(a.date), a.effective));
    }
    return s;
}

ReviewSection totals(const Review& r) {
    const auto& t = r.totals;
    return {fmt::format("{} (to {})", is_past(r) ? "By the end of that week" : "So far",
                        format_date(t.as_of)),
            "",
            {fmt::format("Goals achieved: {}   Weeks checked in: {}   Check-ins: {}",
                         t.goals_achieved, t.weeks_checked_in, t.checkins),
             fmt::format("Urges logged: {}   Ridden out: {}", t.urges_logged, t.urges_ridden_out)},
            ""};
}

// The week's numbers beside the totals to date, each as the sections below say it.
void at_a_glance(const Review& r, ReviewDocument& doc) {
    const auto& t = r.totals;
    const auto n = [](auto count) { return std::to_string(count); };
    doc.summary_week = r.is_current() ? "This week" : "That week";
    doc.summary_to_date = fmt::format("To {}", format_date(t.as_of));
    const auto& s = r.summary;
    doc.summary = {
        {"Check-ins", n(s.checkins.size()), n(t.checkins)},
        {"Average rating", s.avg_rating_tenths ? format_tenths(*s.avg_rating_tenths) : "–", ""},
        {"Weeks checked in", "", n(t.weeks_checked_in)},
        {"Goals achieved", n(r.goals.achieved.size()), n(t.goals_achieved)},
        {is_past(r) ? "Rolled over" : "Still open",
         n(r.goals.rolling_over.size() + static_cast<std::size_t>(r.history->carried_not_loaded)),
         ""},
        {"Let go", n(r.goals.let_go.size()), ""},
        {"Urges logged", n(r.urges.count), n(t.urges_logged)},
        {"Ridden out", n(r.urges.rode_out), n(t.urges_ridden_out)},
    };
}

ReviewSection plan(const Review& r) {
    const Week next = r.week().plus(1);
    ReviewSection s{fmt::format("The seven days ahead ({} to {})", format_date(next.start),
                                format_date(next.end())),
                    "",
                    {},
                    "No goals yet. Add one with: smartgoals goal add \"...\" --week " +
                        format_date(next.start)};
    for (const auto* goal : r.plan) {
        if (s.items.size() > k_listed) {
            break; // the rest are counted below, not shown
        }
        const Week planned = week_containing(goal->planned, r.history->week_start);
        std::string note;
        if (goal->kind == Kind::weekly) {
            note = fmt::format(" (every week, {})",
                               times(target_in(*goal, next, r.history->week_start)));
        } else if (planned < next) {
            note = " — " + rolled_over_note(planned, weeks_between(planned, next));
        } else if (goal->target > 1) {
            note = fmt::format(" ({} times)", goal->target);
        }
        s.items.push_back(goal_label(*goal) + note);
    }
    // Every goal carried into the review's window is open, so each is in the week ahead too.
    shorten(s.items, next,
            static_cast<std::size_t>(r.history->carried_not_loaded) + r.plan.size() -
                s.items.size());
    return s;
}

} // namespace

std::string with_field_breaks(std::string_view item, std::string_view between) {
    std::string out;
    for (char c : item) {
        if (c == k_field_break) {
            out += between;
        } else {
            out += c;
        }
    }
    return out;
}

ReviewDocument layout_review(const Review& r) {
    const Week w = r.week();
    const Week current = week_containing(r.today, r.history->week_start);
    const char* when = r.is_current()          ? " (this week)"
                       : r.is_future()         ? " (ahead)"
                       : w == current.plus(-1) ? " (the week just ended)"
                                               : "";
    ReviewDocument doc;
    doc.heading = fmt::format("{}eek of {} to {}{}", r.owner.empty() ? "W" : r.owner + ": w",
                              format_date(w.start), format_date(w.end()), when);
    if (!r.values.empty()) {
        // Commas part them, unless a value holds one of its own.
        const bool commas = std::none_of(r.values.begin(), r.values.end(), [](const auto& v) {
            return v.find(',') != std::string::npos;
        });
        std::string listed;
        for (const auto& value : r.values) {
            listed += (listed.empty() ? "" : commas ? ", " : "; ") + shown(value);
        }
        doc.values = "What matters to me: " + listed;
    }
    at_a_glance(r, doc);
    doc.sections = {checkins(r)};
    doc.trend = r.trend;
    doc.totals = totals(r);
    doc.closing = {plan(r)};
    for (auto& s : goals(r)) {
        doc.sections.push_back(std::move(s));
    }
    doc.sections.push_back(urges(r));
    doc.sections.push_back(abcs(r));
    // A member's words are shown, never obeyed, in every format made from this layout.
    const auto show = [](ReviewSection& section) {
        section.title = shown(section.title);
        for (auto& item : section.items) {
            std::string whole;
            for (std::size_t from = 0;;) {
                const auto to = item.find(k_field_break, from);
                whole += shown(std::string_view(item).substr(from, to - from));
                if (to == std::string::npos) {
                    break;
                }
                whole += k_field_break;
                from = to + 1;
            }
            item = std::move(whole);
        }
    };
    for (auto* list : {&doc.sections, &doc.closing}) {
        std::for_each(list->begin(), list->end(), show);
    }
    show(doc.totals);
    return doc;
}

} // namespace smartgoals
