// SPDX-License-Identifier: MIT
#include <smartgoals/review.hpp>
#include <smartgoals/text_width.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace smartgoals {

namespace {

constexpr int k_width = 80;

class Printer {
public:
    Printer(std::ostream& out, TextStyle style) : m_out(out), m_style(style) {}

    void heading(std::string_view text) { m_out << '\n' << paint("1", text) << '\n'; }
    // An item, wrapped to 80 columns with following lines indented under its text.
    void line(std::string_view text) {
        const auto lines = wrap_to_width(text, k_width - 4);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            m_out << (i ? "    " : "  ") << lines[i] << '\n';
        }
    }
    std::string paint(std::string_view code, std::string_view text) const {
        return m_style.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }
    std::ostream& out() { return m_out; }

private:
    std::ostream& m_out;
    TextStyle m_style;
};

std::string goal_label(const Goal& goal) {
    std::string label = fmt::format("#{} {}", goal.id, goal.text);
    if (goal.area) {
        label += fmt::format(" [{}]", to_string(*goal.area));
    }
    return label;
}

std::string tenths(int value) {
    return fmt::format("{}.{}", value / 10, value % 10);
}

std::string bar(int value, int max, int width) {
    const int cells = max <= 0 ? 0 : (value * width + max - 1) / max;
    std::string out;
    for (int i = 0; i < cells; ++i) {
        out += "▇";
    }
    return pad_to_width(out, width);
}

void print_checkins(Printer& p, const Review& r) {
    p.heading("How the last seven days have been");
    if (r.summary.checkins.empty()) {
        p.line(r.is_future() ? "No check-ins yet." : "No check-in this week.");
    }
    for (const auto* c : r.summary.checkins) {
        std::string text = format_date(c->date);
        text += c->rating ? fmt::format("  rated {}/10", *c->rating) : "  (no rating)";
        if (!c->note.empty()) {
            text += "  " + c->note;
        }
        p.line(text);
    }
}

void print_goals(Printer& p, const Review& r) {
    std::vector<std::string> achieved, rolling, let_go, weekly;
    const Weekday ws = r.history->week_start;
    for (const auto& [goal, at] : r.summary.goals) {
        const Week planned = week_containing(goal->planned, ws);
        if (goal->kind == Kind::weekly) {
            weekly.push_back(fmt::format("{} {}/{} this week{}{}", goal_label(*goal), at.progress,
                                         goal->target, at.done_here ? ", achieved" : "",
                                         at.let_go_here ? ", let go this week" : ""));
            if (at.done_here) {
                achieved.push_back(fmt::format("{} (weekly, {}/{})", goal_label(*goal), at.progress,
                                               goal->target));
            }
            continue;
        }
        if (at.done_here) {
            std::string note;
            if (planned > r.week()) {
                note = fmt::format(" (done early: planned for the week of {})",
                                   format_date(planned.start));
            } else if (at.carried) {
                note = fmt::format(" (after {} week{} rolling over)", at.carried_weeks,
                                   at.carried_weeks == 1 ? "" : "s");
            }
            achieved.push_back(goal_label(*goal) + note);
        } else if (at.let_go_here) {
            let_go.push_back(goal_label(*goal));
        } else if (at.rolls_over || r.is_future()) {
            // The current (or a future) week lists what is still open; a past week what rolled
            // over, described as the next week's goal list describes it.
            const bool past = !r.is_current() && !r.is_future();
            std::string line = goal_label(*goal);
            if (goal->target > 1) {
                line += fmt::format(" ({}/{})", at.progress, goal->target);
            }
            if (past) {
                line += " — " + rolled_over_note(planned, weeks_between(planned, r.week().plus(1)));
            } else if (at.carried) {
                line += " — " + rolled_over_note(planned, at.carried_weeks);
            }
            rolling.push_back(line);
        }
    }
    p.heading(fmt::format("Goals achieved ({})", achieved.size()));
    if (achieved.empty()) {
        p.line("None yet this week.");
    }
    for (const auto& line : achieved) {
        p.line(p.paint("32", "✓") + " " + line);
    }
    if (!rolling.empty()) {
        p.heading(r.is_current() || r.is_future()
                      ? fmt::format("Still open: they roll over to next week if not done ({})",
                                    rolling.size())
                      : fmt::format("Rolled over into the next week ({})", rolling.size()));
        for (const auto& line : rolling) {
            p.line("→ " + line);
        }
    }
    if (!let_go.empty()) {
        p.heading(fmt::format("Let go ({})", let_go.size()));
        for (const auto& line : let_go) {
            p.line("· " + line);
        }
    }
    if (!weekly.empty()) {
        p.heading("Weekly goals");
        for (const auto& line : weekly) {
            p.line(line);
        }
    }
}

