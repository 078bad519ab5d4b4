// SPDX-License-Identifier: MIT
// `plan`: SMART's Change Plan Worksheet as data (SPEC §6.2); a step can become a goal.
#include "cli/context.hpp"

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

struct PlanOptions {
    std::string id;
    std::optional<std::string> change;
    std::optional<int> importance, confidence;
    std::optional<std::vector<std::string>> reasons, steps, helpers, signs, interferes;
    std::string step; // plan goal: the step's number
    std::string week;
    std::string format = "text";
};

// Each list of the worksheet: its option, its heading, and the part it is stored as.
struct PartList {
    PlanPart part;
    std::string_view heading;
    std::optional<std::vector<std::string>> PlanOptions::*option;
};
constexpr PartList k_lists[] = {
    {PlanPart::reason, "The most important reasons I want to make this change",
     &PlanOptions::reasons},
    {PlanPart::step, "The steps I plan to take", &PlanOptions::steps},
    {PlanPart::helper, "Who can help, and how", &PlanOptions::helpers},
    {PlanPart::sign, "How I will know the plan is working", &PlanOptions::signs},
    {PlanPart::interfere, "What could interfere, and what I can do about it",
     &PlanOptions::interferes},
};

ChangePlan existing(Store& store, const std::string& id_text) {
    const auto id = parse_id(id_text, "ID");
    auto plan = store.plan(id);
    if (!plan) {
        throw UsageError(
            fmt::format("there is no plan #{}; 'smartgoals plan list' shows them", id));
    }
    return std::move(*plan);
}

std::optional<int> checked_rating(std::optional<int> value, std::string_view what) {
    if (value && (*value < 1 || *value > 10)) {
        throw UsageError(fmt::format("{}: {} is out of range; use 1 to 10", what, *value));
    }
    return value;
}

// The options given, applied to `plan`: each list given replaces that list; a step that keeps
// its number and its words keeps the goal made from it.
void apply(const PlanOptions& o, ChangePlan& plan) {
    if (o.change) {
        plan.change = required_text(*o.change, "the change");
    }
    if (o.importance) {
        plan.importance = checked_rating(o.importance, "--importance");
    }
    if (o.confidence) {
        plan.confidence = checked_rating(o.confidence, "--confidence");
    }
    for (const auto& list : k_lists) {
        const auto& given = o.*list.option;
        if (!given) {
            continue;
        }
        std::vector<PlanLine> kept;
        for (auto& line : plan.lines) {
            if (line.part != list.part) {
                kept.push_back(std::move(line));
            }
        }
        const auto before = plan.lines;
        int number = 0;
        for (const auto& text : *given) {
            if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
                continue; // "" clears the list
            }
            PlanLine line{.part = list.part, .number = ++number, .text = text};
            for (const auto& old : before) {
                if (old.part == list.part && old.number == number && old.text == text) {
                    line.goal_id = old.goal_id;
                }
            }
            kept.push_back(std::move(line));
        }
        plan.lines = std::move(kept);
    }
}

std::string rating_text(const std::optional<int>& r) {
    return r ? fmt::format("{}/10", *r) : "not rated";
}

// How a step that became a goal stands: "goal #5, done".
std::string goal_note(Store& store, const PlanLine& line) {
    if (!line.goal_id) {
        return "";
    }
    const auto goal = store.goal_without_completions(*line.goal_id);
    if (!goal) {
        return "";
    }
    const char* status = goal->status == Status::done      ? "done"
                         : goal->status == Status::dropped ? "let go"
                                                           : "open";
    return fmt::format("goal #{}, {}", goal->id, status);
}

void run_new(const PlanOptions& o, Context& ctx) {
    ChangePlan plan{.uuid = new_uuid(), .created = ctx.timestamp()};
    apply(o, plan);
    ctx.store().add_plan(plan);
    ctx.out << plan.id << '\n';
    ctx.say(fmt::format("Made plan #{}. Turn a step into a goal with: smartgoals plan goal {} 1",
                        plan.id, plan.id));
}

