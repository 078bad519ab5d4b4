// SPDX-License-Identifier: MIT
// `values`: SMART's Hierarchy of Values (SPEC §6.2), what matters most to me, in order.
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>
#include <smartgoals/uuid.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace smartgoals::cli {

namespace {

struct ValuesOptions {
    std::string id;
    std::string text;
    std::optional<int> position;
};

Value existing(Store& store, const std::string& id_text) {
    const auto id = parse_id(id_text, "ID");
    auto value = store.value(id);
    if (!value) {
        throw UsageError(
            fmt::format("there is no value #{}; 'smartgoals values list' shows them", id));
    }
    return std::move(*value);
}

// A place in the list of `count` values: 1 to `count` (`count` + 1 when adding).
int checked_position(int position, int count, std::string_view what) {
    if (position < 1 || position > count) {
        throw UsageError(
            fmt::format("{}: {} is out of range; use 1 to {}", what, position, std::max(1, count)));
    }
    return position;
}

void run_add(const ValuesOptions& o, Context& ctx) {
    Value value{
        .uuid = new_uuid(), .text = required_text(o.text, "the value"), .created = ctx.timestamp()};
    Store& store = ctx.store();
    if (o.position) {
        const int count = static_cast<int>(store.values().size());
        value.position = checked_position(*o.position, count + 1, "--position");
    }
    store.add_value(value);
    ctx.out << value.id << '\n';
    ctx.say(shown(
        fmt::format("\"{}\" is number {} of what matters to you.", value.text, value.position)));
}

void run_list(Context& ctx) {
    const auto values = ctx.store().values();
    for (const auto& v : values) {
        ctx.print(fmt::format("{:>3}. {}  (#{})", v.position, shown(v.text), v.id), 5);
    }
    if (values.empty()) {
        ctx.say("No values yet. What matters most to you? Add it with: smartgoals values add "
                "\"my kids\"");
    }
}

void run_move(const ValuesOptions& o, Context& ctx) {
    Store& store = ctx.store();
    const auto value = existing(store, o.id);
    const int count = static_cast<int>(store.values().size());
    const int to = checked_position(*o.position, count, "position");
    if (to == value.position) {
        ctx.say(
            shown(fmt::format("\"{}\" is already number {}; nothing changed.", value.text, to)));
        return;
    }
    store.move_value(value.id, to);
    ctx.say(shown(fmt::format("\"{}\" is now number {} of {}.", value.text, to, count)));
}

void run_edit(const ValuesOptions& o, Context& ctx) {
    const auto text = required_text(o.text, "the value");
    Store& store = ctx.store();
    const auto value = existing(store, o.id);
    if (text == value.text) {
        ctx.say(fmt::format("Value #{} already reads that way; nothing changed.", value.id));
        return;
    }
    store.update_value_text(value.id, text);
    ctx.say(shown(fmt::format("Number {} now reads \"{}\".", value.position, text)));
}

void run_remove(const ValuesOptions& o, Context& ctx) {
    Store& store = ctx.store();
    const auto value = existing(store, o.id);
    store.remove_value(value.id, ctx.today);
    ctx.say(shown(fmt::format("Removed \"{}\"; the ones below it moved up. 'smartgoals undo' "
                              "brings it back.",
                              value.text)));
}

} // namespace

void register_values(CLI::App& app, Action& action) {
    auto* values = app.add_subcommand("values", "Hierarchy of Values: what matters most to you, "
                                                "in order; the top five open the review");
    values->require_subcommand(1);
    values->fallthrough();
    values->footer(R"(
Examples:
  smartgoals values add "My kids"
  smartgoals values add "My health" --position 1
  smartgoals values list
  smartgoals values move 2 1)");
    auto o = std::make_shared<ValuesOptions>();
    auto on = [&action, o](Needs needs, void (*run)(const ValuesOptions&, Context&)) {
        return [&action, o, needs, run] {
            action = {needs, [o, run](Context& ctx) { run(*o, ctx); }};
        };
    };

    auto* a = values->add_subcommand("add", "Add what matters to you and print its id");
    a->add_option("text", o->text, "In your words, for example \"my kids\"")->required();
    a->add_option("--position", o->position,
                  "Its place, 1 for what matters most (default: after the others)");
    a->footer("\nExamples:\n  smartgoals values add \"Being a good dad\"\n"
              "  smartgoals values add \"My health\" --position 1");
    a->callback(on(Needs::write, run_add));

    auto* l = values->add_subcommand("list", "What matters to you, most important first");
    l->footer("\nExample:\n  smartgoals values list");
    l->callback([&action] { action = {Needs::read, run_list}; });

    auto* m = values->add_subcommand("move", "Move a value to another place in your order");
    m->add_option("id", o->id, "The value's id (values list shows them)")->required();
    m->add_option("position", o->position, "Its new place, 1 for what matters most")->required();
    m->footer("\nExample:\n  smartgoals values move 3 1");
    m->callback(on(Needs::write, run_move));

    auto* e = values->add_subcommand("edit", "Put a value in new words");
    e->add_option("id", o->id, "The value's id (values list shows them)")->required();
    e->add_option("text", o->text, "The new words")->required();
    e->footer("\nExample:\n  smartgoals values edit 2 \"Time with my kids\"");
    e->callback(on(Needs::write, run_edit));

    auto* r = values->add_subcommand("remove", "Remove a value; the ones below move up");
    r->add_option("id", o->id, "The value's id (values list shows them)")->required();
    r->footer("\nExample:\n  smartgoals values remove 4");
    r->callback(on(Needs::write, run_remove));
}

} // namespace smartgoals::cli
