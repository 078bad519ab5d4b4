// SPDX-License-Identifier: MIT
#include "cli/context.hpp"

#include <smartgoals/cost_benefit.hpp>
#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

struct CbcOptions {
    std::string id;
    std::string title;
    bool activity = false;
    std::string quadrant;
    std::string text;
    std::string term;
    std::optional<int> weight;
    std::string item;
    std::string format = "text";
    // cbc edit: each set only when given.
    std::optional<std::string> new_text;
    std::optional<std::string> new_quadrant;
    std::optional<std::string> new_term;
    std::optional<int> new_weight;
};

CostBenefit existing(Store& store, const std::string& id_text) {
    const auto id = parse_id(id_text, "ID");
    auto comparison = store.comparison(id);
    if (!comparison) {
        throw UsageError(
            fmt::format("there is no comparison #{}; 'smartgoals cbc list' shows them", id));
    }
    return std::move(*comparison);
}

void run_new(const CbcOptions& o, Context& ctx) {
    CostBenefit c{.title = required_text(o.title, "the title"),
                  .activity = o.activity,
                  .created = ctx.timestamp()};
    Store& store = ctx.store();
    store.add_comparison(c);
    ctx.out << c.id << '\n';
    ctx.say(fmt::format("Started comparison #{}. Add to it with: smartgoals cbc add {} bu \"...\"",
                        c.id, c.id));
}

Quadrant checked_quadrant(const std::string& text, std::string_view what) {
    const auto quadrant = parse_quadrant(text);
    if (!quadrant) {
        throw UsageError(fmt::format("{}'{}' is not a quadrant; use benefits-of-using (bu), "
                                     "costs-of-using (cu), benefits-of-not-using (bn) or "
                                     "costs-of-not-using (cn)",
                                     what, text));
    }
    return *quadrant;
}

std::optional<Term> checked_term(const std::string& text, bool allow_none) {
    if (allow_none && text == "none") {
        return std::nullopt;
    }
    const auto term = parse_term(text);
    if (!term) {
        throw UsageError(fmt::format("--term: '{}' is not a term; use short or long{}", text,
                                     allow_none ? " (or none to clear it)" : ""));
    }
    return term;
}

int checked_weight(int weight) {
    if (weight < 1 || weight > 5) {
        throw UsageError(fmt::format("--weight: {} is out of range; use 1 to 5", weight));
    }
    return weight;
}

void run_add(const CbcOptions& o, Context& ctx) {
    CostBenefitItem item{.text = required_text(o.text, "the item's text"),
                         .created = ctx.timestamp()};
    item.quadrant = checked_quadrant(o.quadrant, "");
    if (!o.term.empty()) {
        item.term = checked_term(o.term, false);
    }
    if (o.weight) {
        item.weight = checked_weight(*o.weight);
    }
    Store& store = ctx.store();
    const auto c = existing(store, o.id);
    store.add_comparison_item(c.id, item);
    ctx.out << item.id << '\n';
    ctx.say(fmt::format("Added item #{} to \"{}\" under {}.", item.id, c.title,
                        quadrant_label(item.quadrant, c.activity)));
}

// The comparison with its words made safe to print for people (SPEC §6.4).
CostBenefit shown_for_people(CostBenefit c) {
    c.title = shown(c.title);
    for (auto& item : c.items) {
        item.text = shown(item.text);
    }
    return c;
}

void run_show(const CbcOptions& o, Context& ctx) {
    if (o.format != "text" && o.format != "json" && o.format != "markdown" && o.format != "html") {
        throw UsageError(fmt::format(
            "--format: '{}' is not a format for cbc show; use text, markdown, html or json",
            o.format));
    }
    Store& store = ctx.store();
    const auto c = existing(store, o.id);
    if (o.format == "json") {
        ctx.out << render_comparison_json(c).dump(2) << '\n';
    } else if (o.format == "markdown") {
        render_comparison_markdown(shown_for_people(c), ctx.out);
    } else if (o.format == "html") {
        render_comparison_html(c, ctx.out);
    } else {
        render_grid_text(shown_for_people(c), ctx.out, ctx.width, ctx.plain);
    }
}

