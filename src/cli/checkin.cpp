// SPDX-License-Identifier: MIT
#include "cli/context.hpp"
#include "cli/terminal.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/review.hpp>
#include <smartgoals/rules.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/uuid.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
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
    std::optional<std::int64_t> replaces; // the check-in of that week to change, if chosen
    Date done_on;                         // "done?" answers: in the week talked about (§4.1)
    std::vector<std::int64_t> goals_done;
    std::vector<Goal> goals_ahead; // planned for the week holding the day after
};

// "11-16 to 11-22"
std::string short_span(Week week) {
    const auto month_day = [](Date day) {
        const std::chrono::year_month_day ymd{day};
        return fmt::format("{:02}-{:02}", static_cast<unsigned>(ymd.month()),
                           static_cast<unsigned>(ymd.day()));
    };
    return fmt::format("{} to {}", month_day(week.start), month_day(week.end()));
}

// A goal for the seven days ahead as typed at the meeting: its text, then any of `×N` (or
// `xN`) for times, `weekly` for every week, `@area`. Throws UsageError naming what is wrong.
Goal goal_from_line(const std::string& line) {
    Goal goal;
    std::string text = line;
    bool times_given = false, weekly_given = false, area_given = false;
    while (!text.empty()) {
        const auto space = text.find_last_of(" \t");
        const std::string word = space == std::string::npos ? text : text.substr(space + 1);
        const std::string lower_word = [&] {
            std::string w = word;
            for (auto& c : w) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            return w;
        }();
        std::string count;
        if (lower_word.rfind("×", 0) == 0) {
            count = word.substr(std::string_view("×").size());
        } else if (lower_word.size() > 1 && lower_word[0] == 'x' &&
                   lower_word.find_first_not_of("0123456789", 1) == std::string::npos) {
            count = word.substr(1);
        }
        if (!count.empty() || lower_word == "×") {
            if (times_given) {
                throw UsageError(
                    fmt::format("'{}' gives the times a second time; give them once", word));
            }
            times_given = true;
            int times = 0;
            const auto [ptr, ec] =
                std::from_chars(count.data(), count.data() + count.size(), times);
            if (count.empty() || ec != std::errc{} || ptr != count.data() + count.size() ||
                times < 1 || times > 99) {
                throw UsageError(fmt::format("'{}' is not a number of times; use ×1 to ×99 (or "
                                             "x3)",
                                             word));
            }
            goal.target = times;
        } else if (lower_word == "weekly" && !weekly_given) {
            weekly_given = true;
            goal.kind = Kind::weekly;
        } else if (!word.empty() && word[0] == '@') {
            if (area_given) {
                throw UsageError(
                    fmt::format("'{}' gives an area a second time; a goal has one", word));
            }
            area_given = true;
            const auto area = parse_area(lower_word.substr(1));
            if (!area) {
                throw UsageError(fmt::format("'{}' is not one of SMART's four points: @motivation, "
                                             "@urges, @thoughts, @balance",
                                             word));
            }
            goal.area = area;
        } else {
            break;
        }
        text = space == std::string::npos ? "" : trim(text.substr(0, space));
    }
    goal.text = required_text(text, "the goal's text");
    return goal;
}

std::string goal_line(const Goal& goal, const Placement& at, Week week, Weekday ws, Date today) {
    std::string line = fmt::format("#{} {}", goal.id, goal.text);
    if (goal.kind == Kind::weekly) {
        line += fmt::format(" (weekly, {}/{} {})", at.progress, at.target,
                            week.contains(today) ? "so far" : "that week");
    } else {
        if (goal.target > 1) {
            line += fmt::format(" ({}/{})", at.progress, goal.target);
        }
        if (at.carried) {
            line += " — " + rolled_over_note(planned_week(goal, ws),
                                             weeks_between(planned_week(goal, ws), week));
        }
    }
    return shown(line);
}

