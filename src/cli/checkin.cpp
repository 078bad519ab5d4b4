// SPDX-License-Identifier: MIT
#include "cli/context.hpp"
#include "cli/terminal.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/rules.hpp>
#include <smartgoals/uuid.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

struct CheckinOptions {
    std::optional<int> rating;
    std::optional<std::string> note;
    std::string date;
};

// What the meeting rhythm collects before anything is written.
struct Meeting {
    Checkin checkin;
    std::vector<std::int64_t> goals_done;
    std::vector<std::string> goals_ahead;
};

Meeting walk_through(Context& ctx, Store& store, Date date) {
    Meeting m;
    ctx.err << fmt::format("Check-in for {}.\n\n", format_date(date));
    m.checkin.rating =
        ask_number(ctx, "How have the last seven days been, from 1 to 10? (Enter to skip) ", 1, 10);
    m.checkin.note =
        ask(ctx, "A few words about them, successes and challenges (Enter to skip): ").value_or("");

    const Weekday ws = store.week_start();
    const Week week = week_containing(date, ws);
    const History history = store.goals_in_weeks(week.start, week.end());
    std::vector<const Goal*> open;
    for (const auto& [goal, at] : summarize(history, week, date).goals) {
        if (goal->status == Status::open && !(goal->kind == Kind::weekly && at.done_here)) {
            open.push_back(goal);
        }
    }
    if (!open.empty()) {
        ctx.err << "\nYour open goals. Done? y = yes, n = not yet, s = skip\n";
    }
    for (const auto* goal : open) {
        if (ask_yes_no_skip(ctx, fmt::format("  #{} {}  [y/n/s] ", goal->id, goal->text)) == 'y') {
            m.goals_done.push_back(goal->id);
        }
    }
    ctx.err << "\nGoals for the seven days ahead, one per line (an empty line to finish):\n";
    while (true) {
        const auto text = ask(ctx, "  > ");
        if (!text || text->empty()) {
            break;
        }
        m.goals_ahead.push_back(*text);
    }
    return m;
}

// The options checked, then the meeting walked through on a terminal: all before the write.
void prepare_checkin(const CheckinOptions& o, Meeting& m, Context& ctx) {
    if (o.rating && (*o.rating < 1 || *o.rating > 10)) {
        throw UsageError(fmt::format("--rating: {} is out of range; use 1 to 10", *o.rating));
    }
    const Date date = o.date.empty() ? ctx.today : date_not_in_future(o.date, "--date", ctx.today);
    const bool walk = !o.rating && !o.note;
    if (walk && !ctx.interactive) {
        throw UsageError("checkin needs --rating 1-10 and/or --note TEXT when it is not run on a "
                         "terminal");
    }
    if (walk) {
        m = walk_through(ctx, ctx.store(), date);
    } else {
        m.checkin.rating = o.rating;
        m.checkin.note = o.note ? required_text(*o.note, "--note") : "";
    }
    m.checkin.date = date;
    m.checkin.uuid = new_uuid();
    m.checkin.created = ctx.timestamp();
}

void run_checkin(Meeting& m, Context& ctx) {
    const Date date = m.checkin.date;
    const bool nothing_said = !m.checkin.rating && m.checkin.note.empty();
    Store& store = ctx.store();
    if (!nothing_said) {
        store.add_checkin(m.checkin);
    }
    const Weekday ws = store.week_start();
    for (const auto id : m.goals_done) {
        // A goal closed meanwhile, in another terminal, is left as it is.
        if (auto goal = store.goal_for_week(id, week_containing(date, ws))) {
            auto change = record_completion(std::move(*goal), Completion{.date = date}, ws);
            if (change.answer == Answer::changed) {
                store.save(change);
            }
        }
    }
    for (const auto& text : m.goals_ahead) {
        Goal goal{.text = text, .planned = date, .created = ctx.timestamp()};
        store.add_goal(goal);
    }
    const Week week = week_containing(date, ws);
    if (nothing_said) {
        ctx.say("No rating or words given, so no check-in was recorded.");
    } else {
        ctx.say(fmt::format("Checked in for the week of {}.", format_date(week.start)));
    }
    if (!m.goals_done.empty()) {
        ctx.say(fmt::format("Recorded {} goal{} done.", m.goals_done.size(),
                            m.goals_done.size() == 1 ? "" : "s"));
    }
    if (!m.goals_ahead.empty()) {
        ctx.say(fmt::format("Added {} goal{} for the seven days ahead.", m.goals_ahead.size(),
                            m.goals_ahead.size() == 1 ? "" : "s"));
    }
}

Action checkin_action(std::shared_ptr<CheckinOptions> options) {
    auto meeting = std::make_shared<Meeting>();
    return {
        .needs = Needs::write,
        .run = [meeting](Context& ctx) { run_checkin(*meeting, ctx); },
        .prepare = [options, meeting](Context& ctx) { prepare_checkin(*options, *meeting, ctx); }};
}

} // namespace

void register_checkin(CLI::App& app, Action& action) {
    auto options = std::make_shared<CheckinOptions>();
    auto* c = app.add_subcommand("checkin", "Record how the last seven days have been");
    c->add_option("--rating", options->rating, "The last seven days, from 1 to 10");
    c->add_option("--note", options->note, "A few words: successes and challenges");
    c->add_option("--date", options->date, "The day of the check-in (default today)");
    c->footer(R"(
With no options on a terminal, it walks through the meeting: rate the last
seven days, go through your open goals, then set goals for the seven days ahead.

Examples:
  smartgoals checkin
  smartgoals checkin --rating 7 --note "Busy, but I kept my walks")");
    c->callback([&action, options] { action = checkin_action(options); });
}

} // namespace smartgoals::cli
