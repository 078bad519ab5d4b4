// SPDX-License-Identifier: MIT
// A hidden command for the shell completions: open goals and comparisons, "ID<TAB>TEXT" a line.
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>

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
    auto one_line = [](std::string text) {
        for (auto& c : text) {
            c = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
        }
        return text;
    };
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