void run_list(Context& ctx) {
    const auto plans = ctx.store().plans();
    for (const auto& p : plans) {
        const auto steps = std::count_if(p.lines.begin(), p.lines.end(),
                                         [](const auto& l) { return l.part == PlanPart::step; });
        ctx.print(shown(fmt::format("{:>5}  {}  (importance {}, confidence {}; {} step{}; made "
                                    "{})",
                                    fmt::format("#{}", p.id), p.change, rating_text(p.importance),
                                    rating_text(p.confidence), steps, steps == 1 ? "" : "s",
                                    p.created.substr(0, 10))),
                  7);
    }
    if (plans.empty()) {
        ctx.say("No plans yet. Make one with: smartgoals plan new \"Cut down at weekends\" "
                "--step \"...\"");
    }
}

void run_show(const PlanOptions& o, Context& ctx) {
    if (o.format != "text" && o.format != "json" && o.format != "markdown" && o.format != "html") {
        throw UsageError(fmt::format(
            "--format: '{}' is not a format for plan show; use text, markdown, html or json",
            o.format));
    }
    Store& store = ctx.store();
    const auto p = existing(store, o.id);
    if (o.format == "json") {
        using Json = nlohmann::ordered_json;
        Json lines = Json::array();
        for (const auto& l : p.lines) {
            lines.push_back({{"part", to_string(l.part)},
                             {"number", l.number},
                             {"text", l.text},
                             {"goal_id", l.goal_id ? Json(*l.goal_id) : Json(nullptr)}});
        }
        ctx.out << Json{{"id", p.id},
                        {"uuid", p.uuid},
                        {"change", p.change},
                        {"importance", p.importance ? Json(*p.importance) : Json(nullptr)},
                        {"confidence", p.confidence ? Json(*p.confidence) : Json(nullptr)},
                        {"created", p.created.substr(0, 10)},
                        {"lines", lines}}
                       .dump(2)
                << '\n';
        return;
    }
    const auto item = [&](const PlanLine& l) {
        const auto note = goal_note(store, l);
        return fmt::format("{}. {}{}", l.number, shown(l.text),
                           note.empty() ? "" : " (" + note + ")");
    };
    const auto ratings = fmt::format("How important it is to me: {}. How confident I am: {}.",
                                     rating_text(p.importance), rating_text(p.confidence));
    if (o.format == "text") {
        ctx.print(shown(fmt::format("Change plan #{}: {}", p.id, p.change)), 2);
        ctx.print("  " + ratings, 4);
        for (const auto& list : k_lists) {
            ctx.out << '\n';
            ctx.print(std::string(list.heading), 2);
            bool any = false;
            for (const auto& l : p.lines) {
                if (l.part == list.part) {
                    ctx.print("  " + item(l), 5);
                    any = true;
                }
            }
            if (!any) {
                ctx.out << "  (not yet)\n";
            }
        }
        return;
    }
    const auto title = fmt::format("Change plan: {}", shown(p.change));
    if (o.format == "markdown") {
        ctx.out << "# " << markdown_escape(title) << "\n\n" << ratings << "\n\n";
        for (const auto& list : k_lists) {
            ctx.out << "## " << list.heading << "\n\n";
            bool any = false;
            for (const auto& l : p.lines) {
                if (l.part == list.part) {
                    ctx.out << "- " << markdown_escape(item(l)) << '\n';
                    any = true;
                }
            }
            ctx.out << (any ? "\n" : "(not yet)\n\n");
        }
        return;
    }
    ctx.out << html_page_start(title, "section { break-inside: avoid; }\n");
    ctx.out << "<h1>" << html_escape(title) << "</h1>\n<p>" << html_escape(ratings) << "</p>\n";
    for (const auto& list : k_lists) {
        ctx.out << "<section>\n<h2>" << list.heading << "</h2>\n<ul>\n";
        for (const auto& l : p.lines) {
            if (l.part == list.part) {
                ctx.out << "<li>" << html_escape(item(l)) << "</li>\n";
            }
        }
        ctx.out << "</ul>\n</section>\n";
    }
    ctx.out << html_page_end();
}

