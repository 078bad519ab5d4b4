// SPDX-License-Identifier: MIT
// A hidden command for the shell completions: open goals and comparisons, "ID<TAB>TEXT" a line.
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/text_width.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

// Completions must stay quiet: any trouble with the database gives no lines (Needs::read_quietly).
void run_complete(const std::string& what, Context& ctx) {
    if (what != "goals" && what != "all-goals" && what != "cbc") {
        throw UsageError(fmt::format("__complete: '{}' is not goals, all-goals or cbc", what));
    }
    Store& store = ctx.store();
    // One line each, id and text split by a tab: the text shown, never obeyed (SPEC §6.4).
    auto one_line = [](const std::string& text) { return shown(text); };
    if (what == "cbc") {
        for (const auto& c : store.comparisons()) {
            ctx.out << c.id << '\t' << one_line(c.title) << '\n';
        }
        return;
    }
    for (const auto& [id, text] : store.goal_texts(what == "goals")) {
        ctx.out << id << '\t' << one_line(text) << '\n';
    }
}

} // namespace

void register_complete(CLI::App& app, Action& action) {
    auto what = std::make_shared<std::string>();
    auto* c = app.add_subcommand("__complete", "Ids for shell completion");
    c->group(""); // hidden from --help
    c->add_option("what", *what, "goals, all-goals or cbc")->required();
    c->callback([&action, what] {
        action = {Needs::read_quietly, [what](Context& ctx) { run_complete(*what, ctx); }};
    });
}

} // namespace smartgoals::cli
