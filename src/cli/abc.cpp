// SPDX-License-Identifier: MIT
// `abc`: SMART's ABC (SPEC §6.2), a way to question a belief that an event stirred up.
#include "cli/context.hpp"
#include "cli/terminal.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/markup.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/uuid.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>

namespace smartgoals::cli {

namespace {

// Each field set only when given: "" clears one (the event excepted).
struct AbcOptions {
    std::string id;
    std::optional<std::string> event, belief, consequence, dispute, effective, urge, date;
    std::string week;
    std::string format = "text";
};

// The five parts in SMART's words: what each is, as the form asks and as a page names it.
struct Part {
    std::string_view letter;
    std::string_view name;
    std::string_view question;
    std::string Abc::*field;
    std::optional<std::string> AbcOptions::*option;
};
constexpr Part k_parts[] = {
    {"A", "Activating event", "What happened? (what a camera would have seen) ", &Abc::event,
     &AbcOptions::event},
    {"B", "Beliefs", "What did I tell myself about it? ", &Abc::belief, &AbcOptions::belief},
    {"C", "Consequences", "How did I feel, and what did I do? ", &Abc::consequence,
     &AbcOptions::consequence},
    {"D", "Dispute", "Questioning the belief: what do I say back to it? ", &Abc::dispute,
     &AbcOptions::dispute},
    {"E", "Effective new belief", "What would I rather tell myself now? ", &Abc::effective,
     &AbcOptions::effective},
};
constexpr std::string_view k_disputing =
    "Questions to dispute a belief: Is it true, and where is the evidence? Does it help me? "
    "What would I tell a friend who thought this?\n";

Abc existing(Store& store, const std::string& id_text) {
    const auto id = parse_id(id_text, "ID");
    auto abc = store.abc(id);
    if (!abc) {
        throw UsageError(fmt::format("there is no ABC #{}; 'smartgoals abc list' shows them", id));
    }
    return std::move(*abc);
}

// Applies the options given to `abc`, checking each before anything is written.
void apply(const AbcOptions& o, Abc& abc, Store& store, Context& ctx) {
    for (const auto& part : k_parts) {
        if (const auto& given = o.*part.option) {
            abc.*part.field = *given;
        }
    }
    if (abc.event.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw UsageError("--event: the activating event is needed; what happened, as a camera "
                         "would have seen it?");
    }
    if (o.urge) {
        if (o.urge->empty()) {
            abc.urge_id.reset();
        } else {
            const auto id = parse_id(*o.urge, "--urge");
            const auto urge = store.urge(id);
            if (!urge) {
                throw UsageError(fmt::format(
                    "--urge: there is no urge #{}; 'smartgoals urge-log list' shows them", id));
            }
            abc.urge_id = id;
            if (!o.date && abc.id == 0) {
                abc.date = urge->date; // an ABC about an urge is about the day of the urge
            }
        }
    }
    if (o.date) {
        abc.date = date_not_in_future(*o.date, "--date", ctx.today);
    }
}

bool any_given(const AbcOptions& o) {
    return o.event || o.belief || o.consequence || o.dispute || o.effective || o.urge || o.date;
}

AbcOptions ask_for_each_part(Context& ctx) {
    AbcOptions o;
    ctx.explain("ABC: a way to look at a belief that an event stirred up. Only the event is "
                "needed; press Enter to skip any other question.\nCtrl-C or Ctrl-D stops "
                "without recording anything.\n\n");
    for (const auto& part : k_parts) {
        if (part.letter == "D") {
            ctx.explain(std::string(k_disputing));
        }
        auto answer = ask(ctx, fmt::format("{} ({}): {}", part.letter, part.name, part.question));
        while (part.letter == "A" && answer.empty()) {
            ctx.explain("  The event is the one answer an ABC needs.\n");
            answer = ask(ctx, fmt::format("A ({}): {}", part.name, part.question));
        }
        o.*part.option = answer;
    }
    return o;
}

void run_new(Abc& abc, Context& ctx) {
    ctx.store().add_abc(abc);
    ctx.out << abc.id << '\n';
    ctx.say(fmt::format("Recorded ABC #{} ({}).", abc.id, format_date(abc.date)));
}

void print_abc(Context& ctx, const Abc& a) {
    ctx.print(fmt::format("ABC #{}  {}{}", a.id, format_date(a.date),
                          a.urge_id ? fmt::format("  (from urge #{})", *a.urge_id) : ""),
              2);
    for (const auto& part : k_parts) {
        const auto& text = a.*part.field;
        ctx.print(shown(fmt::format("  {} {}: {}", part.letter, part.name,
                                    text.empty() ? "(not yet)" : text)),
                  6);
    }
}

void run_list(const AbcOptions& o, Context& ctx) {
    Store& store = ctx.store();
    std::vector<Abc> abcs;
    if (o.week.empty()) {
        abcs = store.abcs_between(std::nullopt, std::nullopt);
    } else {
        const Week week = parse_week(o.week, ctx.today, store.week_start());
        abcs = store.abcs_between(week.start, week.end());
    }
    for (auto it = abcs.rbegin(); it != abcs.rend(); ++it) {
        ctx.print(
            shown(fmt::format("{:>5}  {}  {}{}", fmt::format("#{}", it->id), format_date(it->date),
                              it->event, it->effective.empty() ? "" : "  → " + it->effective)),
            7);
    }
    if (abcs.empty()) {
        ctx.say(o.week.empty() ? "No ABCs yet. Start one with: smartgoals abc new"
                               : "No ABCs that week.");
    }
}

std::string json_of(const Abc& a) {
    return nlohmann::ordered_json{{"id", a.id},
                                  {"uuid", a.uuid},
                                  {"date", format_date(a.date)},
                                  {"event", a.event},
                                  {"belief", a.belief},
                                  {"consequence", a.consequence},
                                  {"dispute", a.dispute},
                                  {"effective", a.effective},
                                  {"urge_id", a.urge_id ? nlohmann::ordered_json(*a.urge_id)
                                                        : nlohmann::ordered_json(nullptr)}}
               .dump(2) +
           "\n";
}

void run_show(const AbcOptions& o, Context& ctx) {
    if (o.format != "text" && o.format != "json" && o.format != "markdown" && o.format != "html") {
        throw UsageError(fmt::format(
            "--format: '{}' is not a format for abc show; use text, markdown, html or json",
            o.format));
    }
    const auto a = existing(ctx.store(), o.id);
    if (o.format == "json") {
        ctx.out << json_of(a);
        return;
    }
    if (o.format == "text") {
        print_abc(ctx, a);
        return;
    }
    const auto title = fmt::format("ABC, {}", format_date(a.date));
    if (o.format == "markdown") {
        ctx.out << "# " << title << "\n\n";
        for (const auto& part : k_parts) {
            const auto& text = a.*part.field;
            ctx.out << "## " << part.letter << ": " << part.name << "\n\n"
                    << (text.empty() ? "(not yet)" : markdown_escape(shown(text))) << "\n\n";
        }
        return;
    }
    ctx.out << html_page_start(title, "section { break-inside: avoid; }\n"
                                      "p.answer { min-height: 8mm; white-space: pre-wrap; }\n");
    ctx.out << "<h1>" << html_escape(title) << "</h1>\n";
    for (const auto& part : k_parts) {
        const auto& text = a.*part.field;
        ctx.out << "<section>\n<h2>" << part.letter << ": " << part.name << "</h2>\n";
        if (part.letter == "D") {
            ctx.out << "<p class=\"muted\">" << html_escape(k_disputing) << "</p>\n";
        }
        ctx.out << "<p class=\"answer\">" << (text.empty() ? "" : html_escape(shown(text)))
                << "</p>\n</section>\n";
    }
    ctx.out << html_page_end();
}

void run_edit(const AbcOptions& o, Context& ctx) {
    if (!any_given(o)) {
        throw UsageError("abc edit needs something to change: --event, --belief, "
                         "--consequence, --dispute, --effective, --urge or --date");
    }
    Store& store = ctx.store();
    const auto before = existing(store, o.id);
    Abc abc = before;
    apply(o, abc, store, ctx);
    if (abc.date == before.date && abc.event == before.event && abc.belief == before.belief &&
        abc.consequence == before.consequence && abc.dispute == before.dispute &&
        abc.effective == before.effective && abc.urge_id == before.urge_id) {
        ctx.say(fmt::format("ABC #{} already reads that way; nothing changed.", abc.id));
        return;
    }
    store.update_abc(abc);
    ctx.say(fmt::format("Changed ABC #{}.", abc.id));
}

void run_remove(const AbcOptions& o, Context& ctx) {
    Store& store = ctx.store();
    const auto a = existing(store, o.id);
    store.remove_abc(a.id, ctx.today);
    ctx.say(fmt::format("Removed ABC #{} ({}). 'smartgoals undo' brings it back.", a.id,
                        format_date(a.date)));
}

Action new_action(std::shared_ptr<AbcOptions> o) {
    auto abc = std::make_shared<Abc>();
    return {.needs = Needs::write,
            .run =
                [o, abc](Context& ctx) {
                    // The urge is looked up in the write transaction, where it is sure to stay.
                    apply(*o, *abc, ctx.store(), ctx);
                    run_new(*abc, ctx);
                },
            .prepare =
                [o, abc](Context& ctx) {
                    if (!any_given(*o)) {
                        if (!ctx.interactive) {
                            throw UsageError("abc new needs --event (and any other parts) when it "
                                             "is not run on a terminal");
                        }
                        *o = ask_for_each_part(ctx);
                    }
                    *abc = Abc{.uuid = new_uuid(), .date = ctx.today, .created = ctx.timestamp()};
                    Abc checked = *abc; // every part checked before the write transaction opens
                    apply(*o, checked, ctx.store(), ctx);
                }};
}

void add_part_options(CLI::App* command, AbcOptions& o) {
    command->add_option("--event", o.event, "A: what happened, as a camera would have seen it");
    command->add_option("--belief", o.belief, "B: what I told myself about it");
    command->add_option("--consequence", o.consequence, "C: how I felt, and what I did");
    command->add_option("--dispute", o.dispute,
                        "D: questioning the belief (is it true? does it help me?)");
    command->add_option("--effective", o.effective, "E: the effective new belief");
    command->add_option("--urge", o.urge, "The logged urge it started from (its id)");
    command->add_option("--date", o.date, "The day it is about (default today, or the urge's)");
}

} // namespace

void register_abc(CLI::App& app, Action& action) {
    auto* abc = app.add_subcommand("abc", "SMART's ABC: an event, the beliefs it stirred, their "
                                          "consequences, a dispute, an effective new belief");
    abc->require_subcommand(1);
    abc->fallthrough();
    abc->footer(R"(
Examples:
  smartgoals abc new
  smartgoals abc new --event "Payday, walked past the pub" --belief "I deserve it"
  smartgoals abc new --urge 12 --event "Friend called, asked me out"
  smartgoals abc list
  smartgoals abc show 1 --format html > abc.html)");
    auto o = std::make_shared<AbcOptions>();
    auto on = [&action, o](Needs needs, void (*run)(const AbcOptions&, Context&)) {
        return [&action, o, needs, run] {
            action = {needs, [o, run](Context& ctx) { run(*o, ctx); }};
        };
    };

    auto* n = abc->add_subcommand("new", "Record an ABC and print its id; with no options on a "
                                         "terminal, it asks for each part");
    add_part_options(n, *o);
    n->footer("\nExamples:\n  smartgoals abc new\n  smartgoals abc new --event \"Argument with "
              "my brother\" --belief \"He never listens\" --effective \"He was tired; I can "
              "try again on Sunday\"");
    n->callback([&action, o] { action = new_action(o); });

    auto* l = abc->add_subcommand("list", "Every ABC, newest first, or one week's");
    l->add_option("--week", o->week, "Only this week's: this, last, -N, a day, YYYY-Www");
    l->footer("\nExamples:\n  smartgoals abc list\n  smartgoals abc list --week last");
    l->callback(on(Needs::read, run_list));

    auto* s = abc->add_subcommand("show", "One ABC in full");
    s->add_option("id", o->id, "The ABC's id (abc list shows them)")->required();
    s->add_option("--format", o->format, "text (default), markdown, html or json");
    s->footer("\nExamples:\n  smartgoals abc show 3\n  smartgoals abc show 3 --format html > "
              "abc.html");
    s->callback(on(Needs::read, run_show));

    auto* e = abc->add_subcommand("edit", "Change or add to any part; \"\" clears one");
    e->add_option("id", o->id, "The ABC's id (abc list shows them)")->required();
    add_part_options(e, *o);
    e->footer("\nExample:\n  smartgoals abc edit 3 --dispute \"One drink is never one\" "
              "--effective \"I can treat myself another way\"");
    e->callback(on(Needs::write, run_edit));

    auto* r = abc->add_subcommand("remove", "Remove an ABC made by mistake");
    r->add_option("id", o->id, "The ABC's id (abc list shows them)")->required();
    r->footer("\nExample:\n  smartgoals abc remove 3");
    r->callback(on(Needs::write, run_remove));
}

} // namespace smartgoals::cli
