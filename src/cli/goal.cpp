// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/review.hpp>
#include <smartgoals/rules.hpp>
#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
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
    std::optional<std::string> week;
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

std::int64_t existing_goal_id(Store& store, const std::string& id_text) {
    const auto id = parse_id(id_text, "ID");
    if (!store.goal_without_completions(id)) {
        throw UsageError(
            fmt::format("there is no goal #{}; 'smartgoals goal list --all' shows them all", id));
    }
    return id;
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
    Store& store = ctx.store();
    const Weekday ws = store.week_start();
    goal.planned = planned_date(o.week, ctx.today, ws);
    store.add_goal(goal);
    ctx.out << goal.id << '\n';
    ctx.say(fmt::format("Added goal #{}{} for the week of {}.", goal.id,
                        goal.kind == Kind::weekly ? " (every week)" : "",
                        format_date(planned_week(goal, ws).start)));
}

[[noreturn]] void refuse_let_go(const Goal& goal) {
    throw UsageError(fmt::format("goal #{} was let go on {}; take it back first with "
                                 "'smartgoals goal reopen {}'",
                                 goal.id, format_date(*goal.closed), goal.id));
}

void run_done(const GoalDoneOptions& o, Context& ctx) {
    const Date date = o.date.empty() ? ctx.today : date_not_in_future(o.date, "--date", ctx.today);
    Store& store = ctx.store();
    const auto id = existing_goal_id(store, o.id);
    const Weekday ws = store.week_start();
    const Week week = week_containing(date, ws);
    auto change = record_completion(*store.goal_for_week(id, week),
                                    Completion{.date = date, .note = o.note}, ws);
    const Goal& goal = change.after;
    switch (change.answer) {
    case Answer::conflicts:
        refuse_let_go(goal);
    case Answer::unchanged:
        ctx.say(fmt::format("Goal #{} is already done (on {}); nothing changed.", goal.id,
                            format_date(*goal.closed)));
        return;
    case Answer::before_start:
        throw UsageError(fmt::format("--date: {} is before goal #{} began (it is weekly from the "
                                     "week of {})",
                                     format_date(date), goal.id,
                                     format_date(planned_week(goal, ws).start)));
    case Answer::changed:
        break;
    }
    store.save(change, ctx.today);
    const int progress = static_cast<int>(goal.completions.size());
    if (goal.kind == Kind::weekly) {
        const auto at = place(goal, week, ctx.today, ws);
        ctx.say(fmt::format("Recorded for goal #{}: {}/{} in the week of {}{}", goal.id,
                            at.progress, goal.target, format_date(week.start),
                            at.done_here ? " — achieved." : "."));
    } else if (goal.status == Status::done) {
        ctx.say(
            fmt::format("Goal #{} achieved{}. Well done.", goal.id, progress_text(goal, progress)));
    } else {
        ctx.say(
            fmt::format("Recorded for goal #{}: {} of {} so far.", goal.id, progress, goal.target));
    }
}

void run_drop(const std::string& id_text, Context& ctx) {
    Store& store = ctx.store();
    const auto id = existing_goal_id(store, id_text);
    auto change = let_go(*store.goal_without_completions(id), ctx.today);
    const auto& goal = change.after;
    switch (change.answer) {
    case Answer::unchanged:
        ctx.say(fmt::format("Goal #{} was already let go; nothing changed.", goal.id));
        return;
    case Answer::conflicts:
        throw UsageError(fmt::format("goal #{} is done; to let it go instead, reopen it first "
                                     "with 'smartgoals goal reopen {}'",
                                     goal.id, goal.id));
    case Answer::before_start:
    case Answer::changed:
        break;
    }
    store.save(change, ctx.today);
    ctx.say(fmt::format("Let go of goal #{}. 'smartgoals goal reopen {}' takes it back.", goal.id,
                        goal.id));
}

void run_reopen(const std::string& id_text, Context& ctx) {
    Store& store = ctx.store();
    const auto id = existing_goal_id(store, id_text);
    auto before = *store.goal_without_completions(id);
    // Rule 5 needs every completion of a done once goal; nothing else needs any.
    auto change =
        reopen(before.kind == Kind::once && before.status == Status::done ? *store.goal(id)
                                                                          : std::move(before));
    const auto& goal = change.after;
    if (change.answer == Answer::unchanged) {
        ctx.say(fmt::format("Goal #{} is already open; nothing changed.", goal.id));
        if (goal.kind == Kind::weekly) {
            ctx.say(fmt::format("To take back one completion: 'smartgoals goal show {}' lists "
                                "them, 'smartgoals goal remove-completion ID' removes one.",
                                goal.id));
        }
        return;
    }
    store.save(change, ctx.today);
    const auto taken = change.taken_back.size();
    const std::string taken_note =
        taken == 0
            ? ""
            : fmt::format(" Took back {} completion{} (the latest first); it is at {} of {}.",
                          taken, taken == 1 ? "" : "s", goal.completions.size(), goal.target);
    if (goal.status == Status::done) {
        ctx.say(fmt::format("Goal #{} is taken back; its completions reach its target, so it is "
                            "done.",
                            goal.id));
    } else {
        ctx.say(fmt::format("Goal #{} is open again.{}", goal.id, taken_note));
    }
}