bool any_given(const PlanOptions& o) {
    return o.change || o.importance || o.confidence || o.reasons || o.steps || o.helpers ||
           o.signs || o.interferes;
}

void run_edit(const PlanOptions& o, Context& ctx) {
    if (!any_given(o)) {
        throw UsageError("plan edit needs something to change: --change, --importance, "
                         "--confidence, --reason, --step, --helper, --sign or --interfere");
    }
    Store& store = ctx.store();
    const auto before = existing(store, o.id);
    ChangePlan plan = before;
    apply(o, plan);
    const auto same = [](const PlanLine& a, const PlanLine& b) {
        return a.part == b.part && a.number == b.number && a.text == b.text &&
               a.goal_id == b.goal_id;
    };
    if (plan.change == before.change && plan.importance == before.importance &&
        plan.confidence == before.confidence &&
        std::equal(plan.lines.begin(), plan.lines.end(), before.lines.begin(), before.lines.end(),
                   same)) {
        ctx.say(fmt::format("Plan #{} already reads that way; nothing changed.", plan.id));
        return;
    }
    store.update_plan(plan);
    ctx.say(fmt::format("Changed plan #{}.", plan.id));
}

void run_remove(const PlanOptions& o, Context& ctx) {
    Store& store = ctx.store();
    const auto p = existing(store, o.id);
    store.remove_plan(p.id, ctx.today);
    ctx.say(shown(fmt::format("Removed plan #{} ({}); goals made from its steps stay. "
                              "'smartgoals undo' brings it back.",
                              p.id, p.change)));
}

void run_goal(const PlanOptions& o, Context& ctx) {
    Store& store = ctx.store();
    auto plan = existing(store, o.id);
    const auto number = parse_id(o.step, "STEP");
    auto line = std::find_if(plan.lines.begin(), plan.lines.end(), [&](const PlanLine& l) {
        return l.part == PlanPart::step && l.number == number;
    });
    if (line == plan.lines.end()) {
        throw UsageError(fmt::format("plan #{} has no step {}; 'smartgoals plan show {}' lists "
                                     "its steps",
                                     plan.id, number, plan.id));
    }
    if (line->goal_id && store.goal_without_completions(*line->goal_id)) {
        throw UsageError(fmt::format("step {} of plan #{} is already goal #{}", number, plan.id,
                                     *line->goal_id));
    }
    Goal goal;
    goal.text = line->text;
    goal.created = ctx.timestamp();
    const Weekday ws = store.week_start();
    goal.planned = planned_date(o.week.empty() ? "this" : o.week, ctx.today, ws);
    store.add_goal(goal);
    line->goal_id = goal.id;
    store.update_plan(plan);
    ctx.out << goal.id << '\n';
    ctx.say(shown(fmt::format("Step {} is now goal #{} for the week of {}: {}", number, goal.id,
                              format_date(planned_week(goal, ws).start), goal.text)));
}

// A list option given only as "" reaches CLI11 as no value at all: it is still a list given,
// and clears that list.
void note_cleared_lists(const CLI::App* c, PlanOptions& o) {
    const std::pair<const char*, std::optional<std::vector<std::string>> PlanOptions::*> lists[] = {
        {"--reason", &PlanOptions::reasons},
        {"--step", &PlanOptions::steps},
        {"--helper", &PlanOptions::helpers},
        {"--sign", &PlanOptions::signs},
        {"--interfere", &PlanOptions::interferes}};
    for (const auto& [name, list] : lists) {
        if (c->count(name) > 0 && !(o.*list)) {
            o.*list = std::vector<std::string>{};
        }
    }
}