Meeting walk_through(Context& ctx, Store& store, Date date) {
    Meeting m;
    const Weekday ws = store.week_start();
    const Week about = checkin_week(date, ws);
    m.done_on = std::min(date, about.end());
    ctx.explain(
        fmt::format("Check-in on {}, about the week of {}.\n"
                    "Ctrl-C or Ctrl-D stops at any question without recording anything.\n\n",
                    format_date(date), short_span(about)));

    const auto earlier = store.checkins_in_weeks(about.start, about.end());
    if (!earlier.empty()) {
        const Checkin& last = earlier.back();
        ctx.explain(fmt::format("That week already has a check-in, on {}{}{}.\n",
                                format_date(last.date),
                                last.rating ? fmt::format(", rated {}/10", *last.rating) : "",
                                last.note.empty() ? "" : ": " + shown(last.note)));
        if (ask_yes_no(ctx,
                       "Change it rather than add a second? y = change it (Enter), n = add "
                       "another [y/n] ",
                       true)) {
            m.replaces = last.id;
            m.checkin = last;
        }
    }
    const std::string keep = m.replaces ? " (Enter keeps what it says)" : " (Enter to skip)";
    if (auto rating = ask_number(
            ctx, fmt::format("How have the last seven days been, from 1 to 10?{} ", keep), 1, 10)) {
        m.checkin.rating = rating;
    }
    if (auto note =
            ask(ctx, fmt::format("A few words about them, successes and challenges{}: ", keep));
        !note.empty()) {
        m.checkin.note = note;
    }

    const History history = store.goals_in_weeks(about.start, about.end());
    std::vector<std::pair<const Goal*, Placement>> open;
    for (const auto& [goal, at] : summarize(history, about, date).goals) {
        if (goal->status == Status::open && !(goal->kind == Kind::weekly && at.done_here)) {
            open.emplace_back(goal, at);
        }
    }
    if (!open.empty()) {
        ctx.explain(fmt::format("\nYour open goals in the week of {}. Done? y = yes, n = not yet, "
                                "s = skip\n",
                                short_span(about)));
    }
    for (const auto& [goal, at] : open) {
        if (ask_yes_no_skip(
                ctx, fmt::format("  {}  [y/n/s] ", goal_line(*goal, at, about, ws, date))) == 'y') {
            m.goals_done.push_back(goal->id);
        }
    }
    const Week ahead = week_containing(std::min(date + std::chrono::days{1}, k_last_day), ws);
    ctx.explain(fmt::format(
        "\nGoals for the seven days ahead (the week of {}), one per line; an empty line "
        "finishes.\nAdd ×N (or xN) for times, 'weekly' for every week, @area for one of "
        "SMART's four points,\nfor example: Walk ×3 weekly @balance\n",
        short_span(ahead)));
    while (true) {
        const auto text = ask(ctx, "  > ");
        if (text.empty()) {
            break;
        }
        try {
            m.goals_ahead.push_back(goal_from_line(text));
        } catch (const UsageError& e) {
            ctx.explain("  " + shown(e.what()) + "; type it again, or an empty line to finish.\n");
        }
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
    if (!m.replaces) {
        m.checkin.date = date;
        m.checkin.uuid = new_uuid();
        m.checkin.created = ctx.timestamp();
    }
}

std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void run_checkin(Meeting& m, Context& ctx) {
    const bool nothing_said = !m.checkin.rating && m.checkin.note.empty();
    Store& store = ctx.store();
    const Weekday ws = store.week_start();
    const Week about = checkin_week(m.checkin.date, ws);
    if (m.replaces && store.update_checkin(m.checkin)) {
        ctx.say(fmt::format("Changed the check-in about the week of {}.", short_span(about)));
    } else if (!nothing_said) {
        if (m.replaces) { // removed meanwhile, in another terminal: recorded anew
            m.checkin.id = 0;
        }
        store.add_checkin(m.checkin);
        ctx.say(fmt::format("Checked in about the week of {}.", short_span(about)));
    } else {
        ctx.say("No rating or words given, so no check-in was recorded.");
    }
    // Weekly completions are counted as such: a weekly goal is never done, its week is achieved.
    std::vector<std::string> achieved, moved_on, weekly_achieved, weekly_moved_on;
    const Week done_week = week_containing(m.done_on, ws);
    for (const auto id : m.goals_done) {
        // A goal closed meanwhile, in another terminal, is left as it is.
        auto goal = store.goal_for_week(id, done_week);
        if (!goal) {
            continue;
        }
        auto change = record_completion(std::move(*goal), Completion{.date = m.done_on}, ws);
        if (change.answer != Answer::changed) {
            continue;
        }
        store.save(change, ctx.today);
        const Goal& g = change.after;
        const auto at = place(g, done_week, ctx.today, ws);
        if (g.kind == Kind::weekly) {
            (at.done_here ? weekly_achieved : weekly_moved_on)
                .push_back(fmt::format("{} {}/{}", g.text, at.progress, at.target));
        } else if (g.status != Status::done) {
            moved_on.push_back(fmt::format("{} {}/{}", g.text, g.completions.size(), g.target));
        } else {
            achieved.push_back(g.text);
        }
    }
    const auto tell = [&](const std::vector<std::string>& goals, std::string_view kind,
                          std::string_view what) {
        if (!goals.empty()) {
            ctx.say(fmt::format("{} {}: {}.", plural(goals.size(), kind), what,
                                fmt::join(goals, "; ")));
        }
    };
    tell(achieved, "goal", "achieved");
    tell(moved_on, "goal", "moved on");
    tell(weekly_achieved, "weekly goal", "achieved for the week");
    tell(weekly_moved_on, "weekly goal", "moved on");
    const Date ahead_day = std::min(m.checkin.date + std::chrono::days{1}, k_last_day);
    for (auto& goal : m.goals_ahead) {
        goal.planned = ahead_day;
        goal.created = ctx.timestamp();
        store.add_goal(goal);
    }
    if (!m.goals_ahead.empty()) {
        ctx.say(fmt::format("Added {} for the week of {}.", plural(m.goals_ahead.size(), "goal"),
                            short_span(week_containing(ahead_day, ws))));
    }
}

Action checkin_action(std::shared_ptr<CheckinOptions> options) {
    auto meeting = std::make_shared<Meeting>();
    return {
        .needs = Needs::write,
        .run = [meeting](Context& ctx) { run_checkin(*meeting, ctx); },
        .prepare = [options, meeting](Context& ctx) { prepare_checkin(*options, *meeting, ctx); }};
}

// Check-ins across weeks (SPEC §6.1): each with the week it is about (§4.1).
void run_list(const std::string& week_arg, bool all, Context& ctx) {
    Store& store = ctx.store();
    const Weekday ws = store.week_start();
    std::vector<Checkin> checkins;
    if (all) {
        checkins = store.checkins_between(k_first_day, k_last_day);
        ctx.out << fmt::format("Every check-in: {}\n", checkins.size());
    } else {
        // Like the review: with no --week, the week holding yesterday, which a check-in made at
        // the meeting is about.
        const Week week = week_arg.empty() ? week_containing(checkin_week_day(ctx.today), ws)
                                           : parse_week(week_arg, ctx.today, ws);
        checkins = store.checkins_in_weeks(week.start, week.end());
        ctx.print(fmt::format("Check-ins about the week of {} to {}", format_date(week.start),
                              format_date(week.end())),
                  2);
        if (checkins.empty()) {
            ctx.out << "  No check-in about that week.\n";
        }
    }
    for (auto it = checkins.rbegin(); it != checkins.rend(); ++it) {
        std::string line =
            fmt::format("{:>5}  {}  about {}", fmt::format("#{}", it->id), format_date(it->date),
                        short_span(checkin_week(it->date, ws)));
        if (it->rating) {
            line += fmt::format("  rating {}/10", *it->rating);
        }
        ctx.print(line, 7);
        if (!it->note.empty()) {
            ctx.print("       " + shown(it->note), 7);
        }
    }
}

Checkin existing_checkin(Store& store, const std::string& id_text) {
    const auto id = parse_id(id_text, "ID");
    auto checkin = store.checkin(id);
    if (!checkin) {
        throw UsageError(fmt::format("there is no check-in #{}; 'smartgoals checkin list --all' "
                                     "shows them all",
                                     id));
    }
    return std::move(*checkin);
}

struct CheckinEditOptions {
    std::string id;
    std::optional<int> rating;
    std::optional<std::string> note;
    std::optional<std::string> date;
};

// checkin edit (SPEC §6.1): a check-in's rating, words or day corrected; a new day moves it to
// the week that day counts in.
void run_edit(const CheckinEditOptions& o, Context& ctx) {
    if (!o.rating && !o.note && !o.date) {
        throw UsageError("checkin edit needs something to change: --rating, --note or --date");
    }
    if (o.rating && (*o.rating < 1 || *o.rating > 10)) {
        throw UsageError(fmt::format("--rating: {} is out of range; use 1 to 10", *o.rating));
    }
    const auto date =
        o.date ? std::optional(date_not_in_future(*o.date, "--date", ctx.today)) : std::nullopt;
    Store& store = ctx.store();
    Checkin checkin = existing_checkin(store, o.id);
    if (o.rating) {
        checkin.rating = o.rating;
    }
    if (o.note) {
        checkin.note = trim(*o.note);
        if (checkin.note.empty() && !checkin.rating) {
            throw UsageError("--note: a check-in with no rating needs its words; give --rating "
                             "too, or remove it with 'smartgoals checkin remove'");
        }
    }
    if (date) {
        checkin.date = *date;
    }
    const auto before = *store.checkin(checkin.id);
    if (before.rating == checkin.rating && before.note == checkin.note &&
        before.date == checkin.date) {
        ctx.say(fmt::format("Check-in #{} already reads that way; nothing changed.", checkin.id));
        return;
    }
    store.update_checkin(checkin);
    const Week about = checkin_week(checkin.date, store.week_start());
    ctx.say(fmt::format("Changed check-in #{} ({}, about the week of {}).", checkin.id,
                        format_date(checkin.date), short_span(about)));
}

// checkin remove (SPEC §6.1): a check-in made by mistake, or twice.
void run_remove(const std::string& id_text, Context& ctx) {
    Store& store = ctx.store();
    const Checkin checkin = existing_checkin(store, id_text);
    store.remove_checkin(checkin.id, ctx.today);
    ctx.say(fmt::format("Removed check-in #{} of {}. 'smartgoals undo' brings it back.", checkin.id,
                        format_date(checkin.date)));
}

} // namespace