void run_edit(const GoalEditOptions& o, Context& ctx) {
    if (!o.text && !o.area && !o.times && !o.week) {
        throw UsageError("goal edit needs something to change: --text, --area, --times or --week");
    }
    const auto text = o.text ? std::optional(required_text(*o.text, "--text")) : std::nullopt;
    // The outer optional says whether to change the area; the inner one may clear it.
    std::optional<std::optional<Area>> area;
    if (o.area) {
        area = parse_area_option(*o.area, true);
    }
    // 0: the target is not changed.
    const int times = o.times ? checked_times(*o.times) : 0;
    Store& store = ctx.store();
    const auto id = existing_goal_id(store, o.id);
    // Rule 1 re-applies to a once goal's new target, from all its completions.
    auto goal = *store.goal_without_completions(id);
    if (times > 0 && goal.kind == Kind::once) {
        goal = *store.goal(id);
    }
    const Status before = goal.status;
    if (text) {
        goal.text = *text;
    }
    if (area) {
        goal.area = *area;
    }
    const Weekday ws = store.week_start();
    const Date planned_before = goal.planned;
    if (o.week) {
        // Another planned week: the goal is placed, rolled over and counted from there (rule 7).
        goal.planned = planned_date(*o.week, ctx.today, ws);
    }
    GoalChange change{.after = goal};
    if (times > 0) {
        change = change_target(std::move(goal), times, ctx.today, ws);
    }
    store.save(change, ctx.today);
    if (!store.changed()) {
        ctx.say(fmt::format("Goal #{} already reads that way; nothing changed.", id));
        return;
    }
    std::string note;
    if (change.after.status != before) {
        note = change.after.status == Status::done ? " It is now achieved." : " It is open again.";
    } else if (times > 0 && change.after.kind == Kind::weekly) {
        const Week from = std::max(week_containing(ctx.today, ws), planned_week(change.after, ws));
        note =
            fmt::format(" From the week of {} on: {} a week{}.", format_date(from.start),
                        times == 1 ? "once" : fmt::format("{} times", times),
                        change.after.earlier_targets.empty() ? "" : "; earlier weeks keep theirs");
    }
    if (change.after.planned != planned_before) {
        note += fmt::format(" Now planned for the week of {}.",
                            format_date(planned_week(change.after, ws).start));
    }
    ctx.say(fmt::format("Changed goal #{}.{}", id, note));
}

// goal remove (SPEC §6.1): a goal typed by mistake, gone with its completions.
void run_remove(const std::string& id_text, Context& ctx) {
    Store& store = ctx.store();
    const auto id = existing_goal_id(store, id_text);
    const auto goal = *store.goal(id);
    store.remove_goal(id, ctx.today);
    const auto n = goal.completions.size();
    ctx.say(shown(fmt::format(
        "Removed goal #{} \"{}\"{}. 'smartgoals undo' brings it back.", id, goal.text,
        n == 0 ? std::string() : fmt::format(" and its {} completion{}", n, n == 1 ? "" : "s"))));
}

// goal remove-completion (SPEC §6.1): one completion recorded by mistake; rule 1 then decides
// the goal's status again from the rest.
void run_remove_completion(const std::string& id_text, Context& ctx) {
    const auto id = parse_id(id_text, "ID");
    Store& store = ctx.store();
    const auto completion = store.completion(id);
    if (!completion) {
        throw UsageError(fmt::format("there is no completion #{}; 'smartgoals goal show GOAL' "
                                     "lists a goal's completions with their ids",
                                     id));
    }
    Goal goal = *store.goal(completion->goal_id);
    const Status before = goal.status;
    std::erase_if(goal.completions, [&](const Completion& c) { return c.id == id; });
    GoalChange change{.after = settled(std::move(goal)), .taken_back = {*completion}};
    store.save(change, ctx.today);
    std::string note;
    if (change.after.status != before) {
        note = " It is open again.";
    }
    ctx.say(
        shown(fmt::format("Removed completion #{} of goal #{} ({}{}).{} 'smartgoals undo' "
                          "brings it back.",
                          id, change.after.id, format_date(completion->date),
                          completion->note.empty() ? "" : ", \"" + completion->note + "\"", note)));
}