void run_list(Context& ctx) {
    Store& store = ctx.store();
    const auto all = store.comparisons();
    for (const auto& c : all) {
        ctx.print(fmt::format("{:>5}  {}  ({}, started {})", fmt::format("#{}", c.id),
                              shown(c.title), c.kind(), c.created.substr(0, 10)),
                  7);
    }
    if (all.empty()) {
        ctx.say("No comparisons yet. Start one with: smartgoals cbc new \"Drinking\"");
    }
}

void run_remove(const CbcOptions& o, Context& ctx) {
    const auto item_id = parse_id(o.item, "ITEM");
    Store& store = ctx.store();
    const auto c = existing(store, o.id);
    const bool found = std::any_of(c.items.begin(), c.items.end(),
                                   [&](const CostBenefitItem& i) { return i.id == item_id; });
    if (!found) {
        throw UsageError(fmt::format("comparison #{} has no item #{}; 'smartgoals cbc show {}' "
                                     "shows its items",
                                     c.id, item_id, c.id));
    }
    store.remove_comparison_item(item_id, ctx.today);
    ctx.say(fmt::format("Removed item #{} from \"{}\".", item_id, c.title));
}

// cbc delete (SPEC §6.1): a whole comparison, with its items.
void run_delete(const CbcOptions& o, Context& ctx) {
    Store& store = ctx.store();
    const auto c = existing(store, o.id);
    store.remove_comparison(c.id, ctx.today);
    const auto n = c.items.size();
    ctx.say(shown(fmt::format(
        "Deleted comparison #{} \"{}\"{}. 'smartgoals undo' brings it back.", c.id, c.title,
        n == 0 ? std::string() : fmt::format(" and its {} item{}", n, n == 1 ? "" : "s"))));
}

// cbc edit (SPEC §6.1): one item's text, quadrant, term or weight corrected.
void run_edit(const CbcOptions& o, Context& ctx) {
    if (!o.new_text && !o.new_quadrant && !o.new_term && !o.new_weight) {
        throw UsageError("cbc edit needs something to change: --text, --quadrant, --term or "
                         "--weight");
    }
    const auto item_id = parse_id(o.item, "ITEM");
    Store& store = ctx.store();
    const auto c = existing(store, o.id);
    const auto found = std::find_if(c.items.begin(), c.items.end(),
                                    [&](const CostBenefitItem& i) { return i.id == item_id; });
    if (found == c.items.end()) {
        throw UsageError(fmt::format("comparison #{} has no item #{}; 'smartgoals cbc show {}' "
                                     "shows its items",
                                     c.id, item_id, c.id));
    }
    CostBenefitItem item = *found;
    if (o.new_text) {
        item.text = required_text(*o.new_text, "--text");
    }
    if (o.new_quadrant) {
        item.quadrant = checked_quadrant(*o.new_quadrant, "--quadrant: ");
    }
    if (o.new_term) {
        item.term = checked_term(*o.new_term, true);
    }
    if (o.new_weight) {
        item.weight = checked_weight(*o.new_weight);
    }
    if (item.text == found->text && item.quadrant == found->quadrant && item.term == found->term &&
        item.weight == found->weight) {
        ctx.say(fmt::format("Item #{} already reads that way; nothing changed.", item.id));
        return;
    }
    store.update_comparison_item(item);
    ctx.say(shown(fmt::format("Changed item #{} of \"{}\": {}.", item.id, c.title,
                              quadrant_label(item.quadrant, c.activity))));
}

void run_rename(const CbcOptions& o, Context& ctx) {
    const auto title = required_text(o.title, "the title");
    Store& store = ctx.store();
    const auto c = existing(store, o.id);
    store.rename_comparison(c.id, title);
    ctx.say(fmt::format("Comparison #{} is now \"{}\".", c.id, title));
}

} // namespace

