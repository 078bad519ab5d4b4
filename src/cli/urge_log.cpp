// SPDX-License-Identifier: MIT
#include "cli/context.hpp"
#include "cli/terminal.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/urges.hpp>
#include <smartgoals/uuid.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>
#include <tuple>

namespace smartgoals::cli {

namespace {

constexpr int k_max_minutes = 24 * 60; // an urge logged as lasting longer than a day is a typo

struct UrgeOptions {
    std::optional<int> intensity;
    std::optional<int> duration;
    std::string at;
    std::string trigger;
    std::string where;
    std::vector<std::string> strategies;
    bool rode_out = false;
    bool acted = false;
    std::string note;
    std::string next_time;
};

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "DAY HH:MM" (DAY as parse_day reads it: YYYY-MM-DD, today, yesterday, a weekday),
// "YYYY-MM-DDTHH:MM", or "HH:MM" for today; never in the future.
std::pair<Date, std::string> parse_at(const std::string& text, const Context& ctx) {
    const auto bad = [&] {
        return UsageError(fmt::format("--at: '{}' is not a time; use \"YYYY-MM-DD HH:MM\", for "
                                      "example \"{} 18:30\", \"yesterday 18:30\", or HH:MM for "
                                      "today",
                                      text, format_date(ctx.today)));
    };
    std::string day = "today", time = text;
    if (const auto space = text.rfind(' '); space != std::string::npos) {
        day = text.substr(0, space);
        time = text.substr(space + 1);
    } else if (text.size() == 16 && text[10] == 'T') {
        day = text.substr(0, 10);
        time = text.substr(11);
    }
    const auto date = parse_day(day, ctx.today);
    if (!date || time.size() != 5 || time[2] != ':' || !all_digits(time.substr(0, 2)) ||
        !all_digits(time.substr(3))) {
        throw bad();
    }
    if (std::stoi(time.substr(0, 2)) > 23 || std::stoi(time.substr(3)) > 59) {
        throw bad();
    }
    if (*date < k_first_day) {
        throw UsageError(fmt::format("--at: {} is before 1900", format_date(*date)));
    }
    if (*date > ctx.today ||
        (*date == ctx.today && ctx.today_is_clock && time > ctx.time_of_day.substr(0, 5))) {
        throw UsageError(fmt::format("--at: {} {} is in the future", format_date(*date), time));
    }
    return {*date, time};
}

// One way of coping, checked: text, and no `;` (exports join strategies with it).
std::string checked_strategy(const std::string& text, std::string_view what) {
    auto strategy = required_text(text, what);
    if (strategy.find(';') != std::string::npos) {
        throw UsageError(fmt::format("{}: '{}' holds a ';', which exports use to join ways of "
                                     "coping; give each way on its own",
                                     what, strategy));
    }
    return strategy;
}

// "distract, delay" -> each way, checked.
std::vector<std::string> ways_of_coping(const std::string& all) {
    std::vector<std::string> ways;
    for (std::size_t pos = 0; pos <= all.size();) {
        auto comma = all.find(',', pos);
        comma = comma == std::string::npos ? all.size() : comma;
        const auto word = all.substr(pos, comma - pos);
        if (word.find_first_not_of(" \t") != std::string::npos) {
            ways.push_back(checked_strategy(word, "a way to cope"));
        }
        pos = comma + 1;
    }
    return ways;
}

Urge validated(const UrgeOptions& o, const Context& ctx) {
    if (!o.intensity) {
        throw UsageError("--intensity 1-10 is needed: how strong the urge was");
    }
    if (*o.intensity < 1 || *o.intensity > 10) {
        throw UsageError(fmt::format("--intensity: {} is out of range; use 1 to 10", *o.intensity));
    }
    if (o.duration && (*o.duration < 0 || *o.duration > k_max_minutes)) {
        throw UsageError(fmt::format("--duration: {} minutes is out of range; use 0 to {}",
                                     *o.duration, k_max_minutes));
    }
    Urge u;
    u.intensity = *o.intensity;
    u.duration_min = o.duration;
    if (o.at.empty()) {
        u.date = ctx.today;
        u.time = ctx.time_of_day.substr(0, 5);
    } else {
        std::tie(u.date, u.time) = parse_at(o.at, ctx);
    }
    u.trigger = trim(o.trigger);
    u.where = trim(o.where);
    for (const auto& s : o.strategies) {
        u.strategies.push_back(checked_strategy(s, "--strategy"));
    }
    if (o.rode_out) {
        u.outcome = Outcome::rode_out;
    } else if (o.acted) {
        u.outcome = Outcome::acted;
    }
    u.note = trim(o.note);
    u.next_time = trim(o.next_time);
    return u;
}

// Asks until `check` accepts the answer, saying why when it does not.
template <typename Check>
std::string ask_until(Context& ctx, std::string_view prompt, Check check) {
    while (true) {
        auto answer = ask(ctx, prompt);
        try {
            check(answer);
            return answer;
        } catch (const UsageError& e) {
            ctx.explain(std::string("  ") + e.what() + "\n");
        }
    }
}

// SMART's Urge Log, each field asked once, in its order.
UrgeOptions ask_for_each_field(Context& ctx) {
    UrgeOptions o;
    ctx.explain("Urge log. Only the strength is needed; press Enter to skip any other question.\n"
                "Ctrl-C or Ctrl-D stops without recording anything.\n\n");
    o.at = ask_until(ctx,
                     "When? (HH:MM today, or a day and time such as \"yesterday 21:30\"; "
                     "Enter for now) ",
                     [&](const std::string& at) {
                         if (!at.empty()) {
                             parse_at(at, ctx);
                         }
                     });
    while (!o.intensity) {
        o.intensity = ask_number(ctx, "How strong was it, from 1 to 10? (needed) ", 1, 10, false);
        if (!o.intensity) {
            ctx.explain("  The strength is the one answer the log needs: a number from 1 to 10.\n");
        }
    }
    o.duration = ask_number(ctx, "How long did it last, in minutes? ", 0, k_max_minutes);
    o.trigger = ask(ctx, "What triggered it? ");
    o.where = ask(ctx, "Who was there, and where were you? ");
    ctx.explain(fmt::format("Ways to cope (DEADS): {}\n", fmt::join(k_deads_words, ", ")));
    o.strategies =
        ways_of_coping(ask_until(ctx, "What did you do to cope? (ways separated by commas) ",
                                 [](const std::string& all) { ways_of_coping(all); }));
    const auto end = ask_until(
        ctx, "Did it pass? r = I rode it out, a = I acted on it (Enter to skip) ",
        [](const std::string& answer) {
            if (!answer.empty() && answer != "r" && answer != "a") {
                throw UsageError(fmt::format("'{}' is not r or a; r = it passed, a = I acted on "
                                             "it, or Enter to skip",
                                             answer));
            }
        });
    o.rode_out = end == "r";
    o.acted = end == "a";
    o.note = ask(ctx, "How did you feel, during and after? ");
    o.next_time = ask(ctx, "Ideas for next time? ");
    return o;
}

// The urge asked for on a terminal, or taken from the options, and checked: before the write.
Urge prepare_urge(const UrgeOptions& given, bool any_option, Context& ctx) {
    if (!any_option && !ctx.interactive) {
        throw UsageError("urge-log needs --intensity 1-10 (and any other fields) when it is not "
                         "run on a terminal");
    }
    const UrgeOptions o = any_option ? given : ask_for_each_field(ctx);
    Urge urge = validated(o, ctx);
    urge.uuid = new_uuid();
    urge.created = ctx.timestamp();
    return urge;
}

void run_log(Urge& urge, Context& ctx) {
    ctx.store().add_urge(urge);
    ctx.out << urge.id << '\n';
    ctx.say(fmt::format("Logged urge #{} ({} {}).", urge.id, format_date(urge.date), urge.time));
}

Action log_action(std::shared_ptr<UrgeOptions> o, bool any_option) {
    auto urge = std::make_shared<Urge>();
    return {.needs = Needs::write,
            .run = [urge](Context& ctx) { run_log(*urge, ctx); },
            .prepare = [o, any_option,
                        urge](Context& ctx) { *urge = prepare_urge(*o, any_option, ctx); }};
}

void print_urge(Context& ctx, const Urge& u) {
    std::vector<std::string> head{fmt::format("strength {}/10", u.intensity)};
    if (u.duration_min) {
        head.push_back(fmt::format("{} min", *u.duration_min));
    }
    if (u.outcome) {
        head.emplace_back(u.outcome == Outcome::rode_out ? "rode it out" : "acted on it");
    }
    ctx.print(fmt::format("{:>5}  {} {}  {}", fmt::format("#{}", u.id), format_date(u.date), u.time,
                          fmt::join(head, ", ")),
              7);
    auto field = [&](std::string_view label, const std::string& text) {
        if (!text.empty()) {
            ctx.print("       " + shown(fmt::format("{}: {}", label, text)), 9);
        }
    };
    field("Trigger", u.trigger);
    field("Who/where", u.where);
    field("Coped by", fmt::format("{}", fmt::join(u.strategies, ", ")));
    field("Felt", u.note);
    field("Next time", u.next_time);
}

// One urge in full (SPEC §6.1): every field of SMART's Urge Log, as it was logged.
void run_show(const std::string& id_text, Context& ctx) {
    const auto id = parse_id(id_text, "urge-log show");
    const auto urge = ctx.store().urge(id);
    if (!urge) {
        throw UsageError(fmt::format("there is no urge #{}; 'smartgoals urge-log list --all' "
                                     "shows them all",
                                     id));
    }
    const auto none = [](const std::string& text) { return text.empty() ? "-" : text; };
    const std::vector<std::pair<std::string_view, std::string>> rows = {
        {"When", format_date(urge->date) + " " + urge->time},
        {"Strength", fmt::format("{}/10", urge->intensity)},
        {"How long", urge->duration_min ? fmt::format("{} min", *urge->duration_min) : "-"},
        {"Trigger", none(urge->trigger)},
        {"Who/where", none(urge->where)},
        {"Coped by", none(fmt::format("{}", fmt::join(urge->strategies, ", ")))},
        {"Then", !urge->outcome                       ? "-"
                 : urge->outcome == Outcome::rode_out ? "rode it out"
                                                      : "acted on it"},
        {"Felt", none(urge->note)},
        {"Next time", none(urge->next_time)},
    };
    ctx.out << fmt::format("Urge #{}\n", urge->id);
    for (const auto& [label, value] : rows) {
        const auto lines = wrap_to_width(shown(value), ctx.width - 13);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ctx.out << fmt::format("  {:<11}{}\n", i == 0 ? std::string(label) + ":" : "",
                                   lines[i]);
        }
    }
}

Urge existing_urge(Store& store, const std::string& id_text) {
    const auto id = parse_id(id_text, "ID");
    auto urge = store.urge(id);
    if (!urge) {
        throw UsageError(fmt::format("there is no urge #{}; 'smartgoals urge-log list --all' "
                                     "shows them all",
                                     id));
    }
    return std::move(*urge);
}

// What `urge-log edit` was given: each field set only when its option was.
struct UrgeEdit {
    std::string id;
    UrgeOptions fields;
    std::vector<std::string> given; // the options given, as "--intensity"
    bool has(std::string_view option) const {
        return std::find(given.begin(), given.end(), option) != given.end();
    }
};

// urge-log edit (SPEC §6.1): any field corrected, each checked as when it was logged.
void run_edit(const UrgeEdit& e, Context& ctx) {
    if (e.given.empty()) {
        throw UsageError("urge-log edit needs something to change: --intensity, --duration, "
                         "--at, --trigger, --where, --strategy, --rode-out, --acted, --note or "
                         "--next-time");
    }
    const UrgeOptions& o = e.fields;
    if (o.intensity && (*o.intensity < 1 || *o.intensity > 10)) {
        throw UsageError(fmt::format("--intensity: {} is out of range; use 1 to 10", *o.intensity));
    }
    if (o.duration && (*o.duration < 0 || *o.duration > k_max_minutes)) {
        throw UsageError(fmt::format("--duration: {} minutes is out of range; use 0 to {}",
                                     *o.duration, k_max_minutes));
    }
    const auto at = e.has("--at") ? std::optional(parse_at(o.at, ctx)) : std::nullopt;
    std::vector<std::string> strategies;
    for (const auto& way : o.strategies) {
        // --strategy "" alone clears them.
        if (!(o.strategies.size() == 1 && trim(way).empty())) {
            strategies.push_back(checked_strategy(way, "--strategy"));
        }
    }
    Store& store = ctx.store();
    Urge urge = existing_urge(store, e.id);
    if (o.intensity) {
        urge.intensity = *o.intensity;
    }
    if (o.duration) {
        urge.duration_min = o.duration;
    }
    if (at) {
        std::tie(urge.date, urge.time) = *at;
    }
    const auto text = [&](std::string_view option, const std::string& value, std::string& field) {
        if (e.has(option)) {
            field = trim(value);
        }
    };
    text("--trigger", o.trigger, urge.trigger);
    text("--where", o.where, urge.where);
    text("--note", o.note, urge.note);
    text("--next-time", o.next_time, urge.next_time);
    if (e.has("--strategy")) {
        urge.strategies = strategies;
    }
    if (o.rode_out) {
        urge.outcome = Outcome::rode_out;
    } else if (o.acted) {
        urge.outcome = Outcome::acted;
    }
    const auto fields = [](const Urge& u) {
        return std::tie(u.date, u.time, u.intensity, u.duration_min, u.trigger, u.where,
                        u.strategies, u.outcome, u.note, u.next_time);
    };
    if (fields(urge) == fields(*store.urge(urge.id))) {
        ctx.say(fmt::format("Urge #{} already reads that way; nothing changed.", urge.id));
        return;
    }
    store.update_urge(urge);
    ctx.say(fmt::format("Changed urge #{} ({} {}).", urge.id, format_date(urge.date), urge.time));
}

// urge-log remove (SPEC §6.1): an urge logged by mistake, or twice.
void run_remove(const std::string& id_text, Context& ctx) {
    Store& store = ctx.store();
    const Urge urge = existing_urge(store, id_text);
    store.remove_urge(urge.id, ctx.today);
    ctx.say(fmt::format("Removed urge #{} ({} {}). 'smartgoals undo' brings it back.", urge.id,
                        format_date(urge.date), urge.time));
}

void run_list(const std::string& week_arg, bool all, Context& ctx) {
    Store& store = ctx.store();
    if (all) {
        const auto urges = store.urges_between(k_first_day, k_last_day);
        ctx.out << fmt::format("Every urge logged: {}\n", urges.size());
        for (auto it = urges.rbegin(); it != urges.rend(); ++it) {
            print_urge(ctx, *it);
        }
        return;
    }
    const Week week = parse_week(week_arg, ctx.today, store.week_start());
    const auto urges = store.urges_between(week.start, week.end());
    ctx.print(fmt::format("Urges in the week of {} to {}", format_date(week.start),
                          format_date(week.end())),
              2);
    for (auto it = urges.rbegin(); it != urges.rend(); ++it) {
        print_urge(ctx, *it);
    }
    if (urges.empty()) {
        ctx.out << "  No urges logged this week.\n";
    }
}

} // namespace