// A goal as it stood in `week` (rule 10): closed only when closed by the week's end.
std::string status_mark(const Goal& goal, const Placement& at, Status status) {
    if (goal.kind == Kind::weekly) {
        return at.done_here ? "[x]" : "[ ]";
    }
    switch (status) {
    case Status::done:
        return "[x]";
    case Status::dropped:
        return "[-]";
    case Status::open:
        break;
    }
    return "[ ]";
}

// One goal's line: in a week's list (as it stood in `week`), or with --all (as it stands now,
// with its progress to date).
void print_goal_line(Context& ctx, const Goal& goal, const Placement& at, Week week, Weekday ws,
                     bool all) {
    const Week planned = planned_week(goal, ws);
    const Status status = all ? goal.status : status_in(goal, week);
    const bool past = week.end() < ctx.today;
    // Plain output says the status in a word, and joins the notes with commas (SPEC §6.4).
    const auto mark = status_mark(goal, at, status);
    const std::string_view status_word = mark == "[x]" ? "done" : mark == "[-]" ? "let go" : "open";
    // Built in one string: a list may hold thousands of these lines. Only the member's own
    // text needs shown(); the rest is ours.
    std::string line;
    line.reserve(goal.text.size() + 96);
    auto to = std::back_inserter(line);
    if (ctx.plain) {
        fmt::format_to(to, FMT_COMPILE("#{} {}: {}"), goal.id, status_word, shown(goal.text));
    } else {
        // "  #7 [ ] text": the id to the right of four columns.
        char id[24] = {'#'};
        const auto end = std::to_chars(id + 1, id + sizeof id, goal.id).ptr;
        const auto digits = static_cast<std::size_t>(end - id);
        line.append(digits < 4 ? 4 - digits : 0, ' ');
        line.append(id, digits);
        line += ' ';
        line += mark;
        line += ' ';
        line += shown(goal.text);
    }
    const auto note = [&] { line += ctx.plain ? ", " : "  · "; };
    if (goal.area) {
        note();
        line += to_string(*goal.area);
    }
    if (goal.kind == Kind::weekly) {
        if (all) {
            note();
            fmt::format_to(to, "every week from {}, {} time{}", format_date(planned.start),
                           goal.target, goal.target == 1 ? "" : "s");
        }
        if (!all || goal.status == Status::open) {
            note();
            fmt::format_to(to, "{}{}/{} {}", all ? "" : "weekly, ", at.progress, at.target,
                           past ? "that week" : "this week");
        }
    } else {
        if (all) {
            note();
            line += "week of " + format_date(planned.start);
        }
        if (goal.target > 1) {
            note();
            fmt::format_to(to, FMT_COMPILE("{}/{}"), at.progress, goal.target);
        }
        if (!all && at.carried && status == Status::open) {
            note();
            append_rolled_over_note(line, planned, at.carried_weeks);
        }
    }
    if (status == Status::done) {
        note();
        line += "done " + format_date(*goal.closed);
    } else if (status == Status::dropped) {
        note();
        line += "let go " + format_date(*goal.closed);
    }
    ctx.print(line, ctx.plain ? 2 : 9);
}