void add_plan_options(CLI::App* c, PlanOptions& o) {
    c->add_option("--importance", o.importance, "How important the change is to me, 1 to 10");
    c->add_option("--confidence", o.confidence, "How confident I am that I can make it, 1 to 10");
    // Each list option takes one value each time it is given, so that "--" after one still
    // ends the options and a change may start with "-".
    c->add_option("--reason", o.reasons, "A reason I want to make this change (repeat for more)")
        ->allow_extra_args(false);
    c->add_option("--step", o.steps, "A step I plan to take (repeat for more, in order)")
        ->allow_extra_args(false);
    c->add_option("--helper", o.helpers, "Who can help, and how (repeat for more)")
        ->allow_extra_args(false);
    c->add_option("--sign", o.signs, "How I will know the plan is working (repeat for more)")
        ->allow_extra_args(false);
    c->add_option("--interfere", o.interferes,
                  "What could interfere, and what I can do about it (repeat for more)")
        ->allow_extra_args(false);
}

} // namespace

void register_plan(CLI::App& app, Action& action) {
    auto* plan = app.add_subcommand("plan", "SMART's Change Plan: the change I want, my reasons, "
                                            "my steps; a step can become a goal");
    plan->require_subcommand(1);
    plan->fallthrough();
    plan->footer(R"(
Examples:
  smartgoals plan new "Cut down at weekends" --importance 9 --confidence 6 \
      --reason "Be present for the kids" --step "No drinks at home" --step "Sunday swim"
  smartgoals plan show 1
  smartgoals plan goal 1 2
  smartgoals plan edit 1 --confidence 7)");
    auto o = std::make_shared<PlanOptions>();
    auto on = [&action, o](Needs needs, void (*run)(const PlanOptions&, Context&)) {
        return [&action, o, needs, run] {
            action = {needs, [o, run](Context& ctx) { run(*o, ctx); }};
        };
    };

    auto* n = plan->add_subcommand("new", "Make a change plan and print its id");
    n->add_option("change", o->change, "The change I want to make")->required();
    add_plan_options(n, *o);
    n->footer("\nExample:\n  smartgoals plan new \"Cut down at weekends\" --importance 9 "
              "--step \"No drinks at home\" --helper \"My sister: a call on Fridays\"");
    n->callback([&action, o, n] {
        note_cleared_lists(n, *o);
        action = {Needs::write, [o](Context& ctx) { run_new(*o, ctx); }};
    });

    auto* l = plan->add_subcommand("list", "Every change plan");
    l->footer("\nExample:\n  smartgoals plan list");
    l->callback([&action] { action = {Needs::read, run_list}; });

    auto* s = plan->add_subcommand("show", "A plan in full, with the goals its steps became");
    s->add_option("id", o->id, "The plan's id (plan list shows them)")->required();
    s->add_option("--format", o->format, "text (default), markdown, html or json");
    s->footer("\nExamples:\n  smartgoals plan show 1\n  smartgoals plan show 1 --format html > "
              "plan.html");
    s->callback(on(Needs::read, run_show));

    auto* e = plan->add_subcommand("edit", "Change a plan; a list given replaces that list");
    e->add_option("id", o->id, "The plan's id (plan list shows them)")->required();
    e->add_option("--change", o->change, "The change, in new words");
    add_plan_options(e, *o);
    e->footer("\nExamples:\n  smartgoals plan edit 1 --confidence 7\n"
              "  smartgoals plan edit 1 --step \"No drinks at home\" --step \"Swim on Sunday\"");
    e->callback([&action, o, e] {
        note_cleared_lists(e, *o);
        action = {Needs::write, [o](Context& ctx) { run_edit(*o, ctx); }};
    });

    auto* r = plan->add_subcommand("remove", "Remove a plan; goals made from it stay");
    r->add_option("id", o->id, "The plan's id (plan list shows them)")->required();
    r->footer("\nExample:\n  smartgoals plan remove 2");
    r->callback(on(Needs::write, run_remove));

    auto* g = plan->add_subcommand("goal", "Turn a step into a goal and print its id");
    g->add_option("id", o->id, "The plan's id")->required();
    g->add_option("step", o->step, "The step's number (plan show lists them)")->required();
    g->add_option("--week", o->week, "The week it is for (default this week)");
    g->footer("\nExample:\n  smartgoals plan goal 1 2 --week next");
    g->callback(on(Needs::write, run_goal));
}

} // namespace smartgoals::cli
