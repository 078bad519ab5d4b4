// SPDX-License-Identifier: MIT
// A hidden command for the shell completions: open goals and comparisons, "ID<TAB>TEXT" a line.
#include "cli/context.hpp"

#include <smartgoals/errors.hpp>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <ostream>

namespace smartgoals::cli {

namespace {

// Completions must stay quiet: any trouble (no database yet, a locked one) gives no lines.
void run_complete(const std::string& what, Context& ctx) {
    if (what != "goals" && what != "all-goals" && what != "cbc") {
        throw UsageError(fmt::format("__complete: '{}' is not goals, all-goals or cbc", what));
    }
    try {
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
        SQLite::Statement query(store.database(),
                                what == "goals"
                                    ? "SELECT id, text FROM goals WHERE status = 'open' ORDER BY id"
                                    : "SELECT id, text FROM goals ORDER BY id");
        while (query.executeStep()) {
            ctx.out << query.getColumn(0).getInt64() << '\t'
                    << one_line(query.getColumn(1).getString()) << '\n';
        }
    } catch (const StorageError&) {
    } catch (const SQLite::Exception&) {
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