// One goal in full (SPEC §6.1): what it is, its weeks, and every completion with its note.
void run_show(const std::string& id_text, Context& ctx) {
    Store& store = ctx.store();
    const auto id = existing_goal_id(store, id_text);
    const Goal goal = *store.goal(id);
    const Weekday ws = store.week_start();
    const Week planned = planned_week(goal, ws);
    const auto times = [](int n) {
        return n == 1 ? std::string("once") : fmt::format("{} times", n);
    };
    std::vector<std::pair<std::string, std::string>> rows;
    if (goal.kind == Kind::weekly) {
        rows.emplace_back("Every week", "from the week of " + format_date(planned.start));
        // Rule 9: each earlier target held from the previous change (or the start) to its own.
        Week from = planned;
        std::string label = "Target";
        for (const auto& earlier : goal.earlier_targets) {
            const Week until = week_containing(earlier.until, ws);
            rows.emplace_back(label, fmt::format("{} a week, the weeks of {} to {}",
                                                 times(earlier.target), format_date(from.start),
                                                 format_date(until.plus(-1).start)));
            from = until;
            label.clear();
        }
        rows.emplace_back(label,
                          fmt::format("{} a week{}", times(goal.target),
                                      goal.earlier_targets.empty()
                                          ? std::string()
                                          : ", from the week of " + format_date(from.start)));
    } else {
        rows.emplace_back("Planned", fmt::format("the week of {} to {}", format_date(planned.start),
                                                 format_date(planned.end())));
        if (goal.target > 1) {
            rows.emplace_back(
                "Times", fmt::format("{} ({} so far)", goal.target,
                                     std::min<std::size_t>(goal.completions.size(),
                                                           static_cast<std::size_t>(goal.target))));
        }
    }
    rows.emplace_back("Area", goal.area ? std::string(to_string(*goal.area)) : "none");
    switch (goal.status) {
    case Status::open:
        rows.emplace_back("Status", "open");
        break;
    case Status::done:
        rows.emplace_back("Status", "achieved " + format_date(*goal.closed));
        break;
    case Status::dropped:
        rows.emplace_back("Status", "let go " + format_date(*goal.closed));
        break;
    }
    rows.emplace_back("Added", goal.created.substr(0, 16).replace(10, 1, " "));
    ctx.print(shown(fmt::format("Goal #{}: {}", goal.id, goal.text)), 2);
    for (const auto& [label, value] : rows) {
        const auto lines = wrap_to_width(shown(value), ctx.width - 15);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ctx.out << fmt::format("  {:<12} {}\n",
                                   i > 0 || label.empty() ? std::string() : label + ":", lines[i]);
        }
    }
    if (goal.completions.empty()) {
        ctx.out << "No completions yet.\n";
        return;
    }
    ctx.out << fmt::format("Completions ({}):\n", goal.completions.size());
    for (const auto& c : goal.completions) {
        std::string line = fmt::format("{:>6}  {}", fmt::format("#{}", c.id), format_date(c.date));
        if (goal.kind == Kind::weekly) {
            line += fmt::format("  week of {}", format_date(week_containing(c.date, ws).start));
        }
        if (!c.note.empty()) {
            line += "  " + c.note;
        }
        ctx.print(shown(line), 8);
    }
}

void run_list(const GoalListOptions& o, Context& ctx) {
    Store& store = ctx.store();
    const Weekday ws = store.week_start();
    if (o.all) {
        const Week current = week_containing(ctx.today, ws);
        const auto goals = store.all_goals();
        for (const auto& goal : goals) {
            // Progress to date: a once goal's every completion, a weekly goal's this week.
            Placement at = place(goal, current, ctx.today, ws);
            at.target = target_in(goal, current, ws);
            at.progress = goal.kind == Kind::once
                              ? static_cast<int>(goal.completions.size())
                              : static_cast<int>(std::count_if(
                                    goal.completions.begin(), goal.completions.end(),
                                    [&](const Completion& c) { return current.contains(c.date); }));
            print_goal_line(ctx, goal, at, current, ws, true);
        }
        if (goals.empty()) {
            ctx.say("No goals yet. Add one with: smartgoals goal add \"Walk once a week\"");
        }
        return;
    }
    const Week week = parse_week(o.week, ctx.today, ws);
    ctx.print(fmt::format("Goals for the week of {} to {}", format_date(week.start),
                          format_date(week.end())),
              2);
    // A part at a time: a week may hold thousands of goals carried for years.
    bool any = false;
    History part{.week_start = ws};
    store.each_goal_in_weeks(week.start, week.end(), 256, [&](std::vector<Goal>& goals) {
        part.goals.swap(goals);
        for (const auto& [goal, at] : summarize(part, week, ctx.today).goals) {
            print_goal_line(ctx, *goal, at, week, ws, false);
            any = true;
        }
        part.goals.swap(goals);
    });
    if (!any) {
        ctx.out << (week.end() < ctx.today ? "  No goals that week.\n"
                                           : "  No goals for this week yet.\n");
    }
}

} // namespace