void register_cbc(CLI::App& app, Action& action) {
    auto* cbc = app.add_subcommand("cbc", "Cost-benefit comparison (SMART's CBA): the benefits "
                                          "and costs of using, and of not using");
    cbc->alias("cba");
    cbc->require_subcommand(1);
    cbc->fallthrough();
    cbc->footer(R"(
Examples:
  smartgoals cbc new "Drinking"
  smartgoals cbc new "Gaming at night" --activity
  smartgoals cbc add 1 bu "Helps me relax" --term short --weight 3
  smartgoals cbc add 1 cu "Hangovers on Sunday" --term short --weight 4
  smartgoals cbc show 1)");
    auto o = std::make_shared<CbcOptions>();
    auto on = [&action, o](Needs needs, void (*run)(const CbcOptions&, Context&)) {
        return [&action, o, needs, run] {
            action = {needs, [o, run](Context& ctx) { run(*o, ctx); }};
        };
    };

    auto* n = cbc->add_subcommand("new", "Start a comparison and print its id");
    n->add_option("title", o->title, "What it is about, for example Drinking")->required();
    n->add_flag("--activity", o->activity, "About an activity: labels say doing, not using");
    n->footer("\nExamples:\n  smartgoals cbc new \"Drinking\"\n"
              "  smartgoals cbc new \"Gaming at night\" --activity");
    n->callback(on(Needs::write, run_new));

    auto* a = cbc->add_subcommand("add", "Add an item to a quadrant and print its id");
    a->add_option("id", o->id, "The comparison's id")->required();
    a->add_option("quadrant", o->quadrant,
                  "benefits-of-using (bu), costs-of-using (cu), benefits-of-not-using (bn), "
                  "costs-of-not-using (cn)")
        ->required();
    a->add_option("text", o->text, "The item, in your words")->required();
    a->add_option("--term", o->term, "short or long");
    a->add_option("--weight", o->weight, "How much it matters to you, 1 to 5 (default counts 1)");
    a->footer("\nExamples:\n  smartgoals cbc add 1 bn \"More money for the kids\" --term long "
              "--weight 5\n  smartgoals cbc add 1 cn \"Evenings feel long\" --term short");
    a->callback(on(Needs::write, run_add));

    auto* s = cbc->add_subcommand("show", "The 2x2 grid with weighted totals");
    s->add_option("id", o->id, "The comparison's id")->required();
    s->add_option("--format", o->format, "text (default), markdown, html or json");
    s->footer("\nExamples:\n  smartgoals cbc show 1\n  smartgoals cbc show 1 --format html > "
              "drinking.html\n  smartgoals cbc show 1 --format json");
    s->callback(on(Needs::read, run_show));

    auto* l = cbc->add_subcommand("list", "Every comparison");
    l->footer("\nExample:\n  smartgoals cbc list");
    l->callback([&action] { action = {Needs::read, run_list}; });

    auto* r = cbc->add_subcommand("remove", "Remove an item by its id");
    r->add_option("id", o->id, "The comparison's id")->required();
    r->add_option("item", o->item, "The item's id (cbc show lists them)")->required();
    r->footer("\nExample:\n  smartgoals cbc remove 1 4");
    r->callback(on(Needs::write, run_remove));

    auto* ed = cbc->add_subcommand("edit", "Change an item's text, quadrant, term or weight");
    ed->add_option("id", o->id, "The comparison's id")->required();
    ed->add_option("item", o->item, "The item's id (cbc show lists them)")->required();
    ed->add_option("--text", o->new_text, "The item, in new words");
    ed->add_option("--quadrant", o->new_quadrant, "Move it: bu, cu, bn or cn (or in full)");
    ed->add_option("--term", o->new_term, "short, long, or none to clear it");
    ed->add_option("--weight", o->new_weight, "How much it matters to you, 1 to 5");
    ed->footer("\nExamples:\n  smartgoals cbc edit 1 4 --weight 5\n"
               "  smartgoals cbc edit 1 4 --quadrant cn --text \"Evenings feel long\"");
    ed->callback(on(Needs::write, run_edit));

    auto* del = cbc->add_subcommand("delete", "Delete a whole comparison, with its items");
    del->add_option("id", o->id, "The comparison's id")->required();
    del->footer("\n'smartgoals undo' brings it back. To remove one item: 'cbc remove ID ITEM'.\n\n"
                "Example:\n  smartgoals cbc delete 2");
    del->callback(on(Needs::write, run_delete));

    auto* rn = cbc->add_subcommand("rename", "Give a comparison a new title");
    rn->add_option("id", o->id, "The comparison's id")->required();
    rn->add_option("title", o->title, "The new title")->required();
    rn->footer("\nExample:\n  smartgoals cbc rename 1 \"Drinking at weekends\"");
    rn->callback(on(Needs::write, run_rename));
}

} // namespace smartgoals::cli