void register_checkin(CLI::App& app, Action& action) {
    auto options = std::make_shared<CheckinOptions>();
    auto* c = app.add_subcommand("checkin", "Record how the last seven days have been");
    c->require_subcommand(0, 1);
    c->fallthrough();
    c->add_option("--rating", options->rating, "The last seven days, from 1 to 10");
    c->add_option("--note", options->note, "A few words: successes and challenges");
    c->add_option("--date", options->date,
                  "The day of the check-in: YYYY-MM-DD, yesterday, mon... (default today)");
    c->footer(R"(
A check-in is about the seven days before it: it counts in the week that holds
the day before it. On your meeting day (the first day of the week; see 'config
set week-start') that is the week just ended.

With no options on a terminal, it walks through the meeting: rate the last
seven days, go through that week's open goals (a yes counts in that week), then
set goals for the seven days ahead, one per line. On a goal's line, x3 (or ×3)
sets the times, 'weekly' makes it a weekly goal, @balance sets its area:
  Walk x3 weekly @balance
If that week already has a check-in, it offers to change it. Ctrl-C or Ctrl-D
at any question stops with nothing recorded.

Examples:
  smartgoals checkin
  smartgoals checkin --rating 7 --note "Busy, but I kept my walks"
  smartgoals checkin --rating 6 --date yesterday)");
    auto week = std::make_shared<std::string>();
    auto all = std::make_shared<bool>(false);
    auto* l = c->add_subcommand("list", "Check-ins of a week, newest first; --all every one");
    auto* week_option = l->add_option(
        "--week", *week,
        "The week they are about (default: the week holding yesterday, as the review)");
    l->add_flag("--all", *all, "Every check-in, whatever its week")->excludes(week_option);
    l->footer("\nEach check-in shows the week it is about: the week holding the day before it.\n\n"
              "Examples:\n  smartgoals checkin list\n  smartgoals checkin list --week -2\n"
              "  smartgoals checkin list --all");
    l->callback([&action, week, all] {
        action = {Needs::read, [week, all](Context& ctx) { run_list(*week, *all, ctx); }};
    });
    auto edit = std::make_shared<CheckinEditOptions>();
    auto* e = c->add_subcommand("edit", "Correct a check-in's rating, words or day");
    e->add_option("id", edit->id, "The check-in's id ('checkin list' shows them)")->required();
    e->add_option("--rating", edit->rating, "The last seven days, from 1 to 10");
    e->add_option("--note", edit->note, "New words (replacing the old ones)");
    e->add_option("--date", edit->date,
                  "The day it was made: YYYY-MM-DD, yesterday, mon... (never in the future)");
    e->footer("\nA new day moves the check-in to the week that day counts in: the week holding\n"
              "the day before it.\n\nExamples:\n  smartgoals checkin edit 4 --rating 7\n"
              "  smartgoals checkin edit 4 --date 2026-11-16 --note \"Calmer than I thought\"");
    e->callback([&action, edit] {
        action = {Needs::write, [edit](Context& ctx) { run_edit(*edit, ctx); }};
    });

    auto remove_id = std::make_shared<std::string>();
    auto* rm = c->add_subcommand("remove", "Remove a check-in made by mistake");
    rm->add_option("id", *remove_id, "The check-in's id ('checkin list' shows them)")->required();
    rm->footer("\n'smartgoals undo' brings it back.\n\nExample:\n  smartgoals checkin remove 4");
    rm->callback([&action, remove_id] {
        action = {Needs::write, [remove_id](Context& ctx) { run_remove(*remove_id, ctx); }};
    });

    // CLI11 runs this after a subcommand's callback, which wins when one was given.
    c->callback([&action, options, c] {
        if (c->get_subcommands().empty()) {
            action = checkin_action(options);
        }
    });
}

} // namespace smartgoals::cli