void register_goal(CLI::App& app, Action& action) {
    auto* goal =
        app.add_subcommand("goal", "Add, complete, let go, take back, edit, remove and list goals");
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
                  "The week it is for: this (default), next, last, -N, a day "
                  "(YYYY-MM-DD, today, fri) or YYYY-Www");
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
    a->callback([&action, add] {
        action = {Needs::write, [add](Context& ctx) { run_add(*add, ctx); }};
    });

    auto done = std::make_shared<GoalDoneOptions>();
    auto* d = goal->add_subcommand("done", "Record that you did it (one completion)");
    d->add_option("id", done->id, "The goal's id")->required();
    d->add_option("--date", done->date,
                  "When: YYYY-MM-DD, today, yesterday or a weekday such as mon (default today; "
                  "never in the future)");
    d->add_option("--note", done->note, "A few words about it");
    d->footer("\nExamples:\n  smartgoals goal done 3\n  smartgoals goal done 3 --date 2026-11-20 "
              "--note \"With a friend\"");
    d->callback([&action, done] {
        action = {Needs::write, [done](Context& ctx) { run_done(*done, ctx); }};
    });

    auto drop_id = std::make_shared<std::string>();
    auto* dr = goal->add_subcommand("drop", "Let a goal go (it stays in your history)");
    dr->add_option("id", *drop_id, "The goal's id")->required();
    dr->footer("\nExample:\n  smartgoals goal drop 3");
    dr->callback([&action, drop_id] {
        action = {Needs::write, [drop_id](Context& ctx) { run_drop(*drop_id, ctx); }};
    });

    auto reopen_id = std::make_shared<std::string>();
    auto* r = goal->add_subcommand("reopen", "Take back a goal that was done or let go");
    r->add_option("id", *reopen_id, "The goal's id")->required();
    r->footer("\nA done goal loses its completions, the latest first, until it is below its "
              "target;\nit says how many it took back.\n\nExample:\n  smartgoals goal reopen 3");
    r->callback([&action, reopen_id] {
        action = {Needs::write, [reopen_id](Context& ctx) { run_reopen(*reopen_id, ctx); }};
    });

    auto edit = std::make_shared<GoalEditOptions>();
    auto* e = goal->add_subcommand("edit", "Change a goal's text, area, times a week or week");
    e->add_option("id", edit->id, "The goal's id")->required();
    e->add_option("--text", edit->text, "New text");
    e->add_option("--area", edit->area, "New area (motivation, urges, thoughts, balance, none)");
    e->add_option("--times", edit->times, "New target count");
    e->add_option("--week", edit->week,
                  "Move it to another planned week: this, last, next, -N, a day, YYYY-Www");
    e->footer("\nExamples:\n  smartgoals goal edit 3 --text \"Call my sister on Sunday\"\n"
              "  smartgoals goal edit 4 --times 2\n  smartgoals goal edit 5 --week next");
    e->callback([&action, edit] {
        action = {Needs::write, [edit](Context& ctx) { run_edit(*edit, ctx); }};
    });

    auto show_id = std::make_shared<std::string>();
    auto* sh = goal->add_subcommand("show", "One goal in full, with every completion and note");
    sh->add_option("id", *show_id, "The goal's id")->required();
    sh->footer("\nShows the goal's text, area, planned week, status and, for a goal kept every\n"
               "week, its target and the targets it had before; then every completion with its\n"
               "id, date and note.\n\nExample:\n  smartgoals goal show 3");
    sh->callback([&action, show_id] {
        action = {Needs::read, [show_id](Context& ctx) { run_show(*show_id, ctx); }};
    });

    auto remove_id = std::make_shared<std::string>();
    auto* rm = goal->add_subcommand("remove", "Remove a goal typed by mistake, with its "
                                              "completions");
    rm->add_option("id", *remove_id, "The goal's id")->required();
    rm->footer("\nFor a goal typed by mistake. To close a real goal, let it go ('goal drop'): it\n"
               "stays in your history. 'smartgoals undo' brings a removed goal back.\n\n"
               "Example:\n  smartgoals goal remove 7");
    rm->callback([&action, remove_id] {
        action = {Needs::write, [remove_id](Context& ctx) { run_remove(*remove_id, ctx); }};
    });

    auto completion_id = std::make_shared<std::string>();
    auto* rc =
        goal->add_subcommand("remove-completion", "Remove one completion recorded by mistake");
    rc->add_option("id", *completion_id, "The completion's id ('goal show GOAL' lists them)")
        ->required();
    rc->footer("\nA done goal whose completions no longer reach its target is open again.\n\n"
               "Examples:\n  smartgoals goal show 3\n  smartgoals goal remove-completion 12");
    rc->callback([&action, completion_id] {
        action = {Needs::write,
                  [completion_id](Context& ctx) { run_remove_completion(*completion_id, ctx); }};
    });

    auto list = std::make_shared<GoalListOptions>();
    auto* l = goal->add_subcommand("list", "The goals of a week; rolled-over ones marked");
    l->add_option("--week", list->week,
                  "this (default), last, next, -N, a day (YYYY-MM-DD, yesterday, mon), YYYY-Www");
    l->add_flag("--all", list->all, "Every goal, whatever its week");
    l->footer("\nExamples:\n  smartgoals goal list\n  smartgoals goal list --week last\n"
              "  smartgoals goal list --all");
    l->callback([&action, list] {
        action = {Needs::read, [list](Context& ctx) { run_list(*list, ctx); }};
    });
}

} // namespace smartgoals::cli
