// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/review.hpp>
#include <smartgoals/rules.hpp>
#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

constexpr int k_max_times = 99;

struct GoalAddOptions {
    std::string text;
    std::string week = "this";
    std::string area;
    int times = 1;
    bool every_week = false;
};

struct GoalDoneOptions {
    std::string id;
    std::string date;
    std::string note;
};

struct GoalEditOptions {
    std::string id;
    std::optional<std::string> text;
    std::optional<std::string> area;
    std::optional<int> times;
};

struct GoalListOptions {
    std::string week = "this";
    bool all = false;
};

std::optional<Area> parse_area_option(const std::string& text, bool allow_none) {
    if (allow_none && text == "none") {
        return std::nullopt;
    }
    if (auto area = parse_area(text)) {
        return area;
    }
    throw UsageError(fmt::format("--area: '{}' is not one of SMART's four points: motivation, "
                                 "urges, thoughts, balance{}",
                                 text, allow_none ? " (or none to clear it)" : ""));
}

int checked_times(int times) {
    if (times < 1 || times > k_max_times) {
        throw UsageError(
            fmt::format("--times: {} is out of range; use 1 to {}", times, k_max_times));
    }
    return times;
}

Goal existing_goal(Store& store, const std::string& id_text) {
    const auto id = parse_id(id_text, "ID");
    // Without its completions: a goal kept for years has many, and the checks need none.
    auto goal = store.goal_without_completions(id);
    if (!goal) {
        throw UsageError(
            fmt::format("there is no goal #{}; 'smartgoals goal list --all' shows them all", id));
    }
    return std::move(*goal);
}

std::string progress_text(const Goal& goal, int progress) {
    return goal.target > 1 ? fmt::format(" ({}/{})", progress, goal.target) : "";
}

void run_add(const GoalAddOptions& o, Context& ctx) {
    Goal goal;
    goal.text = required_text(o.text, "the goal's text");
    goal.area = o.area.empty() ? std::nullopt : parse_area_option(o.area, false);
    goal.target = checked_times(o.times);
    goal.kind = o.every_week ? Kind::weekly : Kind::once;
    goal.created = ctx.timestamp();
    auto store = ctx.open(Store::Mode::write);
    const Weekday ws = store.week_start();
    goal.planned = planned_date(o.week, ctx.today, ws);
    store.add_goal(goal);
    store.commit();
    ctx.out << goal.id << '\n';
    ctx.say(fmt::format("Added goal #{}{} for the week of {}.", goal.id,
                        goal.kind == Kind::weekly ? " (every week)" : "",
                        format_date(week_containing(goal.planned, ws).start)));
}

void run_done(const GoalDoneOptions& o, Context& ctx) {
    const Date date = o.date.empty() ? ctx.today : date_not_in_future(o.date, "--date", ctx.today);
    auto store = ctx.open(Store::Mode::write);
    const Goal goal = existing_goal(store, o.id);
    const Weekday ws = store.week_start();
    if (goal.status == Status::dropped) {
        throw UsageError(fmt::format("goal #{} was let go on {}; take it back first with "
                                     "'smartgoals goal reopen {}'",
                                     goal.id, format_date(*goal.closed), goal.id));
    }
    if (goal.status == Status::done) {
        ctx.say(fmt::format("Goal #{} is already done (on {}); nothing changed.", goal.id,
                            format_date(*goal.closed)));
        return;
    }
    const Week planned = week_containing(goal.planned, ws);
    if (goal.kind == Kind::weekly && date < planned.start) {
        throw UsageError(fmt::format("--date: {} is before goal #{} began (it is weekly from the "
                                     "week of {})",
                                     format_date(date), goal.id, format_date(planned.start)));
    }
    Completion completion{.goal_id = goal.id, .date = date, .note = o.note};
    store.add_completion(completion);
    const Week week = week_containing(date, ws);
    const Goal after = *store.goal_between(goal.id, week.start, week.end());
    store.commit();
    if (after.kind == Kind::weekly) {
        const auto at = place(after, week, ctx.today, ws);
        ctx.say(fmt::format("Recorded for goal #{}: {}/{} in the week of {}{}", goal.id,
                            at.progress, goal.target, format_date(week.start),
                            at.done_here ? " — achieved." : "."));
    } else if (after.status == Status::done) {
        ctx.say(fmt::format("Goal #{} achieved{}. Well done.", goal.id,
                            progress_text(after, static_cast<int>(after.completions.size()))));
    } else {
        ctx.say(fmt::format("Recorded for goal #{}: {} of {} so far.", goal.id,
                            after.completions.size(), goal.target));
    }
}