void register_urge_log(CLI::App& app, Action& action) {
    auto o = std::make_shared<UrgeOptions>();
    auto* u = app.add_subcommand("urge-log", "Log an urge: when, how strong, how long, the "
                                             "trigger, how you coped");
    u->require_subcommand(0, 1);
    u->fallthrough();
    u->add_option("--intensity", o->intensity, "How strong, 1 to 10 (required)");
    u->add_option("--duration", o->duration, "How long it lasted, in minutes");
    u->add_option(
        "--at", o->at,
        "When: \"YYYY-MM-DD HH:MM\", \"yesterday 21:30\", \"mon 09:00\" or HH:MM (default now)");
    u->add_option("--trigger", o->trigger, "What triggered it");
    u->add_option("--where", o->where, "Who was there, where you were");
    u->add_option("--strategy", o->strategies,
                  "How you coped (repeatable): deny, delay, escape, avoid, accept, attack, "
                  "distract, substitute, or your own words");
    auto* rode = u->add_flag("--rode-out", o->rode_out, "The urge passed");
    auto* acted = u->add_flag("--acted", o->acted, "You acted on it");
    rode->excludes(acted);
    u->add_option("--note", o->note, "How you coped and how you felt about it");
    u->add_option("--next-time", o->next_time, "Ideas for next time");
    u->footer(R"(
With no options on a terminal, it asks for each field in turn.

Examples:
  smartgoals urge-log --intensity 6 --duration 20 --trigger "after work" \
      --strategy distract --strategy delay --rode-out
  smartgoals urge-log --intensity 8 --at "2026-11-18 21:30" --acted \
      --next-time "Call Sam first"
  smartgoals urge-log list --week last)");

    auto week = std::make_shared<std::string>("this");
    auto all = std::make_shared<bool>(false);
    auto* l = u->add_subcommand("list", "The urges of a week, newest first; --all every one");
    auto* week_option = l->add_option(
        "--week", *week,
        "this (default), last, next, -N, a day (YYYY-MM-DD, yesterday, mon), YYYY-Www");
    l->add_flag("--all", *all, "Every urge logged, whatever its week")->excludes(week_option);
    l->footer("\nExamples:\n  smartgoals urge-log list\n  smartgoals urge-log list --week last\n"
              "  smartgoals urge-log list --all");
    l->callback([&action, week, all] {
        action = {Needs::read, [week, all](Context& ctx) { run_list(*week, *all, ctx); }};
    });

    auto show_id = std::make_shared<std::string>();
    auto* sh = u->add_subcommand("show", "One urge in full, every field as it was logged");
    sh->add_option("id", *show_id, "The urge's id (urge-log list shows them)")->required();
    sh->footer("\nExample:\n  smartgoals urge-log show 4");
    sh->callback([&action, show_id] {
        action = {Needs::read, [show_id](Context& ctx) { run_show(*show_id, ctx); }};
    });

    auto edit = std::make_shared<UrgeEdit>();
    auto* e = u->add_subcommand("edit", "Correct any field of a logged urge");
    e->add_option("id", edit->id, "The urge's id (urge-log list shows them)")->required();
    e->add_option("--intensity", edit->fields.intensity, "How strong, 1 to 10");
    e->add_option("--duration", edit->fields.duration, "How long it lasted, in minutes");
    e->add_option("--at", edit->fields.at,
                  "When: \"YYYY-MM-DD HH:MM\", \"yesterday 21:30\", \"mon 09:00\" or HH:MM");
    e->add_option("--trigger", edit->fields.trigger, "What triggered it");
    e->add_option("--where", edit->fields.where, "Who was there, where you were");
    e->add_option("--strategy", edit->fields.strategies,
                  "How you coped (repeatable; replaces the ways logged; \"\" clears them)");
    auto* edit_rode = e->add_flag("--rode-out", edit->fields.rode_out, "The urge passed");
    auto* edit_acted = e->add_flag("--acted", edit->fields.acted, "You acted on it");
    edit_rode->excludes(edit_acted);
    e->add_option("--note", edit->fields.note, "How you coped and how you felt about it");
    e->add_option("--next-time", edit->fields.next_time, "Ideas for next time");
    e->footer("\nOnly the fields given change; give a text field as \"\" to clear it.\n\n"
              "Examples:\n  smartgoals urge-log edit 4 --intensity 7\n"
              "  smartgoals urge-log edit 4 --at \"yesterday 21:30\" --strategy delay "
              "--strategy \"call Sam\"");
    e->callback([&action, edit, e] {
        edit->given.clear();
        for (const auto* option : e->get_options()) {
            if (option->count() > 0 && !option->get_lnames().empty()) {
                edit->given.push_back("--" + option->get_lnames().front());
            }
        }
        action = {Needs::write, [edit](Context& ctx) { run_edit(*edit, ctx); }};
    });

    auto remove_id = std::make_shared<std::string>();
    auto* rm = u->add_subcommand("remove", "Remove an urge logged by mistake");
    rm->add_option("id", *remove_id, "The urge's id (urge-log list shows them)")->required();
    rm->footer("\n'smartgoals undo' brings it back.\n\nExample:\n  smartgoals urge-log remove 4");
    rm->callback([&action, remove_id] {
        action = {Needs::write, [remove_id](Context& ctx) { run_remove(*remove_id, ctx); }};
    });

    // CLI11 runs this after a subcommand's callback, which wins when one was given.
    u->callback([&action, o, u] {
        if (!u->get_subcommands().empty()) {
            return;
        }
        const auto options = u->get_options();
        const bool any_option =
            std::any_of(options.begin(), options.end(),
                        [](const CLI::Option* opt) { return opt->count() > 0; });
        action = log_action(o, any_option);
    });
}

} // namespace smartgoals::cli