std::string times(int n) {
    return fmt::format("{} time{}", n, n == 1 ? "" : "s");
}

void print_urges(Printer& p, const Review& r) {
    const auto& u = r.urges;
    p.heading(fmt::format("Urges ({})", u.count));
    if (u.count == 0) {
        p.line("No urges logged this week.");
        return;
    }
    p.line(fmt::format("Strength: average {}, highest {}   Time: {} minute{}",
                       tenths(*u.avg_intensity_tenths), *u.highest_intensity, u.total_minutes,
                       u.total_minutes == 1 ? "" : "s"));
    p.line(fmt::format("Rode it out {}, acted on it {}", times(u.rode_out), times(u.acted)));
    if (!u.strategies.empty()) {
        std::vector<std::string> parts;
        for (const auto& s : u.strategies) {
            parts.push_back(
                fmt::format("{} {} (rode it out {})", s.strategy, times(s.used), s.rode_out));
        }
        p.line(fmt::format("How you coped: {}", fmt::join(parts, "; ")));
    }
    if (!u.triggers.empty()) {
        std::vector<std::string> parts;
        for (const auto& t : u.triggers) {
            parts.push_back(fmt::format("{} ({})", t.trigger, t.count));
        }
        p.line(fmt::format("Most common triggers: {}", fmt::join(parts, ", ")));
    }
}

void print_trend(Printer& p, const Review& r) {
    if (r.trend.empty()) {
        return;
    }
    p.heading(fmt::format("The last {} week{}", r.trend.size(), r.trend.size() == 1 ? "" : "s"));
    int most_done = 1, most_urges = 1;
    for (const auto& t : r.trend) {
        most_done = std::max(most_done, t.goals_achieved);
        most_urges = std::max(most_urges, t.urges);
    }
    p.line(fmt::format("{:<12}{:<17}{:<14}{}", "week of", "rating", "achieved", "urges"));
    for (const auto& t : r.trend) {
        const std::string rating = t.avg_rating_tenths ? bar(*t.avg_rating_tenths, 100, 10) + " " +
                                                             tenths(*t.avg_rating_tenths)
                                                       : pad_to_width("", 11) + "-";
        p.line(fmt::format(
            "{:<12}{}{}{}", format_date(t.week.start), pad_to_width(rating, 17),
            pad_to_width(
                fmt::format("{} {}", bar(t.goals_achieved, most_done, 8), t.goals_achieved), 14),
            fmt::format("{} {}", bar(t.urges, most_urges, 8), t.urges)));
    }
}

void print_totals(Printer& p, const Review& r) {
    p.heading(fmt::format("So far (to {})", format_date(r.totals.as_of)));
    p.line(fmt::format("Goals achieved: {}   Weeks checked in: {}   Check-ins: {}",
                       r.totals.goals_achieved, r.totals.weeks_checked_in, r.totals.checkins));
    p.line(fmt::format("Urges logged: {}   Ridden out: {}", r.totals.urges_logged,
                       r.totals.urges_ridden_out));
}

void print_plan(Printer& p, const Review& r) {
    const Week next = r.week().plus(1);
    p.heading(fmt::format("The seven days ahead ({} to {})", format_date(next.start),
                          format_date(next.end())));
    if (r.plan.empty()) {
        p.line("No goals yet. Add one with: smartgoals goal add \"...\" --week " +
               format_date(next.start));
    }
    for (const auto* goal : r.plan) {
        const Week planned = week_containing(goal->planned, r.history->week_start);
        std::string note;
        if (goal->kind == Kind::weekly) {
            note =
                fmt::format(" (every week, {} time{})", goal->target, goal->target == 1 ? "" : "s");
        } else if (planned < next) {
            note = " — " + rolled_over_note(planned, weeks_between(planned, next));
        } else if (goal->target > 1) {
            note = fmt::format(" ({} times)", goal->target);
        }
        p.line(goal_label(*goal) + note);
    }
}

} // namespace

void render_text(const Review& review, std::ostream& out, TextStyle style) {
    Printer p(out, style);
    const Week w = review.week();
    const char* when = review.is_current() ? " (this week)" : review.is_future() ? " (ahead)" : "";
    out << p.paint("1", fmt::format("Week of {} to {}{}", format_date(w.start),
                                    format_date(w.end()), when))
        << '\n';
    print_checkins(p, review);
    print_goals(p, review);
    print_urges(p, review);
    print_trend(p, review);
    print_totals(p, review);
    print_plan(p, review);
}

} // namespace smartgoals