void run_drop(const std::string& id, Context& ctx) {
    auto store = ctx.open(Store::Mode::write);
    const Goal goal = existing_goal(store, id);
    if (goal.status == Status::dropped) {
        ctx.say(fmt::format("Goal #{} was already let go; nothing changed.", goal.id));
        return;
    }
    if (goal.status == Status::done) {
        throw UsageError(fmt::format("goal #{} is done; to let it go instead, reopen it first "
                                     "with 'smartgoals goal reopen {}'",
                                     goal.id, goal.id));
    }
    store.let_go(goal.id, ctx.today);
    store.commit();
    ctx.say(fmt::format("Let go of goal #{}. 'smartgoals goal reopen {}' takes it back.", goal.id,
                        goal.id));
}

void run_reopen(const std::string& id, Context& ctx) {
    auto store = ctx.open(Store::Mode::write);
    const Goal goal = existing_goal(store, id);
    if (goal.status == Status::open) {
        ctx.say(fmt::format("Goal #{} is already open; nothing changed.", goal.id));
        return;
    }
    if (goal.status == Status::dropped) {
        store.clear_let_go(goal.id);
    } else {
        // Rule 5: take back the completion that closed it (the one that reached the target).
        const Goal done = *store.goal(goal.id);
        store.remove_completion(done.completions.at(static_cast<std::size_t>(goal.target - 1)).id);
    }
    store.commit();
    ctx.say(fmt::format("Goal #{} is open again.", goal.id));
}

void run_edit(const GoalEditOptions& o, Context& ctx) {
    if (!o.text && !o.area && !o.times) {
        throw UsageError("goal edit needs something to change: --text, --area or --times");
    }
    const auto text = o.text ? std::optional(required_text(*o.text, "--text")) : std::nullopt;
    // The outer optional says whether to change the area; the inner one may clear it.
    std::optional<std::optional<Area>> area;
    if (o.area) {
        area = parse_area_option(*o.area, true);
    }
    const auto times = o.times ? std::optional(checked_times(*o.times)) : std::nullopt;
    auto store = ctx.open(Store::Mode::write);
    const Goal goal = existing_goal(store, o.id);
    if (text) {
        store.update_goal_text(goal.id, *text);
    }
    if (area) {
        store.update_goal_area(goal.id, *area);
    }
    if (times) {
        store.update_goal_target(goal.id, *times);
    }
    const Goal after = *store.goal_without_completions(goal.id);
    store.commit();
    std::string note;
    if (after.status != goal.status) {
        note = after.status == Status::done ? " It is now achieved." : " It is open again.";
    }
    ctx.say(fmt::format("Changed goal #{}.{}", goal.id, note));
}

std::string status_mark(const Goal& goal, const Placement& at) {
    if (goal.kind == Kind::weekly) {
        return at.done_here ? "[x]" : "[ ]";
    }
    switch (goal.status) {
    case Status::done:
        return "[x]";
    case Status::dropped:
        return "[-]";
    case Status::open:
        break;
    }
    return "[ ]";
}

void print_goal_line(Context& ctx, const Goal& goal, const Placement& at, Weekday ws, bool all) {
    std::vector<std::string> notes;
    const Week planned = week_containing(goal.planned, ws);
    if (goal.area) {
        notes.emplace_back(to_string(*goal.area));
    }
    if (goal.kind == Kind::weekly) {
        notes.push_back(all ? fmt::format("every week from {}, {} time{}",
                                          format_date(planned.start), goal.target,
                                          goal.target == 1 ? "" : "s")
                            : fmt::format("weekly, {}/{} this week", at.progress, goal.target));
    } else {
        if (all) {
            notes.push_back("week of " + format_date(planned.start));
        }
        if (goal.target > 1) {
            notes.push_back(fmt::format("{}/{}", at.progress, goal.target));
        }
        if (!all && at.carried && goal.status == Status::open) {
            notes.push_back(rolled_over_note(planned, at.carried_weeks));
        }
    }
    if (goal.status == Status::done) {
        notes.push_back("done " + format_date(*goal.closed));
    } else if (goal.status == Status::dropped) {
        notes.push_back("let go " + format_date(*goal.closed));
    }
    std::string line =
        fmt::format("{:>4} {} {}", fmt::format("#{}", goal.id), status_mark(goal, at), goal.text);
    for (const auto& n : notes) {
        line += "  · " + n;
    }
    ctx.out << line << '\n';
}

void run_list(const GoalListOptions& o, Context& ctx) {
    auto store = ctx.open(Store::Mode::read);
    const Weekday ws = store.week_start();
    if (o.all) {
        const auto goals = store.all_goals();
        for (const auto& goal : goals) {
            const Week shown = week_containing(ctx.today, ws);
            print_goal_line(ctx, goal, place(goal, shown, ctx.today, ws), ws, true);
        }
        if (goals.empty()) {
            ctx.say("No goals yet. Add one with: smartgoals goal add \"Walk once a week\"");
        }
        return;
    }
    const Week week = parse_week(o.week, ctx.today, ws);
    const History history = store.goals_between(week.start, week.end());
    const auto summary = summarize(history, week, ctx.today);
    ctx.out << fmt::format("Goals for the week of {} to {}\n", format_date(week.start),
                           format_date(week.end()));
    for (const auto& [goal, at] : summary.goals) {
        print_goal_line(ctx, *goal, at, ws, false);
    }
    if (summary.goals.empty()) {
        ctx.out << "  No goals for this week yet.\n";
    }
}

} // namespace

void register_goal(CLI::App& app, Action& action) {
    auto* goal =
        app.add_subcommand("goal", "Add, complete, let go, take back, edit and list goals");
    goal->require_subcommand(1);
    goal->fallthrough();
    goal->footer(R"(
Examples:
  smartgoals goal add "Call my sister" --area balance
  smartgoals goal add "Walk" --every-week --times 3
  smartgoals goal done 2 --note "Went round the park"
  smartgoals goal list --week last)");

    auto add = std::make_shared<GoalAddOptions>();
    auto* a = goal->add_subcommand("add", "Add a goal and print its id");
    a->add_option("text", add->text, "What you plan to do, in your words")->required();
    a->add_option("--week", add->week,
                  "The week it is for: this (default), next, last, -N, "
                  "YYYY-MM-DD or YYYY-Www");
    a->add_option("--area", add->area,
                  "One of SMART's four points: motivation, urges, thoughts, "
                  "balance");
    a->add_option("--times", add->times, "How many times in the week (default 1)");
    a->add_flag("--every-week", add->every_week, "A weekly goal: a fresh start every week");
    a->footer(R"(
Examples:
  smartgoals goal add "Go to the art group" --area balance
  smartgoals goal add "Walk" --every-week --times 3
  smartgoals goal add --week next "Look for volunteer work"
  smartgoals goal add -- "-1 coffee a day")");
    a->callback([&action, add] { action = [add](Context& ctx) { run_add(*add, ctx); }; });

    auto done = std::make_shared<GoalDoneOptions>();
    auto* d = goal->add_subcommand("done", "Record that you did it (one completion)");
    d->add_option("id", done->id, "The goal's id")->required();
    d->add_option("--date", done->date, "When (YYYY-MM-DD; default today; never in the future)");
    d->add_option("--note", done->note, "A few words about it");
    d->footer("\nExamples:\n  smartgoals goal done 3\n  smartgoals goal done 3 --date 2026-11-20 "
              "--note \"With a friend\"");
    d->callback([&action, done] { action = [done](Context& ctx) { run_done(*done, ctx); }; });

    auto drop_id = std::make_shared<std::string>();
    auto* dr = goal->add_subcommand("drop", "Let a goal go (it stays in your history)");
    dr->add_option("id", *drop_id, "The goal's id")->required();
    dr->footer("\nExample:\n  smartgoals goal drop 3");
    dr->callback(
        [&action, drop_id] { action = [drop_id](Context& ctx) { run_drop(*drop_id, ctx); }; });

    auto reopen_id = std::make_shared<std::string>();
    auto* r = goal->add_subcommand("reopen", "Take back a goal that was done or let go");
    r->add_option("id", *reopen_id, "The goal's id")->required();
    r->footer("\nExample:\n  smartgoals goal reopen 3");
    r->callback([&action, reopen_id] {
        action = [reopen_id](Context& ctx) { run_reopen(*reopen_id, ctx); };
    });

    auto edit = std::make_shared<GoalEditOptions>();
    auto* e = goal->add_subcommand("edit", "Change a goal's text, area or times a week");
    e->add_option("id", edit->id, "The goal's id")->required();
    e->add_option("--text", edit->text, "New text");
    e->add_option("--area", edit->area, "New area (motivation, urges, thoughts, balance, none)");
    e->add_option("--times", edit->times, "New target count");
    e->footer("\nExamples:\n  smartgoals goal edit 3 --text \"Call my sister on Sunday\"\n"
              "  smartgoals goal edit 4 --times 2");
    e->callback([&action, edit] { action = [edit](Context& ctx) { run_edit(*edit, ctx); }; });

    auto list = std::make_shared<GoalListOptions>();
    auto* l = goal->add_subcommand("list", "The goals of a week; rolled-over ones marked");
    l->add_option("--week", list->week, "this (default), last, next, -N, YYYY-MM-DD, YYYY-Www");
    l->add_flag("--all", list->all, "Every goal, whatever its week");
    l->footer("\nExamples:\n  smartgoals goal list\n  smartgoals goal list --week last\n"
              "  smartgoals goal list --all");
    l->callback([&action, list] { action = [list](Context& ctx) { run_list(*list, ctx); }; });
}

} // namespace smartgoals::cli
